/// A version as PEP 440 defines it: `[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`.
///
/// Versions compare in PEP 440 order, exactly as `packaging.version.Version`
/// orders them, and two versions are equal when their normalized forms
/// compare equal (`1.0` equals `1.0.0`; `1.0+abc.7` equals `1.0+ABC-007`).
/// See https://packaging.python.org/en/latest/specifications/version-specifiers/.
public struct Version: Sendable {
    /// The sort key; see ``VersionKey``.
    let key: [UInt64]
    /// The index in `key` of the word 0 that ends the release.
    let releaseEnd: Int32
    /// The number of release components as written, trailing zeros included.
    let releaseLength: Int32
    /// Which of the pre-, post- and dev-release parts are present.
    let flags: Flags
    /// The local label, normalized: lowercase, `.`-separated, numbers without
    /// leading zeros.
    let localLabel: String?

    struct Flags: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let pre = Flags(rawValue: 1)
        static let post = Flags(rawValue: 2)
        static let dev = Flags(rawValue: 4)
    }

    init(key: [UInt64], releaseEnd: Int, releaseLength: Int, flags: Flags, local: String?) {
        self.key = key
        self.releaseEnd = Int32(releaseEnd)
        self.releaseLength = Int32(releaseLength)
        self.flags = flags
        self.localLabel = local
    }

    /// A version made of its parts.
    ///
    /// - Parameter local: a local label already normalized (lowercase,
    ///   `.`-separated, numeric segments without leading zeros).
    package init(
        epoch: VersionNumber = 0, release: [VersionNumber], pre: PreRelease? = nil,
        post: VersionNumber? = nil, dev: VersionNumber? = nil, local: String? = nil
    ) {
        precondition(!release.isEmpty, "a version needs at least one release component")
        var key: [UInt64] = []
        VersionKey.appendNumber(epoch, to: &key)
        let trimmed = release.lastIndex { !$0.isZero }.map { release[...$0] } ?? []
        for component in trimmed { VersionKey.appendNumber(component, to: &key) }
        let releaseEnd = key.count
        key.append(0)
        var flags: Flags = []
        if let pre {
            flags.insert(.pre)
            key.append(pre.kind.rank)
            VersionKey.appendNumber(pre.number, to: &key)
        } else {
            key.append(post == nil && dev != nil ? VersionKey.Rank.devOnly : VersionKey.Rank.final)
        }
        if let post {
            flags.insert(.post)
            key.append(1)
            VersionKey.appendNumber(post, to: &key)
        } else {
            key.append(0)
        }
        if let dev {
            flags.insert(.dev)
            key.append(0)
            VersionKey.appendNumber(dev, to: &key)
        } else {
            key.append(1)
        }
        self.init(
            key: key, releaseEnd: releaseEnd, releaseLength: release.count, flags: flags,
            local: local)
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
        var index = 0
        return VersionKey.readNumber(key, at: &index)
    }

    /// The release components as written, trailing zeros included.
    public var release: [VersionNumber] {
        var index = VersionKey.width(key, at: 0)
        var components: [VersionNumber] = []
        while index < releaseEnd { components.append(VersionKey.readNumber(key, at: &index)) }
        while components.count < releaseLength { components.append(0) }
        return components
    }

    /// The pre-release part, if any.
    public var pre: PreRelease? {
        guard flags.contains(.pre) else { return nil }
        var index = Int(releaseEnd) + 1
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
        var index = postFlagIndex + 1
        return VersionKey.readNumber(key, at: &index)
    }

    /// The dev-release number, if any.
    public var dev: VersionNumber? {
        guard flags.contains(.dev) else { return nil }
        var index = devFlagIndex + 1
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
    public var publicVersion: Version {
        guard localLabel != nil else { return self }
        return Version(
            key: key, releaseEnd: Int(releaseEnd), releaseLength: Int(releaseLength),
            flags: flags, local: nil)
    }

    /// The epoch and release only: `1!2.0` for `1!2.0rc1.post2+abc`.
    public var baseVersion: Version {
        Version(epoch: epoch, release: release)
    }

    /// The index of the word that says whether a post-release follows.
    var postFlagIndex: Int {
        let rankIndex = Int(releaseEnd) + 1
        guard flags.contains(.pre) else { return rankIndex + 1 }
        return rankIndex + 1 + VersionKey.width(key, at: rankIndex + 1)
    }

    /// The index of the word that says whether a dev-release follows.
    var devFlagIndex: Int {
        let postIndex = postFlagIndex
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
}
