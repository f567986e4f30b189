import PythonPackaging

extension PoetryConstraint {
    /// The versions the constraint allows, as a resolver range.
    ///
    /// Exact for every constraint except two Poetry quirks, which the range
    /// replaces with PEP 440's reading: an exclusive lower bound with a local
    /// label (`>1.0+abc`), to which Poetry compares `1.0.post1` without its
    /// post part, and a bound with an upper-case phase (`1.0RC1`), which
    /// Poetry orders apart from `1.0rc1`.
    public var range: VersionRange {
        switch node {
        case .empty: return .empty
        case .piece(let piece): return Self.range(piece)
        case .union(let pieces):
            if let excluded = Self.excludedSingleVersion(pieces) {
                return Self.range(.version(excluded)).complement
            }
            return pieces.reduce(VersionRange.empty) { $0.union(Self.range($1)) }
        }
    }

    static func range(_ piece: Piece) -> VersionRange {
        switch piece {
        case .version(let exact):
            let version = exact.version
            let upper: VersionCut = exact.isLocal ? .above(version) : .afterLocals(version)
            return VersionRange(from: .before(version), to: upper)
        case .range(let bounds):
            var lower = VersionCut.negativeInfinity
            if let min = bounds.min {
                if bounds.includeMin {
                    lower = .before(min.version)
                } else if min.isLocal {
                    lower = .above(min.version)
                } else if min.isPostrelease {
                    lower = .afterLocals(min.version)
                } else {
                    lower = .afterFamily(min.version)
                }
            }
            var upper = VersionCut.positiveInfinity
            if let max = bounds.max {
                if !bounds.includeMax {
                    upper = .before(max.version)
                } else {
                    upper = max.isLocal ? .above(max.version) : .afterLocals(max.version)
                }
            }
            return VersionRange(from: lower, to: upper)
        }
    }
}
