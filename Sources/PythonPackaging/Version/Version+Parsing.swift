extension Version {
    /// Parses a PEP 440 version, accepting every spelling `packaging` accepts.
    ///
    /// Surrounding whitespace, a `v` prefix, any letter case, the alternate
    /// spellings (`alpha`, `c`, `pre`, `preview`, `rev`, `r`), the separators
    /// `.`, `-`, `_` and implicit numbers (`1.0a`, `1.0-1`) are all read and
    /// normalized.
    public init(_ text: String) throws(VersionParseError) {
        // Most versions are plain releases (`1.2.3`): try them without copying.
        if let plain = text.utf8.withContiguousStorageIfAvailable(Version.parsePlainRelease),
            let version = plain
        {
            self = version
            return
        }
        var copy = text
        let outcome = copy.withUTF8 { bytes in Version.parse(bytes, 0, bytes.count) }
        switch outcome {
        case .success(let version): self = version
        case .failure(let failure):
            throw VersionParseError(input: text, offset: failure.offset, expected: failure.expected)
        }
    }

    /// Parses a PEP 440 version from part of a string.
    public init(_ text: Substring) throws(VersionParseError) {
        try self.init(String(text))
    }
}

extension Version {
    /// The fast path for the most common versions: `N(.N)*` with at most four
    /// significant numbers of at most eight digits, nothing else. `nil` sends
    /// anything else to the full scanner.
    static func parsePlainRelease(_ bytes: UnsafeBufferPointer<UInt8>) -> Version? {
        var parts: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        var index = 0
        let end = bytes.count
        while true {
            // One number: skip leading zeros, then at most nine digits.
            let start = index
            while index < end, bytes[index] == UInt8(ascii: "0") { index += 1 }
            let significant = index
            var value: UInt64 = 0
            while index < end, isDigit(bytes[index]) {
                value = value &* 10 &+ UInt64(bytes[index] &- 0x30)
                index += 1
            }
            guard index > start, index - significant <= 8 else { return nil }
            switch count {
            case 0: parts.0 = value
            case 1: parts.1 = value
            case 2: parts.2 = value
            case 3: parts.3 = value
            default: guard value == 0 else { return nil }
            }
            count += 1
            if index == end { break }
            guard bytes[index] == UInt8(ascii: "."), count < longRelease - 1 else { return nil }
            index += 1
        }
        return Version(
            packed: .finalRelease(parts.0, parts.1, parts.2, parts.3, length: count), extra: nil)
    }
}

/// Where and why a version failed to parse, before the error message is built.
struct VersionSyntaxFailure: Error {
    var offset: Int
    var expected: String
}

// MARK: - Scanner

extension Version {
    /// Parses `bytes[start..<end]` as a whole PEP 440 version.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    ) -> Result<Version, VersionSyntaxFailure> {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: end - start + 16) { memory in
            var scanner = VersionScanner(bytes: bytes, start: start, end: end)
            var key = KeyWriter(base: memory.baseAddress.unsafelyUnwrapped)
            return scanner.scanVersion(into: &key)
        }
    }
}

/// A single pass over the UTF-8 bytes of a version.
///
/// Each optional part is tried once and, once it matches, never given back:
/// `packaging`'s pattern uses possessive quantifiers, so `1.0a.` reads as
/// `1.0a0` with the `.` taken by the pre-release.
struct VersionScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    var end: Int

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        self.bytes = bytes
        (index, self.end) = PythonWhitespace.trim(bytes, start, end)
    }

    /// Scans the whole version, writing its full key to `key`.
    mutating func scanVersion(into key: inout KeyWriter) -> Result<Version, VersionSyntaxFailure> {
        // Optional `v`, then the epoch or the first release number.
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "v") { index += 1 }
        guard index < end, isDigit(bytes[index]) else {
            return .failure(failure("a release number such as '1.0'"))
        }
        var run = scanDigits()
        if index < end, bytes[index] == UInt8(ascii: "!") {
            VersionKey.appendNumber(bytes, run.start, run.end, to: &key)
            index += 1
            guard index < end, isDigit(bytes[index]) else {
                return .failure(failure("a release number after the epoch"))
            }
            run = scanDigits()
        } else {
            key.append(1)
        }

        // The release, with trailing zeros dropped from the key.
        var trimmedEnd = key.count
        var releaseLength = 0
        while true {
            VersionKey.appendNumber(bytes, run.start, run.end, to: &key)
            releaseLength += 1
            if !run.isZero { trimmedEnd = key.count }
            guard index + 1 < end, bytes[index] == UInt8(ascii: "."), isDigit(bytes[index + 1])
            else { break }
            index += 1
            run = scanDigits()
        }
        key.count = trimmedEnd
        key.append(0)

        // Pre-, post- and dev-release parts, each optional.
        var flags: Version.Flags = []
        let pre = scanPreRelease()
        let post = scanPostRelease()
        let dev = scanDevRelease()
        if let pre {
            flags.insert(.pre)
            key.append(pre.rank)
            VersionKey.appendNumber(bytes, pre.number.start, pre.number.end, to: &key)
        } else {
            key.append(post == nil && dev != nil ? VersionKey.Rank.devOnly : VersionKey.Rank.final)
        }
        if let post {
            flags.insert(.post)
            key.append(1)
            VersionKey.appendNumber(bytes, post.start, post.end, to: &key)
        } else {
            key.append(0)
        }
        if let dev {
            flags.insert(.dev)
            key.append(0)
            VersionKey.appendNumber(bytes, dev.start, dev.end, to: &key)
        } else {
            key.append(1)
        }

        // The local label, then nothing but the end.
        var local: String?
        if index < end, bytes[index] == UInt8(ascii: "+") {
            index += 1
            switch scanLocal() {
            case .success(let label): local = label
            case .failure(let failure): return .failure(failure)
            }
        }
        guard index == end else {
            let expected =
                local == nil
                ? "a pre-, post- or dev-release, a local label or the end" : "the end"
            return .failure(failure(expected))
        }
        return .success(
            Version(key: key.words, releaseLength: releaseLength, flags: flags, local: local))
    }

    // MARK: Parts

    /// A run of ASCII digits; `start == end` for an implicit zero.
    struct DigitRun {
        var start: Int
        var end: Int
        var isZero: Bool
    }

    mutating func scanDigits() -> DigitRun {
        let start = index
        var isZero = true
        while index < end, isDigit(bytes[index]) {
            if bytes[index] != UInt8(ascii: "0") { isZero = false }
            index += 1
        }
        return DigitRun(start: start, end: index, isZero: isZero)
    }

    /// `[._-]? (alpha|a|beta|b|preview|pre|c|rc) [._-]? N?`
    mutating func scanPreRelease() -> (rank: UInt64, number: DigitRun)? {
        var probe = index
        if probe < end, isSeparator(bytes[probe]) { probe += 1 }
        guard let match = preWord(at: probe) else { return nil }
        index = probe + match.length
        if index < end, isSeparator(bytes[index]) { index += 1 }
        return (match.rank, scanDigits())
    }

    /// `-N`, or `[._-]? (post|rev|r) [._-]? N?`
    mutating func scanPostRelease() -> DigitRun? {
        if index + 1 < end, bytes[index] == UInt8(ascii: "-"), isDigit(bytes[index + 1]) {
            index += 1
            return scanDigits()
        }
        return scanLabeledNumber { scanner, position in scanner.postWordLength(at: position) }
    }

    /// `[._-]? dev [._-]? N?`
    mutating func scanDevRelease() -> DigitRun? {
        scanLabeledNumber { scanner, position in
            scanner.matches("dev", at: position) ? 3 : nil
        }
    }

    /// `[._-]? word [._-]? N?` for the word `wordLength` finds.
    mutating func scanLabeledNumber(
        _ wordLength: (VersionScanner, Int) -> Int?
    ) -> DigitRun? {
        var probe = index
        if probe < end, isSeparator(bytes[probe]) { probe += 1 }
        guard let length = wordLength(self, probe) else { return nil }
        index = probe + length
        if index < end, isSeparator(bytes[index]) { index += 1 }
        return scanDigits()
    }

    /// `[a-z0-9]+ ([._-][a-z0-9]+)*`, normalized: lowercase, `.`-joined, numbers
    /// without leading zeros.
    mutating func scanLocal() -> Result<String, VersionSyntaxFailure> {
        var label: [UInt8] = []
        while true {
            guard index < end, isAlphanumeric(bytes[index]) else {
                let expected =
                    label.isEmpty
                    ? "a local label of letters and digits after '+'"
                    : "letters or digits after the separator"
                return .failure(failure(expected))
            }
            let start = index
            var allDigits = true
            while index < end, isAlphanumeric(bytes[index]) {
                if !isDigit(bytes[index]) { allDigits = false }
                index += 1
            }
            if !label.isEmpty { label.append(UInt8(ascii: ".")) }
            if allDigits {
                var first = start
                while first < index - 1, bytes[first] == UInt8(ascii: "0") { first += 1 }
                label.append(contentsOf: bytes[first..<index])
            } else {
                for byte in bytes[start..<index] {
                    label.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                }
            }
            guard index + 1 < end, isSeparator(bytes[index]), isAlphanumeric(bytes[index + 1])
            else { break }
            index += 1
        }
        return .success(String(decoding: label, as: UTF8.self))
    }

    // MARK: Bytes

    /// The pre-release word at `position` (longest spelling first), ignoring
    /// ASCII case: `alpha|a|beta|b|preview|pre|c|rc`.
    func preWord(at position: Int) -> (rank: UInt64, length: Int)? {
        guard position < end else { return nil }
        switch bytes[position] | 0x20 {
        case UInt8(ascii: "a"):
            return (VersionKey.Rank.alpha, matches("alpha", at: position) ? 5 : 1)
        case UInt8(ascii: "b"):
            return (VersionKey.Rank.beta, matches("beta", at: position) ? 4 : 1)
        case UInt8(ascii: "c"):
            return (VersionKey.Rank.releaseCandidate, 1)
        case UInt8(ascii: "p"):
            if matches("preview", at: position) { return (VersionKey.Rank.releaseCandidate, 7) }
            return matches("pre", at: position) ? (VersionKey.Rank.releaseCandidate, 3) : nil
        case UInt8(ascii: "r"):
            return matches("rc", at: position) ? (VersionKey.Rank.releaseCandidate, 2) : nil
        default:
            return nil
        }
    }

    /// The length of the post-release word at `position`: `post|rev|r`.
    func postWordLength(at position: Int) -> Int? {
        if matches("post", at: position) { return 4 }
        if matches("rev", at: position) { return 3 }
        return matches("r", at: position) ? 1 : nil
    }

    /// Whether the lowercase ASCII `word` is at `position`, ignoring case.
    func matches(_ word: StaticString, at position: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= end else { return false }
        let letters = word.utf8Start
        for offset in 0..<count where bytes[position + offset] | 0x20 != letters[offset] {
            return false
        }
        return true
    }

    func failure(_ expected: String) -> VersionSyntaxFailure {
        VersionSyntaxFailure(offset: index, expected: expected)
    }
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

@inline(__always) func isSeparator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
}

@inline(__always) func isAlphanumeric(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 26
}
