import PythonPackaging

/// A wheel of a locked release, with its tags ranked for the target.
struct Wheel {
    /// The file name.
    var filename: String
    /// The build tag, if any.
    var build: String?
    /// The tags and how the target ranks them.
    var tagSet: WheelReader.TagSet
}

/// Reads wheel file names as `packaging.utils.parse_wheel_filename` accepts them,
/// remembering the versions and tag sets already seen: a release's wheels share one
/// version and a lock repeats a few dozen tag sets thousands of times.
struct WheelReader {
    /// A compressed tag set such as `cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64`.
    struct TagSet {
        /// The expanded tags, in written order.
        var tags: [WheelTag]
        /// The best rank among them on the target, `nil` when none is supported.
        var bestRank: Int?
        /// Whether some tag's platform is not `any`.
        var isPlatform: Bool
    }

    let target: CheckTarget
    private var tagSets: [String: TagSet?] = [:]
    private var versions: [String: Bool] = [:]

    init(target: CheckTarget) {
        self.target = target
    }

    /// The wheel named `filename`, or `nil` when the name is not a valid wheel name.
    mutating func read(_ filename: String) -> Wheel? {
        var name = filename
        return name.withUTF8 { read(filename, bytes: $0) }
    }

    private mutating func read(_ filename: String, bytes: UnsafeBufferPointer<UInt8>) -> Wheel? {
        guard bytes.count >= 4, bytes[(bytes.count - 4)...].elementsEqual(".whl".utf8) else {
            return nil
        }

        // Non-ASCII names need Unicode word rules: leave them to the full parser.
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            guard let wheel = try? WheelFilename(parsing: filename) else { return nil }
            return Wheel(filename: filename, build: wheel.build, tagSet: rank(wheel.tags))
        }

        // `name-version(-build)?-python-abi-platform`: split at the dashes.
        let end = bytes.count - 4
        var dashes: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)
        var count = 0
        for index in 0..<end where bytes[index] == UInt8(ascii: "-") {
            switch count {
            case 0: dashes.0 = index
            case 1: dashes.1 = index
            case 2: dashes.2 = index
            case 3: dashes.3 = index
            case 4: dashes.4 = index
            default: return nil
            }
            count += 1
        }
        guard count == 4 || count == 5 else { return nil }
        guard Self.isValidName(bytes[0..<dashes.0]) else { return nil }
        let version = String(decoding: bytes[(dashes.0 + 1)..<dashes.1], as: UTF8.self)
        guard isValidVersion(version) else { return nil }
        var build: String?
        var tagStart = dashes.1 + 1
        if count == 5 {
            let part = bytes[(dashes.1 + 1)..<dashes.2]
            guard let first = part.first, first >= 0x30, first <= 0x39,
                !part.contains(UInt8(ascii: "\n"))
            else { return nil }
            build = String(decoding: part, as: UTF8.self)
            tagStart = dashes.2 + 1
        }
        let tagText = String(decoding: bytes[tagStart..<end], as: UTF8.self)
        guard let tagSet = tagSet(tagText) else { return nil }
        return Wheel(filename: filename, build: build, tagSet: tagSet)
    }

    /// ASCII word characters and dots, not empty, never `__`.
    private static func isValidName(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard !name.isEmpty else { return false }
        var previous: UInt8 = 0
        for byte in name {
            let isWord =
                (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x5F || byte == 0x2E
            guard isWord, !(byte == 0x5F && previous == 0x5F) else { return false }
            previous = byte
        }
        return true
    }

    private mutating func isValidVersion(_ text: String) -> Bool {
        if let known = versions[text] { return known }
        let valid = (try? Version(text)) != nil
        versions[text] = valid
        return valid
    }

    private mutating func tagSet(_ text: String) -> TagSet? {
        if let known = tagSets[text] { return known }
        let parsed = (try? WheelTag.parseSet(text)).map(rank)
        tagSets[text] = .some(parsed)
        return parsed
    }

    private func rank(_ tags: [WheelTag]) -> TagSet {
        var best: Int?
        for tag in tags {
            if let rank = target.rank(of: tag), rank < best ?? .max { best = rank }
        }
        return TagSet(
            tags: tags, bestRank: best, isPlatform: tags.contains { $0.platform != "any" })
    }
}
