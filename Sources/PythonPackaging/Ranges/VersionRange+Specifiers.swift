extension Specifier {
    /// The versions this specifier admits, pre-releases included.
    ///
    /// `===` compares text, which a range cannot; its range is the one version
    /// it names, without local variants (empty when the text is not a version).
    public var range: VersionRange {
        switch rule {
        case .atLeast(let bound): .atLeast(bound)
        case .below(let bound): .below(bound)
        case .within(let lower, let upper): VersionRange(from: .before(lower), to: .before(upper))
        case .outside(let lower, let upper):
            VersionRange(from: .before(lower), to: .before(upper)).complement
        case .atMostPublic(let bound):
            VersionRange(from: .negativeInfinity, to: .afterLocals(bound))
        case .equalPublic(let bound), .equalExact(let bound): .exactly(bound)
        case .notEqualPublic(let bound), .notEqualExact(let bound):
            VersionRange.exactly(bound).complement
        case .afterRelease(let bound):
            VersionRange(from: .afterRelease(bound), to: .positiveInfinity)
        case .arbitrary:
            parsedVersion.map { VersionRange(from: .before($0), to: .above($0)) } ?? .empty
        }
    }
}

extension SpecifierSet {
    /// The versions every specifier admits, pre-releases included.
    ///
    /// `contains(v, prereleases: nil)` and `range.contains(v)` agree for every
    /// version when the set has no `===`.
    public var range: VersionRange {
        specifiers.reduce(VersionRange.any) { $0.intersection($1.range) }
    }
}
