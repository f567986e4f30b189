extension VersionRange: CustomStringConvertible {
    /// Readable text: `>=1.2, <2.0`, `==1.54.2`, `!=1.3`, `==1.4.*`,
    /// `<1.0 || >=2.0`, `*` for every version and `<empty>` for none.
    ///
    /// An upper cut below `V.dev0` of a final `V` reads `<V`, as PEP 440's `<V`
    /// means exactly that.
    public var description: String {
        if intervals.isEmpty { return "<empty>" }
        if let excluded = excludedVersion { return "!=\(excluded)" }
        if let prefix = excludedWildcard { return "!=\(prefix).*" }
        return intervals.map(Self.render).joined(separator: " || ")
    }

    /// `V` when the range is every version but `V` and its local versions.
    private var excludedVersion: Version? {
        guard intervals.count == 2, intervals[0].lower == .negativeInfinity,
            intervals[1].upper == .positiveInfinity,
            case .below(let version) = intervals[0].upper,
            Interval(lower: intervals[0].upper, upper: intervals[1].lower).exactVersion != nil
        else { return nil }
        return version
    }

    /// The prefix `P` when the range is every version outside `==P.*`.
    private var excludedWildcard: String? {
        guard intervals.count == 2, intervals[0].lower == .negativeInfinity,
            intervals[1].upper == .positiveInfinity
        else { return nil }
        return Interval(lower: intervals[0].upper, upper: intervals[1].lower).wildcardPrefix
    }

    private static func render(_ interval: Interval) -> String {
        if let version = interval.exactVersion { return "==\(version)" }
        if let prefix = interval.wildcardPrefix { return "==\(prefix).*" }
        let lower: String? =
            switch interval.lower {
            case .negativeInfinity, .positiveInfinity: nil
            case .below(let version): ">=\(version)"
            case .above(let version), .afterRelease(let version): ">\(version)"
            }
        let upper: String? =
            switch interval.upper {
            case .negativeInfinity, .positiveInfinity: nil
            case .below(let version): "<\(version.droppingCanonicalDevZero)"
            case .above(let version): "<=\(version)"
            case .afterRelease(let version): "<=\(version).post*"
            }
        let parts = [lower, upper].compactMap { $0 }
        return parts.isEmpty ? "*" : parts.joined(separator: ", ")
    }
}

extension VersionRange.Interval {
    /// `V` when the interval is `V` and its local versions, or `V+local` alone.
    var exactVersion: Version? {
        guard case .below(let version) = lower else { return nil }
        let expected: VersionCut =
            version.localLabel == nil ? .afterLocals(version) : .above(version)
        return upper == expected ? version : nil
    }

    /// `1.4` when the interval is `[1.4.dev0, 1.5.dev0)`, as `==1.4.*` makes.
    var wildcardPrefix: String? {
        guard case .below(let low) = lower, case .below(let high) = upper,
            low.dev?.isZero == true, low.pre == nil, low.post == nil, low.localLabel == nil,
            high.dev?.isZero == true, high.pre == nil, high.post == nil, high.localLabel == nil,
            low.epoch == high.epoch
        else { return nil }
        let release = low.release
        for length in 1...release.count
        where release[length...].allSatisfy(\.isZero)
            && low.nextPrefixDevZero(length: length) == high
        {
            let prefix = release.prefix(length).map(\.description).joined(separator: ".")
            return low.epoch.isZero ? prefix : "\(low.epoch)!\(prefix)"
        }
        return nil
    }
}

extension Version {
    /// `V` for `V.dev0` of a final or post release (the bound PEP 440's `<V`
    /// uses), otherwise the version itself.
    var droppingCanonicalDevZero: Version {
        guard dev?.isZero == true, pre == nil, localLabel == nil else { return self }
        return Version(epoch: epoch, release: release, post: post)
    }
}
