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
    /// The phase names as poetry-core keeps them, when one is not canonical.
    ///
    /// poetry-core maps only lowercase spellings (`alpha`, `c`, `rev`, …) to
    /// `a`, `b`, `rc`, `post`, `dev`; `RC1` keeps the phase `RC`, which sorts
    /// before `a` and is not equal to `rc1`.
    let phases: RawPhases?

    struct RawPhases: Sendable, Hashable {
        var pre: String?
        var post: String?
        var dev: String?
    }

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
        phases = Self.rawPhases(of: text, version)
    }

    /// The phase names written in `text`, normalized as poetry-core does, or
    /// `nil` when all are canonical.
    private static func rawPhases(of text: String, _ version: Version) -> RawPhases? {
        guard version.pre != nil || version.post != nil || version.dev != nil else { return nil }
        var publicPart = text.prefix { $0 != "+" }.drop { $0 == " " || $0 == "v" || $0 == "V" }
        publicPart = publicPart.drop { !$0.isNumber }
        let runs = publicPart.split { !$0.isLetter }.flatMap { splitPhases(String($0)) }
        var index = 0
        var phases = RawPhases()
        if version.pre != nil, index < runs.count {
            phases.pre = normalizedPhase(runs[index])
            index += 1
        }
        if version.post != nil {
            let remaining = runs.count - index
            if remaining > (version.dev != nil ? 1 : 0) {
                phases.post = normalizedPhase(runs[index])
                index += 1
            } else {
                phases.post = "post"
            }
        }
        if version.dev != nil, index < runs.count { phases.dev = normalizedPhase(runs[index]) }
        let canonical = RawPhases(
            pre: version.pre?.kind.rawValue, post: version.post.map { _ in "post" },
            dev: version.dev.map { _ in "dev" })
        return phases == canonical ? nil : phases
    }

    /// The phase spellings of PEP 440, longest first, so that a run of
    /// letters with no number between phases (`betadev`) splits into words.
    private static let phaseSpellings = [
        "preview", "alpha", "beta", "post", "pre", "rev", "dev", "rc", "a", "b", "c", "r",
    ]

    /// Splits a run of letters such as `betadev` or `Apost` into its phase
    /// words, case kept; a run that does not split stays whole.
    private static func splitPhases(_ run: String) -> [String] {
        var words: [String] = []
        var rest = Substring(run)
        while !rest.isEmpty {
            let lowered = rest.lowercased()
            guard let spelling = phaseSpellings.first(where: { lowered.hasPrefix($0) }) else {
                return [run]
            }
            words.append(String(rest.prefix(spelling.count)))
            rest = rest.dropFirst(spelling.count)
        }
        return words
    }

    private static func normalizedPhase(_ raw: String) -> String {
        switch raw {
        case "a", "alpha": "a"
        case "b", "beta": "b"
        case "rc", "c", "pre", "preview": "rc"
        case "post", "r", "rev": "post"
        default: raw
        }
    }

    init(version: Version, release: [VersionNumber], localSegments: [String]?) {
        self.version = version
        self.release = release
        self.localSegments = localSegments
        phases = nil
    }

    /// A version made of parts; `local` segments are kept as given.
    init(
        epoch: VersionNumber = 0, release: [VersionNumber], pre: PreRelease? = nil,
        post: VersionNumber? = nil, dev: VersionNumber? = nil, local: [String]? = nil,
        phases: RawPhases? = nil
    ) {
        version = Version(
            epoch: epoch, release: release, pre: pre, post: post, dev: dev,
            local: local?.joined(separator: "."))
        self.release = release
        localSegments = local
        let kept = RawPhases(
            pre: pre == nil ? nil : phases?.pre, post: post == nil ? nil : phases?.post,
            dev: dev == nil ? nil : phases?.dev)
        let canonical = RawPhases(
            pre: pre?.kind.rawValue, post: post.map { _ in "post" }, dev: dev.map { _ in "dev" })
        self.phases =
            phases == nil || kept == canonical
            ? nil
            : RawPhases(
                pre: kept.pre ?? canonical.pre, post: kept.post ?? canonical.post,
                dev: kept.dev ?? canonical.dev)
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
        if let pre { text += (phases?.pre?.lowercased() ?? pre.kind.rawValue) + "\(pre.number)" }
        if let post { text += ".\(phases?.post?.lowercased() ?? "post")\(post)" }
        if let dev { text += ".\(phases?.dev?.lowercased() ?? "dev")\(dev)" }
        if let localSegments { text += "+" + localSegments.joined(separator: ".") }
        return text
    }

    static func == (lhs: PoetryVersion, rhs: PoetryVersion) -> Bool {
        compare(lhs, rhs) == 0
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(version)
        hasher.combine(phases)
    }

    static func < (lhs: PoetryVersion, rhs: PoetryVersion) -> Bool { compare(lhs, rhs) < 0 }
    static func > (lhs: PoetryVersion, rhs: PoetryVersion) -> Bool { compare(lhs, rhs) > 0 }

    /// poetry-core's order: PEP 440's, except that phase names it keeps as
    /// written compare as strings (`RC` before `a`).
    static func compare(_ lhs: PoetryVersion, _ rhs: PoetryVersion) -> Int {
        if lhs.phases == nil, rhs.phases == nil {
            return lhs.version < rhs.version ? -1 : (lhs.version == rhs.version ? 0 : 1)
        }
        if lhs.epoch != rhs.epoch { return lhs.epoch < rhs.epoch ? -1 : 1 }
        let count = Swift.max(lhs.release.count, rhs.release.count)
        for index in 0..<count {
            let a = index < lhs.release.count ? lhs.release[index] : 0
            let b = index < rhs.release.count ? rhs.release[index] : 0
            if a != b { return a < b ? -1 : 1 }
        }
        for (a, b) in [
            (lhs.preKey, rhs.preKey), (lhs.postKey, rhs.postKey), (lhs.devKey, rhs.devKey),
        ]
        where a != b {
            return a < b ? -1 : 1
        }
        let left = lhs.localSegments.flatMap { try? Version("0+" + $0.joined(separator: ".")) }
        let right = rhs.localSegments.flatMap { try? Version("0+" + $0.joined(separator: ".")) }
        switch (left, right) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let a?, let b?): return a < b ? -1 : (a == b ? 0 : 1)
        }
    }

    /// A phase and number, or one of the infinite tags poetry-core uses.
    enum PhaseKey: Comparable {
        case lowest
        case tag(String, VersionNumber)
        case highest
    }

    private var preKey: PhaseKey {
        if let pre { return .tag(phases?.pre ?? pre.kind.rawValue, pre.number) }
        return post == nil && dev != nil ? .lowest : .highest
    }

    private var postKey: PhaseKey {
        post.map { .tag(phases?.post ?? "post", $0) } ?? .lowest
    }

    private var devKey: PhaseKey {
        dev.map { .tag(phases?.dev ?? "dev", $0) } ?? .highest
    }
}

// MARK: - Poetry's neighbouring versions

extension PoetryVersion {
    private func with(
        release: [VersionNumber]? = nil, pre: PreRelease?? = nil, post: VersionNumber?? = nil,
        dev: VersionNumber?? = nil, local: [String]?? = nil
    ) -> PoetryVersion {
        PoetryVersion(
            epoch: epoch, release: release ?? self.release, pre: pre ?? self.pre,
            post: post ?? self.post, dev: dev ?? self.dev, local: local ?? localSegments,
            phases: phases)
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
        return PoetryVersion(
            epoch: epoch, release: release, post: pre == nil ? post : nil, phases: phases)
    }

    /// `.dev0` of this version, local label dropped.
    var firstDevrelease: PoetryVersion {
        PoetryVersion(
            epoch: epoch, release: release, pre: pre, post: post, dev: 0,
            phases: phases.map { RawPhases(pre: $0.pre, post: $0.post, dev: nil) })
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
        return PoetryVersion(epoch: epoch, release: release, pre: nextPre, phases: phases)
    }

    var nextPostrelease: PoetryVersion {
        let nextPost: VersionNumber = post.map { dev == nil ? $0.successor() : $0 } ?? 0
        return PoetryVersion(
            epoch: epoch, release: release, pre: pre, post: nextPost, phases: phases)
    }

    var nextDevrelease: PoetryVersion {
        PoetryVersion(
            epoch: epoch, release: release, pre: pre, post: post, dev: dev?.successor() ?? 0,
            phases: phases)
    }
}
