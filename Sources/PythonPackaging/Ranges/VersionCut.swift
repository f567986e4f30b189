/// A point on the line of versions, between two sets of versions: every
/// version sorts either below or above a cut, never on it.
///
/// Cuts are kept canonical, so two different cuts always have a version
/// between them and a range has exactly one representation: a cut just above
/// `1.0` and all its local versions is stored as `below(1.0.post0.dev0)`, the
/// least version above them. Only the cut above all post-releases of a final
/// release (the bound of `>1.0`) has no least version above it, and is kept as
/// ``afterRelease(_:)``.
public enum VersionCut: Sendable, Hashable {
    /// Below every version.
    case negativeInfinity
    /// Just below the version: it and everything above it are above the cut.
    case below(Version)
    /// Just above the version: it and everything below it are below the cut.
    case above(Version)
    /// Above every version with this epoch and release (posts and locals
    /// included), below every later release.
    case afterRelease(Version)
    /// Above every version.
    case positiveInfinity

    /// The cut just below `version`, canonical.
    public static func before(_ version: Version) -> VersionCut {
        version == Version.minimum
            ? .negativeInfinity : .below(version)
    }

    /// The cut just above `version` and all of its local versions.
    public static func afterLocals(_ version: Version) -> VersionCut {
        version.localLabel == nil ? .below(version.firstAboveLocals) : .above(version)
    }

    /// The cut just above `version`, its local versions and its post-releases
    /// (the lower bound of PEP 440's `>V`).
    public static func afterFamily(_ version: Version) -> VersionCut {
        if let next = version.firstAboveFamily { return .below(next) }
        return .afterRelease(version.baseVersion)
    }

    /// Whether `version` sorts above this cut.
    public func isBelow(_ version: Version) -> Bool {
        switch self {
        case .negativeInfinity: true
        case .below(let bound): Version.compare(version, bound) >= 0
        case .above(let bound): Version.compare(version, bound) > 0
        case .afterRelease(let bound): Version.compareReleases(version, bound) > 0
        case .positiveInfinity: false
        }
    }

    /// -1, 0 or 1 as `lhs` lies below, on or above `rhs`.
    static func compare(_ lhs: VersionCut, _ rhs: VersionCut) -> Int {
        switch (lhs, rhs) {
        case (.negativeInfinity, .negativeInfinity), (.positiveInfinity, .positiveInfinity):
            return 0
        case (.negativeInfinity, _), (_, .positiveInfinity):
            return -1
        case (_, .negativeInfinity), (.positiveInfinity, _):
            return 1
        case (.below(let a), .below(let b)), (.above(let a), .above(let b)):
            return Version.compare(a, b)
        case (.below(let a), .above(let b)):
            return Version.compare(a, b) <= 0 ? -1 : 1
        case (.above(let a), .below(let b)):
            return Version.compare(a, b) < 0 ? -1 : 1
        case (.afterRelease(let a), .afterRelease(let b)):
            return Version.compareReleases(a, b)
        case (.afterRelease(let release), .below(let version)),
            (.afterRelease(let release), .above(let version)):
            return Version.compareReleases(version, release) <= 0 ? 1 : -1
        case (.below(let version), .afterRelease(let release)),
            (.above(let version), .afterRelease(let release)):
            return Version.compareReleases(version, release) <= 0 ? -1 : 1
        }
    }

    static func < (lhs: VersionCut, rhs: VersionCut) -> Bool { compare(lhs, rhs) < 0 }
}

extension Version {
    /// The least version of all: `0.dev0`.
    static let minimum = Version(release: [0], dev: 0)
}
