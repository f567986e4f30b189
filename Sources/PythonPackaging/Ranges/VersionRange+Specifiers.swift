extension Specifier {
    /// The versions this specifier admits, pre-releases included.
    ///
    /// `===` compares text, which a range cannot; its range is the one version
    /// it names, without local variants (empty when the text is not a version).
    public var range: VersionRange {
        let (lower, upper) = (rule.lower, rule.upper)
        switch rule.kind {
        case .atLeast: return .atLeast(lower)
        case .below: return .below(lower)
        case .within: return VersionRange(from: .before(lower), to: .before(upper))
        case .outside: return VersionRange(from: .before(lower), to: .before(upper)).complement
        case .atMostPublic: return VersionRange(from: .negativeInfinity, to: .afterLocals(lower))
        case .equalPublic, .equalExact: return .exactly(lower)
        case .notEqualPublic, .notEqualExact: return VersionRange.exactly(lower).complement
        case .afterRelease: return VersionRange(from: .afterRelease(lower), to: .positiveInfinity)
        case .arbitrary:
            return parsedVersion.map { VersionRange(from: .before($0), to: .above($0)) } ?? .empty
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
