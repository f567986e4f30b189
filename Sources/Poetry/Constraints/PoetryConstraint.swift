import PythonPackaging

/// A version constraint in Poetry's syntax (`^1.2`, `~1.2.3`, `>=1,<2 || 3.*`)
/// with the structure, membership and text that poetry-core 2.x gives it.
///
/// Membership follows Poetry's own rules (`allows(_:)`), which differ from
/// PEP 440 specifiers in corners: `!=1.0` admits `1.0.post1`, a raw `>V`
/// strips post and local parts before comparing. ``range`` converts to the
/// resolver's ``VersionRange``.
public struct PoetryConstraint: Sendable, Hashable, CustomStringConvertible {
    /// The parsed structure, shaped as poetry-core shapes it.
    let node: Node

    enum Node: Sendable, Hashable {
        case empty
        case piece(Piece)
        /// Two or more sorted, disjoint, non-adjacent pieces.
        case union([Piece])
    }

    /// A single version or an interval: poetry-core's `VersionRangeConstraint`.
    enum Piece: Sendable, Hashable {
        case version(PoetryVersion)
        case range(Bounds)

        var min: PoetryVersion? {
            switch self {
            case .version(let version): version
            case .range(let bounds): bounds.min
            }
        }
        var max: PoetryVersion? {
            switch self {
            case .version(let version): version
            case .range(let bounds): bounds.max
            }
        }
        var includeMin: Bool {
            switch self {
            case .version: true
            case .range(let bounds): bounds.includeMin
            }
        }
        var includeMax: Bool {
            switch self {
            case .version: true
            case .range(let bounds): bounds.includeMax
            }
        }
        var isAny: Bool { if case .range(let bounds) = self { bounds.isAny } else { false } }
    }

    /// An interval with optional ends: poetry-core's `VersionRange`.
    struct Bounds: Sendable, Hashable {
        var min: PoetryVersion?
        var max: PoetryVersion?
        var includeMin = false
        var includeMax = false

        var isAny: Bool { min == nil && max == nil }

        var isEmpty: Bool {
            guard let min, let max else { return false }
            if min == max { return !(includeMin && includeMax) }
            return min > max
        }
    }

    init(_ node: Node) { self.node = node }

    /// Whether every version satisfies the constraint (`*`).
    public var isAny: Bool { if case .piece(let piece) = node { piece.isAny } else { false } }

    /// Whether no version satisfies the constraint.
    public var isEmpty: Bool { node == .empty }
}

// MARK: - Membership

extension PoetryConstraint {
    /// Whether Poetry's `constraint.allows(version)` holds.
    public func allows(_ version: Version) -> Bool {
        allows(PoetryVersion(version))
    }

    /// Whether Poetry allows the version written as `text`, read as Poetry
    /// reads it (an upper-case phase such as `RC1` keeps Poetry's own order);
    /// `false` when `text` is not a version.
    public func allows(_ text: String) -> Bool {
        guard let version = try? PoetryVersion(parsing: text) else { return false }
        return allows(version)
    }

    func allows(_ version: PoetryVersion) -> Bool {
        switch node {
        case .empty: false
        case .piece(let piece): Self.allows(piece, version)
        case .union(let pieces):
            if let excluded = Self.excludedSingleVersion(pieces) {
                !Self.versionAllows(excluded, version)
            } else {
                pieces.contains { Self.allows($0, version) }
            }
        }
    }

    static func allows(_ piece: Piece, _ version: PoetryVersion) -> Bool {
        switch piece {
        case .version(let exact): versionAllows(exact, version)
        case .range(let bounds): rangeAllows(bounds, version)
        }
    }

    /// A single version admits itself and, unless it has a local label, its
    /// local versions.
    static func versionAllows(_ exact: PoetryVersion, _ version: PoetryVersion) -> Bool {
        let other = !exact.isLocal && version.isLocal ? version.withoutLocal : version
        return exact == other
    }

    /// poetry-core's `VersionRange.allows`: an exclusive lower bound that is
    /// not a post-release ignores the candidate's post part, bounds without a
    /// local label ignore the candidate's.
    static func rangeAllows(_ bounds: Bounds, _ version: PoetryVersion) -> Bool {
        if let min = bounds.min {
            var other = version
            if !bounds.includeMin, !min.isPostrelease, other.isPostrelease {
                other = other.withoutPostrelease
            }
            if !min.isLocal, other.isLocal { other = other.withoutLocal }
            if other < min { return false }
            if !bounds.includeMin, other == min { return false }
        }
        if let max = bounds.max {
            var other = version
            if !max.isLocal, other.isLocal { other = other.withoutLocal }
            if other > max { return false }
            if !bounds.includeMax, other == max { return false }
        }
        return true
    }

    /// `V` when poetry-core's complement of the union (`VersionRange() -
    /// union`) is the single version `V`, as for `<V || >V`; poetry-core then
    /// treats the union as "any version but `V`", whatever the pieces' own
    /// membership rules say.
    static func excludedSingleVersion(_ pieces: [Piece]) -> PoetryVersion? {
        guard case .piece(.version(let version)) = Node.complement(ofUnion: pieces) else {
            return nil
        }
        return version
    }
}

extension PoetryVersion {
    /// A Poetry version for a PEP 440 version, written in its normalized form.
    init(_ version: Version) {
        self.init(
            version: version, release: version.release,
            localSegments: version.local.map { $0.split(separator: ".").map(String.init) })
    }
}
