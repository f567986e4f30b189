/// The sort key of a version: a list of words whose lexicographic order is
/// the PEP 440 order of the versions.
///
/// Layout, where `n` is an encoded number:
/// `n(epoch) n(release)… 0 preRank [n(pre)] (0 | 1 n(post)) (0 n(dev) | 1)`.
/// The release is stored without trailing zeros (`1.0` sorts with `1`), and
/// every field is self-delimiting, so no key is a prefix of another.
///
/// A number below 10¹⁸ is one word holding the number plus one (so the word
/// 0 can end the release). A larger number is a word `largeMarker + digit
/// count` followed by its digits in 18-digit chunks, left-aligned; longer
/// numbers are larger, and equal lengths compare chunk by chunk.
enum VersionKey {
    /// The first word value that announces a large number.
    static let largeMarker: UInt64 = 1 << 63
    /// Decimal digits per word of a large number.
    static let chunkDigits = 18

    /// Pre-release ranks, in sort order.
    enum Rank {
        /// A dev release of a final version (`1.0.dev1`): below every pre-release.
        static let devOnly: UInt64 = 0
        static let alpha: UInt64 = 1
        static let beta: UInt64 = 2
        static let releaseCandidate: UInt64 = 3
        /// A final or post release.
        static let final: UInt64 = 4
    }

    /// Appends the encoding of the decimal digits `digits[start..<end]`.
    static func appendNumber(
        _ digits: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to key: inout [UInt64]
    ) {
        var first = start
        while first < end - 1, digits[first] == 0x30 { first += 1 }
        let count = end - first
        if count <= chunkDigits {
            var value: UInt64 = 0
            for index in first..<end { value = value &* 10 &+ UInt64(digits[index] &- 0x30) }
            key.append(value + 1)
            return
        }
        key.append(largeMarker + UInt64(count))
        var index = first
        while index < end {
            var chunk: UInt64 = 0
            for offset in 0..<chunkDigits {
                let digit = index + offset < end ? UInt64(digits[index + offset] &- 0x30) : 0
                chunk = chunk * 10 + digit
            }
            key.append(chunk)
            index += chunkDigits
        }
    }

    /// Appends the encoding of `number`.
    static func appendNumber(_ number: VersionNumber, to key: inout [UInt64]) {
        var digits = Array(number.description.utf8)
        digits.withUnsafeMutableBufferPointer { buffer in
            appendNumber(UnsafeBufferPointer(buffer), 0, buffer.count, to: &key)
        }
    }

    /// Whether the number starting at `index` is zero.
    static func isZero(_ key: [UInt64], at index: Int) -> Bool { key[index] == 1 }

    /// The number of words the number starting at `index` occupies.
    static func width(_ key: [UInt64], at index: Int) -> Int {
        let word = key[index]
        guard word >= largeMarker else { return 1 }
        let count = Int(word - largeMarker)
        return 1 + (count + chunkDigits - 1) / chunkDigits
    }

    /// Decodes the number starting at `index` and moves `index` past it.
    static func readNumber(_ key: [UInt64], at index: inout Int) -> VersionNumber {
        let word = key[index]
        index += 1
        guard word >= largeMarker else { return VersionNumber(word - 1) }
        var remaining = Int(word - largeMarker)
        var digits = ""
        digits.reserveCapacity(remaining)
        while remaining > 0 {
            let chunk = String(key[index])
            let padded = String(repeating: "0", count: chunkDigits - chunk.count) + chunk
            digits += padded.prefix(min(remaining, chunkDigits))
            remaining -= chunkDigits
            index += 1
        }
        return VersionNumber(digits: digits) ?? 0
    }
}
