extension Specifier {
    /// The membership test of a specifier, with its bounds worked out once.
    ///
    /// Every bound is a real version, except for `>V` with a final `V`, whose
    /// bound sits above every post-release of `V` and so is tested on the
    /// release alone.
    enum Rule: Sendable, Hashable {
        /// `bound <= v`
        case atLeast(Version)
        /// `v < bound`
        case below(Version)
        /// `lower <= v < upper`
        case within(Version, Version)
        /// `v < lower || upper <= v`
        case outside(Version, Version)
        /// `v`'s public part `<= bound`: `<=V` admits `V+local`.
        case atMostPublic(Version)
        /// `v`'s public part `== bound`: `==V` admits `V+local`.
        case equalPublic(Version)
        /// `v`'s public part `!= bound`.
        case notEqualPublic(Version)
        /// `v == bound`, local label included.
        case equalExact(Version)
        /// `v != bound`, local label included.
        case notEqualExact(Version)
        /// `v`'s epoch and release sort after `bound`'s: `>V` for a final `V`.
        case afterRelease(Version)
        /// The lowercased text of the version equals this.
        case arbitrary(String)

        func matches(_ version: Version) -> Bool {
            switch self {
            case .atLeast(let bound): Version.compare(version, bound) >= 0
            case .below(let bound): Version.compare(version, bound) < 0
            case .within(let lower, let upper):
                Version.compare(version, lower) >= 0 && Version.compare(version, upper) < 0
            case .outside(let lower, let upper):
                Version.compare(version, lower) < 0 || Version.compare(version, upper) >= 0
            case .atMostPublic(let bound): Version.comparePublic(version, bound) <= 0
            case .equalPublic(let bound): Version.comparePublic(version, bound) == 0
            case .notEqualPublic(let bound): Version.comparePublic(version, bound) != 0
            case .equalExact(let bound): version == bound
            case .notEqualExact(let bound): version != bound
            case .afterRelease(let bound): Version.compareReleases(version, bound) > 0
            case .arbitrary(let text): version.description.lowercased() == text
            }
        }
    }

    /// The rule for `op` applied to `version` (without `.*`).
    static func rule(_ op: Operator, _ version: Version, wildcard: Bool) -> Rule {
        if wildcard {
            let lower = version.releaseDevZero
            let upper = version.nextPrefixDevZero(length: version.release.count)
            return op == .equal ? .within(lower, upper) : .outside(lower, upper)
        }
        let hasLocal = version.localLabel != nil
        switch op {
        case .greaterThanOrEqual:
            return .atLeast(version)
        case .lessThanOrEqual:
            return .atMostPublic(version)
        case .equal:
            return hasLocal ? .equalExact(version) : .equalPublic(version)
        case .notEqual:
            return hasLocal ? .notEqualExact(version) : .notEqualPublic(version)
        case .lessThan:
            return .below(version.isPrerelease ? version : version.replacingDev(0))
        case .greaterThan:
            if let lower = version.firstAboveFamily { return .atLeast(lower) }
            return .afterRelease(version)
        case .compatible:
            let upper = version.nextPrefixDevZero(length: version.release.count - 1)
            return .within(version, upper)
        case .arbitrary:
            return .arbitrary(version.description.lowercased())
        }
    }
}

// MARK: - Neighbouring versions

extension Version {
    /// This version with its dev part set to `dev` and no local label.
    func replacingDev(_ dev: VersionNumber) -> Version {
        Version(epoch: epoch, release: release, pre: pre, post: post, dev: dev)
    }

    /// The smallest version with this epoch and release: `1.2.dev0` for `1.2`.
    var releaseDevZero: Version {
        Version(epoch: epoch, release: release, dev: 0)
    }

    /// The `.dev0` of the release made of the first `length` components with
    /// the last incremented: `1.3.dev0` for `1.2.7` and length 2.
    func nextPrefixDevZero(length: Int) -> Version {
        var prefix = Array(release.prefix(length))
        while prefix.count < length { prefix.append(0) }
        prefix[prefix.count - 1] = prefix[prefix.count - 1].successor()
        return Version(epoch: epoch, release: prefix, dev: 0)
    }

    /// The smallest version above this one, its local versions and (unless
    /// this is a dev release) its post-releases, when such a version exists:
    /// `1.0.dev2` above `1.0.dev1`, `1.0.post2.dev0` above `1.0.post1`,
    /// `1.0a2.dev0` above `1.0a1`. `nil` for a final release, whose
    /// post-releases reach up to the next release with no least version above.
    var firstAboveFamily: Version? {
        if let dev { return replacingDev(dev.successor()) }
        if let post {
            return Version(epoch: epoch, release: release, pre: pre, post: post.successor(), dev: 0)
        }
        if let pre {
            return Version(
                epoch: epoch, release: release, pre: PreRelease(pre.kind, pre.number.successor()),
                dev: 0)
        }
        return nil
    }

    /// The smallest version above this one and all its local versions:
    /// `1.0.post0.dev0` for `1.0`, `1.0.dev2` for `1.0.dev1`.
    var firstAboveLocals: Version {
        if let dev { return replacingDev(dev.successor()) }
        let nextPost = post?.successor() ?? 0
        return Version(epoch: epoch, release: release, pre: pre, post: nextPost, dev: 0)
    }

}
