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

    /// Appends the encoding of the decimal digits `digits[start..<end]`; an
    /// empty run is zero.
    static func appendNumber(
        _ digits: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to key: inout KeyWriter
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

/// Appends words to memory sized for the longest key a text can produce.
struct KeyWriter {
    let base: UnsafeMutablePointer<UInt64>
    var count = 0

    mutating func append(_ word: UInt64) {
        base[count] = word
        count += 1
    }

    var words: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: base, count: count) }
}

/// A version's sort key in three words, for the common case: epoch 0, at most
/// four release numbers below 2²⁸, a pre-release number below 2¹³, a post
/// number below 2¹⁶ - 1 and a dev number below 2³² - 1.
///
/// With their low bytes masked off, the words compare in the same order as the
/// full keys. `head` holds the first two release numbers (bits 36–63 and
/// 8–35) and, in its low byte, the number of release components as written;
/// `middle` the next two and, in its low byte, the version's flags; `suffix`
/// is `rank << 61 | pre << 48 | (post + 1, or 0) << 32 | dev` with
/// `UInt32.max` for no dev part, so that a dev release sorts first. Release
/// numbers are padded with zeros, so `1.0` packs as `1`.
@usableFromInline
struct PackedKey: Sendable {
    @usableFromInline var head: UInt64
    @usableFromInline var middle: UInt64
    @usableFromInline var suffix: UInt64

    /// The bits of `head` and `middle` that take part in comparisons.
    @usableFromInline static var compared: UInt64 { ~0xFF }
    static let noDev = UInt64(UInt32.max)
    static let releaseLimit: UInt64 = 1 << 28

    init(head: UInt64, middle: UInt64, suffix: UInt64) {
        self.head = head
        self.middle = middle
        self.suffix = suffix
    }

    /// The packed key of a final release `r0.r1.r2.r3`, each below 2²⁸.
    static func finalRelease(
        _ r0: UInt64, _ r1: UInt64, _ r2: UInt64, _ r3: UInt64, length: Int
    ) -> PackedKey {
        PackedKey(
            head: r0 << 36 | r1 << 8 | UInt64(length), middle: r2 << 36 | r3 << 8,
            suffix: VersionKey.Rank.final << 61 | noDev)
    }

    /// The packed form of a full key, when it fits; flags and length are
    /// added by the caller.
    static func pack(_ key: UnsafeBufferPointer<UInt64>) -> PackedKey? {
        guard key[0] == 1 else { return nil }
        var release: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var index = 1
        var count = 0
        while key[index] != 0 {
            let word = key[index]
            guard count < 4, word <= releaseLimit else { return nil }
            switch count {
            case 0: release.0 = word - 1
            case 1: release.1 = word - 1
            case 2: release.2 = word - 1
            default: release.3 = word - 1
            }
            count += 1
            index += 1
        }
        index += 1
        let rank = key[index]
        index += 1
        var pre: UInt64 = 0
        if rank != VersionKey.Rank.devOnly, rank != VersionKey.Rank.final {
            guard key[index] <= 1 << 13 else { return nil }
            pre = key[index] - 1
            index += 1
        }
        var post: UInt64 = 0
        if key[index] == 1 {
            guard key[index + 1] < 1 << 16 else { return nil }
            post = key[index + 1]
            index += 1
        }
        index += 1
        var dev = Self.noDev
        if key[index] == 0 {
            guard key[index + 1] <= UInt64(UInt32.max) else { return nil }
            dev = key[index + 1] - 1
        }
        return PackedKey(
            head: release.0 << 36 | release.1 << 8, middle: release.2 << 36 | release.3 << 8,
            suffix: rank << 61 | pre << 48 | post << 32 | dev)
    }

    /// The full key this packs.
    var unpacked: [UInt64] {
        var key: [UInt64] = [1]
        let mask = Self.releaseLimit - 1
        let release = [head >> 36, head >> 8 & mask, middle >> 36, middle >> 8 & mask]
        let significant = (release.lastIndex { $0 != 0 } ?? -1) + 1
        for component in release.prefix(significant) { key.append(component + 1) }
        key.append(0)
        let rank = suffix >> 61
        key.append(rank)
        if rank != VersionKey.Rank.devOnly, rank != VersionKey.Rank.final {
            key.append((suffix >> 48 & 0x1FFF) + 1)
        }
        let post = suffix >> 32 & 0xFFFF
        key += post == 0 ? [0] : [1, post]
        let dev = suffix & 0xFFFF_FFFF
        key += dev == Self.noDev ? [1] : [0, dev + 1]
        return key
    }
}
