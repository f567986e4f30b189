extension Specifier {
    /// The membership test of a specifier, with its bounds worked out once.
    ///
    /// Every bound is a real version, except for `>V` with a final `V`, whose
    /// bound sits above every post-release of `V` and so is tested on the
    /// release alone.
    struct Rule: Sendable, Hashable {
        enum Kind: UInt8, Sendable, Hashable {
            /// `lower <= v`
            case atLeast
            /// `v < lower`
            case below
            /// `lower <= v < upper`
            case within
            /// `v < lower || upper <= v`
            case outside
            /// `v`'s public part `<= lower`: `<=V` admits `V+local`.
            case atMostPublic
            /// `v`'s public part `== lower`: `==V` admits `V+local`.
            case equalPublic
            /// `v`'s public part `!= lower`.
            case notEqualPublic
            /// `v == lower`, local label included.
            case equalExact
            /// `v != lower`, local label included.
            case notEqualExact
            /// `v`'s epoch and release sort after `lower`'s: `>V` for a final `V`.
            case afterRelease
            /// The lowercased text of the version equals `text`.
            case arbitrary
        }

        let kind: Kind
        let lower: Version
        let upper: Version
        let text: String

        init(_ kind: Kind, _ lower: Version, _ upper: Version? = nil, text: String = "") {
            self.kind = kind
            self.lower = lower
            self.upper = upper ?? lower
            self.text = text
        }

        @inline(__always)
        func matches(_ version: Version) -> Bool {
            switch kind {
            case .atLeast: Version.compare(version, lower) >= 0
            case .below: Version.compare(version, lower) < 0
            case .within:
                Version.compare(version, lower) >= 0 && Version.compare(version, upper) < 0
            case .outside:
                Version.compare(version, lower) < 0 || Version.compare(version, upper) >= 0
            case .atMostPublic: Version.comparePublic(version, lower) <= 0
            case .equalPublic: Version.comparePublic(version, lower) == 0
            case .notEqualPublic: Version.comparePublic(version, lower) != 0
            case .equalExact: Version.compare(version, lower) == 0
            case .notEqualExact: Version.compare(version, lower) != 0
            case .afterRelease: Version.compareReleases(version, lower) > 0
            case .arbitrary: PythonText.equals(version.description.lowercased(), text)
            }
        }
    }

    /// The rule for `op` applied to `version` (without `.*`).
    static func rule(_ op: Operator, _ version: Version, wildcard: Bool) -> Rule {
        if wildcard {
            let lower = version.releaseDevZero
            let upper = version.nextPrefixDevZero(length: version.release.count)
            return Rule(op == .equal ? .within : .outside, lower, upper)
        }
        let hasLocal = version.localLabel != nil
        switch op {
        case .greaterThanOrEqual:
            return Rule(.atLeast, version)
        case .lessThanOrEqual:
            return Rule(.atMostPublic, version)
        case .equal:
            return Rule(hasLocal ? .equalExact : .equalPublic, version)
        case .notEqual:
            return Rule(hasLocal ? .notEqualExact : .notEqualPublic, version)
        case .lessThan:
            return Rule(.below, version.isPrerelease ? version : version.replacingDev(0))
        case .greaterThan:
            if let lower = version.firstAboveFamily { return Rule(.atLeast, lower) }
            return Rule(.afterRelease, version)
        case .compatible:
            let upper = version.nextPrefixDevZero(length: version.release.count - 1)
            return Rule(.within, version, upper)
        case .arbitrary:
            return Rule(.arbitrary, version, text: version.description.lowercased())
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
