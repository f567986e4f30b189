import PythonPackaging

/// The distribution files a lock lists for one release, sorted into wheels and sdists.
///
/// A wheel is a `.whl` with a valid name (others are ignored); an sdist ends in
/// `.tar.gz`, `.zip`, `.tar.bz2`, `.tar.xz`, `.tgz` or `.tar`; anything else (`.egg`,
/// `.exe`) is ignored.
struct ReleaseFiles {
    /// The wheels with valid names, in lock order.
    var wheels: [Wheel] = []
    /// The sdist names, sorted.
    var sdists: [String] = []

    init(_ names: [String], reader: inout WheelReader) {
        for name in names {
            if name.hasSuffix(".whl") {
                if let wheel = reader.read(name) { wheels.append(wheel) }
            } else if Self.isSdist(name) {
                sdists.append(name)
            }
        }
        sdists.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static let sdistSuffixes = [".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tar"]

    static func isSdist(_ name: String) -> Bool {
        let lower = name.lowercased()
        return sdistSuffixes.contains { lower.hasSuffix($0) }
    }

    /// Whether a wheel is built for a platform (some tag's platform is not `any`).
    static func isPlatformWheel(_ wheel: Wheel) -> Bool { wheel.tagSet.isPlatform }

    /// Whether the release has a wheel built for a platform.
    var hasPlatformWheel: Bool { wheels.contains(where: Self.isPlatformWheel) }

    /// The wheel pip installs on `target` and the tag that matched, or `nil` when no
    /// wheel is compatible: the lowest tag rank, then the largest build tag, then the
    /// smallest file name.
    func bestWheel(on target: CheckTarget) -> (wheel: Wheel, tag: WheelTag)? {
        var best: (wheel: Wheel, rank: Int, build: BuildKey)?
        for wheel in wheels {
            guard let rank = wheel.tagSet.bestRank else { continue }
            let build = BuildKey(wheel.build)
            if let current = best {
                if rank > current.rank { continue }
                if rank == current.rank {
                    if build > current.build { continue }
                    if build == current.build
                        && !wheel.filename.utf8.lexicographicallyPrecedes(
                            current.wheel.filename.utf8)
                    {
                        continue
                    }
                }
            }
            best = (wheel, rank, build)
        }
        guard let best else { return nil }
        let tags = best.wheel.tagSet.tags
        guard let tag = tags.first(where: { target.rank(of: $0) == best.rank }) else { return nil }
        return (best.wheel, tag)
    }
}

/// A build tag ordered as pip prefers it (pip takes the largest `(number, suffix)`): a
/// higher number first, then a later suffix (`1b` before `1a`), then no tag at all.
private struct BuildKey: Comparable {
    var negatedNumber: Int
    var suffix: String

    /// The key of a build tag such as `1` or `2abc`; no tag sorts as build `-1`.
    init(_ build: String?) {
        guard let build else {
            negatedNumber = 1
            suffix = ""
            return
        }
        let digits = build.prefix { $0.isASCII && $0.isNumber }
        // Build numbers longer than Int can hold sort first, as the largest would.
        negatedNumber = -(Int(digits) ?? Int.max)
        suffix = String(build.dropFirst(digits.count))
    }

    static func < (lhs: BuildKey, rhs: BuildKey) -> Bool {
        if lhs.negatedNumber != rhs.negatedNumber { return lhs.negatedNumber < rhs.negatedNumber }
        return rhs.suffix.unicodeScalars.lexicographicallyPrecedes(lhs.suffix.unicodeScalars)
    }
}
