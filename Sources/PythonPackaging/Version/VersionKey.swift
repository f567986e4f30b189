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

/// The key of a version in four words, for the common case: epoch 0, at most
/// four release numbers below 2³², small pre-, post- and dev-release numbers.
///
/// Words compare in the same order as the full keys: the release numbers are
/// 32-bit fields padded with zeros (so `1.0` packs as `1`), then
/// `rank << 61 | pre << 32 | post + 1 (0 for none)`, then the dev number
/// (`UInt32.max` for none, so that a dev release sorts first).
@usableFromInline
struct PackedKey: Sendable, Hashable {
    @usableFromInline var release01: UInt64
    @usableFromInline var release23: UInt64
    @usableFromInline var suffix: UInt64
    @usableFromInline var dev: UInt64

    static let noDev = UInt64(UInt32.max)

    /// The placeholder kept by versions whose key is wide.
    static let unused = PackedKey(release01: 0, release23: 0, suffix: 0, dev: 0)

    private init(release01: UInt64, release23: UInt64, suffix: UInt64, dev: UInt64) {
        self.release01 = release01
        self.release23 = release23
        self.suffix = suffix
        self.dev = dev
    }

    /// The packed form of a full key, when it fits.
    init?(_ key: UnsafeBufferPointer<UInt64>) {
        guard key[0] == 1 else { return nil }
        var release: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var index = 1
        var count = 0
        while key[index] != 0 {
            let word = key[index]
            guard count < 4, word <= 1 << 32 else { return nil }
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
            guard key[index] <= 1 << 29 else { return nil }
            pre = key[index] - 1
            index += 1
        }
        var post: UInt64 = 0
        if key[index] == 1 {
            guard key[index + 1] < UInt64(UInt32.max) else { return nil }
            post = key[index + 1]
            index += 1
        }
        index += 1
        var dev = Self.noDev
        if key[index] == 0 {
            guard key[index + 1] <= UInt64(UInt32.max) else { return nil }
            dev = key[index + 1] - 1
        }
        release01 = release.0 << 32 | release.1
        release23 = release.2 << 32 | release.3
        suffix = rank << 61 | pre << 32 | post
        self.dev = dev
    }

    /// The full key this packs.
    var unpacked: [UInt64] {
        var key: [UInt64] = [1]
        let release = [
            release01 >> 32, release01 & 0xFFFF_FFFF, release23 >> 32, release23 & 0xFFFF_FFFF,
        ]
        let significant = (release.lastIndex { $0 != 0 } ?? -1) + 1
        for component in release.prefix(significant) { key.append(component + 1) }
        key.append(0)
        let rank = suffix >> 61
        key.append(rank)
        if rank != VersionKey.Rank.devOnly, rank != VersionKey.Rank.final {
            key.append((suffix >> 32 & 0x1FFF_FFFF) + 1)
        }
        let post = suffix & 0xFFFF_FFFF
        key += post == 0 ? [0] : [1, post]
        key += dev == Self.noDev ? [1] : [0, dev + 1]
        return key
    }

    /// -1, 0 or 1 as `lhs` sorts before, with or after `rhs`.
    @inlinable @inline(__always)
    static func compare(_ lhs: PackedKey, _ rhs: PackedKey) -> Int {
        if lhs.release01 != rhs.release01 { return lhs.release01 < rhs.release01 ? -1 : 1 }
        if lhs.release23 != rhs.release23 { return lhs.release23 < rhs.release23 ? -1 : 1 }
        if lhs.suffix != rhs.suffix { return lhs.suffix < rhs.suffix ? -1 : 1 }
        if lhs.dev != rhs.dev { return lhs.dev < rhs.dev ? -1 : 1 }
        return 0
    }
}
