/// A version as PEP 440 defines it: `[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`.
///
/// Versions compare in PEP 440 order, exactly as `packaging.version.Version`
/// orders them, and two versions are equal when their normalized forms
/// compare equal (`1.0` equals `1.0.0`; `1.0+abc.7` equals `1.0+ABC-007`).
/// See https://packaging.python.org/en/latest/specifications/version-specifiers/.
public struct Version: Sendable {
    /// The sort key of the public part when it packs (see ``PackedKey``),
    /// with the release length and the flags in the low bytes.
    @usableFromInline let packed: PackedKey
    /// What does not fit inline: a wide key, a long release's length, the
    /// local label.
    let extra: Extra?

    @usableFromInline
    struct Flags: OptionSet, Sendable, Hashable {
        @usableFromInline let rawValue: UInt8
        @inlinable init(rawValue: UInt8) { self.rawValue = rawValue }
        @inlinable static var pre: Flags { Flags(rawValue: 1) }
        @inlinable static var post: Flags { Flags(rawValue: 2) }
        @inlinable static var dev: Flags { Flags(rawValue: 4) }
        /// The key is in `extra.wideKey`, not `packed`.
        @inlinable static var wide: Flags { Flags(rawValue: 8) }
        @inlinable static var local: Flags { Flags(rawValue: 16) }
    }

    /// The parts of a version kept out of line.
    final class Extra: Sendable {
        /// The full sort key (see ``VersionKey``) when it does not pack.
        let wideKey: [UInt64]?
        /// The local label, normalized: lowercase, `.`-separated, numbers
        /// without leading zeros.
        let localLabel: String?
        /// The release length when it does not fit the low byte of `head`.
        let releaseLength: Int

        init(wideKey: [UInt64]?, localLabel: String?, releaseLength: Int) {
            self.wideKey = wideKey
            self.localLabel = localLabel
            self.releaseLength = releaseLength
        }
    }

    /// The stored release length that sends readers to `extra`.
    static let longRelease = 0xFF

    /// A version from its full key.
    init(key: UnsafeBufferPointer<UInt64>, releaseLength: Int, flags: Flags, local: String?) {
        var flags = flags
        var wideKey: [UInt64]?
        var packed = PackedKey(head: 0, middle: 0, suffix: 0)
        if let fitting = PackedKey.pack(key) {
            packed = fitting
        } else {
            wideKey = Array(key)
            flags.insert(.wide)
        }
        if local != nil { flags.insert(.local) }
        packed.head |= UInt64(Swift.min(releaseLength, Self.longRelease))
        packed.middle |= UInt64(flags.rawValue)
        self.packed = packed
        let keepsExtra = wideKey != nil || local != nil || releaseLength >= Self.longRelease
        extra =
            keepsExtra
            ? Extra(wideKey: wideKey, localLabel: local, releaseLength: releaseLength) : nil
    }

    init(packed: PackedKey, extra: Extra?) {
        self.packed = packed
        self.extra = extra
    }

    /// Which parts are present, and whether the key is wide.
    @inlinable var flags: Flags { Flags(rawValue: UInt8(truncatingIfNeeded: packed.middle)) }

    /// The number of release components as written, trailing zeros included.
    var releaseLength: Int {
        let stored = Int(truncatingIfNeeded: packed.head) & Self.longRelease
        return stored == Self.longRelease ? extra?.releaseLength ?? stored : stored
    }

    /// A version made of its parts.
    ///
    /// - Parameter local: a valid local label (`ubuntu-1`); it is normalized.
    package init(
        epoch: VersionNumber = 0, release: [VersionNumber], pre: PreRelease? = nil,
        post: VersionNumber? = nil, dev: VersionNumber? = nil, local: String? = nil
    ) {
        precondition(!release.isEmpty, "a version needs at least one release component")
        var text = epoch.isZero ? "" : "\(epoch)!"
        text += release.map(\.description).joined(separator: ".")
        if let pre { text += pre.description }
        if let post { text += ".post\(post)" }
        if let dev { text += ".dev\(dev)" }
        if let local { text += "+" + local }
        do {
            self = try Version(text)
        } catch {
            preconditionFailure("parts make an invalid version '\(text)'")
        }
    }

    /// The full sort key of the public part; see ``VersionKey``.
    var key: [UInt64] { extra?.wideKey ?? packed.unpacked }

    /// The index in `key` of the word 0 that ends the release.
    static func releaseEnd(of key: [UInt64]) -> Int {
        var index = VersionKey.width(key, at: 0)
        while key[index] != 0 { index += VersionKey.width(key, at: index) }
        return index
    }

    /// The normalized local label, if any.
    var localLabel: String? { flags.contains(.local) ? extra?.localLabel : nil }

    /// This version without its local label.
    var withoutLocal: Version {
        guard flags.contains(.local) else { return self }
        var packed = packed
        packed.middle &= ~UInt64(Flags.local.rawValue)
        let wideKey = extra?.wideKey
        let keepsExtra = wideKey != nil || releaseLength >= Self.longRelease
        return Version(
            packed: packed,
            extra: keepsExtra
                ? Extra(wideKey: wideKey, localLabel: nil, releaseLength: releaseLength) : nil)
    }
}

// MARK: - Parts

/// The pre-release part of a version: its phase and number (`rc2`).
public struct PreRelease: Sendable, Hashable, CustomStringConvertible {
    /// A pre-release phase, in the order the phases sort.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case alpha = "a"
        case beta = "b"
        case releaseCandidate = "rc"

        var rank: UInt64 {
            switch self {
            case .alpha: VersionKey.Rank.alpha
            case .beta: VersionKey.Rank.beta
            case .releaseCandidate: VersionKey.Rank.releaseCandidate
            }
        }
    }

    /// The phase: alpha, beta or release candidate.
    public var kind: Kind
    /// The number after the phase (`0` when none is written).
    public var number: VersionNumber

    /// A pre-release part.
    public init(_ kind: Kind, _ number: VersionNumber) {
        self.kind = kind
        self.number = number
    }

    /// The normalized form, such as `rc2`.
    public var description: String { kind.rawValue + number.description }
}

extension Version {
    /// The epoch (`0` unless written as `N!`).
    public var epoch: VersionNumber {
        guard flags.contains(.wide) else { return 0 }
        var index = 0
        return VersionKey.readNumber(key, at: &index)
    }

    /// The release components as written, trailing zeros included.
    public var release: [VersionNumber] {
        let key = key
        var index = VersionKey.width(key, at: 0)
        var components: [VersionNumber] = []
        while key[index] != 0 { components.append(VersionKey.readNumber(key, at: &index)) }
        while components.count < releaseLength { components.append(0) }
        return components
    }

    /// The pre-release part, if any.
    public var pre: PreRelease? {
        guard flags.contains(.pre) else { return nil }
        let key = key
        var index = Self.releaseEnd(of: key) + 1
        let rank = key[index]
        index += 1
        let kind: PreRelease.Kind =
            switch rank {
            case VersionKey.Rank.alpha: .alpha
            case VersionKey.Rank.beta: .beta
            default: .releaseCandidate
            }
        return PreRelease(kind, VersionKey.readNumber(key, at: &index))
    }

    /// The post-release number, if any.
    public var post: VersionNumber? {
        guard flags.contains(.post) else { return nil }
        let key = key
        var index = postFlagIndex(key) + 1
        return VersionKey.readNumber(key, at: &index)
    }

    /// The dev-release number, if any.
    public var dev: VersionNumber? {
        guard flags.contains(.dev) else { return nil }
        let key = key
        var index = devFlagIndex(key) + 1
        return VersionKey.readNumber(key, at: &index)
    }

    /// The normalized local label (`ubuntu.1`), if any.
    public var local: String? { localLabel }

    /// Whether this is a pre-release or a dev release, as PEP 440 counts them.
    public var isPrerelease: Bool { !flags.isDisjoint(with: [.pre, .dev]) }

    /// Whether this has a post-release part.
    public var isPostrelease: Bool { flags.contains(.post) }

    /// Whether this has a dev-release part.
    public var isDevrelease: Bool { flags.contains(.dev) }

    /// The version without its local label.
    public var publicVersion: Version { withoutLocal }

    /// The epoch and release only: `1!2.0` for `1!2.0rc1.post2+abc`.
    public var baseVersion: Version {
        Version(epoch: epoch, release: release)
    }

    /// The index of the word that says whether a post-release follows.
    func postFlagIndex(_ key: [UInt64]) -> Int {
        let rankIndex = Self.releaseEnd(of: key) + 1
        guard flags.contains(.pre) else { return rankIndex + 1 }
        return rankIndex + 1 + VersionKey.width(key, at: rankIndex + 1)
    }

    /// The index of the word that says whether a dev-release follows.
    func devFlagIndex(_ key: [UInt64]) -> Int {
        let postIndex = postFlagIndex(key)
        guard flags.contains(.post) else { return postIndex + 1 }
        return postIndex + 1 + VersionKey.width(key, at: postIndex + 1)
    }
}

// MARK: - Text

extension Version: CustomStringConvertible {
    /// The normalized form: `1.0rc1.post2.dev3+local.7`, epoch shown when not 0.
    public var description: String {
        var text = ""
        let epoch = epoch
        if !epoch.isZero { text += "\(epoch)!" }
        text += release.map(\.description).joined(separator: ".")
        if let pre { text += pre.description }
        if let post { text += ".post\(post)" }
        if let dev { text += ".dev\(dev)" }
        if let localLabel { text += "+" + localLabel }
        return text
    }

    /// The normalized form without trailing zero release components (at least
    /// one stays): `1.0.0a1` is `1a1`, as `packaging` canonicalizes a version.
    var trimmedDescription: String {
        var release = release
        while release.count > 1, release.last?.isZero == true { release.removeLast() }
        var text = ""
        let epoch = epoch
        if !epoch.isZero { text += "\(epoch)!" }
        text += release.map(\.description).joined(separator: ".")
        if let pre { text += pre.description }
        if let post { text += ".post\(post)" }
        if let dev { text += ".dev\(dev)" }
        if let localLabel { text += "+" + localLabel }
        return text
    }
}
