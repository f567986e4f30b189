import PythonPackaging

/// A version as poetry-core holds it: PEP 440 order and equality, but the
/// release keeps the precision it was written with (`1.0.0` stays three
/// numbers) and the local label keeps its digits as written (`+abc.007`).
///
/// Poetry's bound arithmetic (`^`, `~`, `.*`) depends on that precision.
struct PoetryVersion: Sendable, Hashable, CustomStringConvertible {
    /// The PEP 440 version, for ordering and membership.
    let version: Version
    /// The release numbers as written.
    let release: [VersionNumber]
    /// The local label's segments, lowercased, digits as written.
    let localSegments: [String]?

    /// Parses `text` as Poetry does (the PEP 440 grammar).
    init(parsing text: String) throws(VersionParseError) {
        version = try Version(text)
        release = version.release
        if version.local != nil, let plus = text.firstIndex(of: "+") {
            let label = text[text.index(after: plus)...].unicodeScalars.prefix {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
                        || "._-".unicodeScalars.contains($0))
            }
            localSegments = String(label).lowercased().split { "._-".contains($0) }.map(String.init)
        } else {
            localSegments = nil
        }
    }

    init(version: Version, release: [VersionNumber], localSegments: [String]?) {
        self.version = version
        self.release = release
        self.localSegments = localSegments
    }

    /// A version made of parts; `local` segments are kept as given.
    init(
        epoch: VersionNumber = 0, release: [VersionNumber], pre: PreRelease? = nil,
        post: VersionNumber? = nil, dev: VersionNumber? = nil, local: [String]? = nil
    ) {
        version = Version(
            epoch: epoch, release: release, pre: pre, post: post, dev: dev,
            local: local?.joined(separator: "."))
        self.release = release
        localSegments = local
    }

    var epoch: VersionNumber { version.epoch }
    var pre: PreRelease? { version.pre }
    var post: VersionNumber? { version.post }
    var dev: VersionNumber? { version.dev }

    var isPrerelease: Bool { pre != nil }
    var isPostrelease: Bool { post != nil }
    var isDevrelease: Bool { dev != nil }
    var isLocal: Bool { localSegments != nil }
    /// Poetry's "unstable": a pre-release or a dev release.
    var isUnstable: Bool { isPrerelease || isDevrelease }

    /// The text Poetry writes: release as written, normalized suffixes,
    /// lowercase.
    var description: String {
        var text = release.map(\.description).joined(separator: ".")
        if !epoch.isZero { text = "\(epoch)!" + text }
        if let pre { text += pre.description }
        if let post { text += ".post\(post)" }
        if let dev { text += ".dev\(dev)" }
        if let localSegments { text += "+" + localSegments.joined(separator: ".") }
        return text
    }

    static func == (lhs: PoetryVersion, rhs: PoetryVersion) -> Bool {
        lhs.version == rhs.version
    }

    func hash(into hasher: inout Hasher) { hasher.combine(version) }

    static func < (lhs: PoetryVersion, rhs: PoetryVersion) -> Bool { lhs.version < rhs.version }
    static func > (lhs: PoetryVersion, rhs: PoetryVersion) -> Bool { rhs.version < lhs.version }
}

// MARK: - Poetry's neighbouring versions

extension PoetryVersion {
    private func with(
        release: [VersionNumber]? = nil, pre: PreRelease?? = nil, post: VersionNumber?? = nil,
        dev: VersionNumber?? = nil, local: [String]?? = nil
    ) -> PoetryVersion {
        PoetryVersion(
            epoch: epoch, release: release ?? self.release, pre: pre ?? self.pre,
            post: post ?? self.post, dev: dev ?? self.dev, local: local ?? localSegments)
    }

    var withoutLocal: PoetryVersion { with(local: .some(nil)) }
    var withoutDevrelease: PoetryVersion { with(dev: .some(nil)) }
    /// Drops the post part, and with it any dev part.
    var withoutPostrelease: PoetryVersion {
        isPostrelease ? with(post: .some(nil), dev: .some(nil)) : self
    }

    /// The release without pre-, dev- and local parts (a post part stays when
    /// there is no pre-release).
    var stable: PoetryVersion {
        guard isUnstable else { return self }
        return PoetryVersion(epoch: epoch, release: release, post: pre == nil ? post : nil)
    }

    /// `.dev0` of this version, local label dropped.
    var firstDevrelease: PoetryVersion {
        PoetryVersion(epoch: epoch, release: release, pre: pre, post: post, dev: 0)
    }

    private var isIncrementRequired: Bool { !isUnstable || (!isPrerelease && isPostrelease) }

    /// `release[index]`, or `nil` beyond the written precision.
    private func part(_ index: Int) -> VersionNumber? {
        index < release.count ? release[index] : nil
    }

    /// Whether the release has a non-zero number after the first `count`.
    private func hasNonZero(after count: Int) -> Bool {
        release.dropFirst(count).contains { !$0.isZero }
    }

    var nextMajor: PoetryVersion {
        guard isIncrementRequired || hasNonZero(after: 1) else {
            return PoetryVersion(epoch: epoch, release: release)
        }
        var next = release.map { _ in VersionNumber(0) }
        next[0] = release[0].successor()
        return PoetryVersion(epoch: epoch, release: next)
    }

    var nextMinor: PoetryVersion {
        guard isIncrementRequired || hasNonZero(after: 2) else {
            return PoetryVersion(epoch: epoch, release: release)
        }
        var next: [VersionNumber] = [release[0], part(1)?.successor() ?? 1]
        if release.count > 2 { next += Array(repeating: 0, count: release.count - 2) }
        return PoetryVersion(epoch: epoch, release: next)
    }

    var nextPatch: PoetryVersion {
        guard isIncrementRequired || hasNonZero(after: 3) else {
            return PoetryVersion(epoch: epoch, release: release)
        }
        var next: [VersionNumber] = [release[0], part(1) ?? 0, part(2)?.successor() ?? 1]
        if release.count > 3 { next += Array(repeating: 0, count: release.count - 3) }
        return PoetryVersion(epoch: epoch, release: next)
    }

    /// The upper bound of `^`: the next version that may break compatibility.
    var nextBreaking: PoetryVersion {
        if !release[0].isZero || part(1) == nil { return stable.nextMajor }
        if part(1).map({ !$0.isZero }) == true || part(2) == nil { return stable.nextMinor }
        return stable.nextPatch
    }

    /// The release bumped at its own precision, local label kept.
    var nextStable: PoetryVersion {
        guard !isUnstable else {
            return PoetryVersion(epoch: epoch, release: release, local: localSegments)
        }
        let bumped: [VersionNumber]
        switch release.count {
        case 1: bumped = nextMajorRelease
        case 2: bumped = PoetryVersion(epoch: epoch, release: release).nextMinor.release
        case 3: bumped = PoetryVersion(epoch: epoch, release: release).nextPatch.release
        default: bumped = release.dropLast() + [release[release.count - 1].successor()]
        }
        return PoetryVersion(epoch: epoch, release: bumped, local: localSegments)
    }

    private var nextMajorRelease: [VersionNumber] {
        var next = release.map { _ in VersionNumber(0) }
        next[0] = release[0].successor()
        return next
    }

    var nextPrerelease: PoetryVersion {
        var nextPre = PreRelease(.alpha, 0)
        if let pre {
            nextPre =
                !isDevrelease || isPostrelease ? PreRelease(pre.kind, pre.number.successor()) : pre
        }
        return PoetryVersion(epoch: epoch, release: release, pre: nextPre)
    }

    var nextPostrelease: PoetryVersion {
        let nextPost: VersionNumber = post.map { dev == nil ? $0.successor() : $0 } ?? 0
        return PoetryVersion(epoch: epoch, release: release, pre: pre, post: nextPost)
    }

    var nextDevrelease: PoetryVersion {
        PoetryVersion(
            epoch: epoch, release: release, pre: pre, post: post, dev: dev?.successor() ?? 0)
    }
}
