/// A CPython interpreter on a platform: its PEP 508 marker values and the wheel tags it
/// installs, best first.
public struct TargetEnvironment: Sendable {
    /// The interpreter.
    public let python: TargetPython
    /// The platform.
    public let platform: TargetPlatform
    /// Every tag the interpreter accepts, best first, as `packaging.tags.sys_tags()`
    /// yields them on such an interpreter.
    public let supportedTags: [WheelTag]
    /// The rank (index of first occurrence) of each supported tag; lower is preferred.
    private let ranks: [WheelTag: Int]

    /// The environment of `python` on `platform`.
    public init(python: TargetPython, platform: TargetPlatform) {
        self.python = python
        self.platform = platform
        supportedTags = TargetEnvironment.tags(python: python, platforms: platform.platformTags)
        var ranks: [WheelTag: Int] = [:]
        ranks.reserveCapacity(supportedTags.count)
        for (rank, tag) in supportedTags.enumerated() where ranks[tag] == nil {
            ranks[tag] = rank
        }
        self.ranks = ranks
    }

    /// Reads `--python` and `--platform` values, e.g. `3.14t` and `alpine`.
    public init(python: String, platform: String) throws(TargetError) {
        self.init(
            python: try TargetPython(parsing: python),
            platform: try TargetPlatform(parsing: platform))
    }

    /// The rank of `tag` among the supported tags (lower preferred), or `nil` when the
    /// interpreter does not accept it.
    public func rank(of tag: WheelTag) -> Int? { ranks[tag] }

    /// The best (lowest) rank among `tags`, or `nil` when none is supported.
    public func bestRank(of tags: some Sequence<WheelTag>) -> Int? {
        var best: Int?
        for tag in tags {
            if let rank = ranks[tag], rank < best ?? .max { best = rank }
        }
        return best
    }

    // MARK: - Tag order

    /// `cpython_tags` followed by `compatible_tags` for the given platform tags.
    static func tags(python: TargetPython, platforms: [String]) -> [WheelTag] {
        let interpreter = python.interpreterTag
        var tags: [WheelTag] = []

        // The interpreter's own ABI, then the stable ABI (abi3, or abi3t when
        // free-threaded), then no ABI, each on every platform.
        let stableABI = python.isFreeThreaded ? "abi3t" : "abi3"
        let usesStableABI = python.minor >= 2
        for abi in [python.abiTag] + (usesStableABI ? [stableABI] : []) + ["none"] {
            for platform in platforms {
                tags.append(WheelTag(interpreter: interpreter, abi: abi, platform: platform))
            }
        }

        // The stable ABI of every older CPython 3 down to 3.2.
        if usesStableABI {
            for minor in stride(from: python.minor - 1, through: 2, by: -1) {
                for platform in platforms {
                    tags.append(
                        WheelTag(
                            interpreter: "cp\(python.major)\(minor)", abi: stableABI,
                            platform: platform))
                }
            }
        }

        // Generic Python tags on the platforms, then the interpreter and generic tags on
        // `any`.
        let generic =
            ["py\(python.major)\(python.minor)", "py\(python.major)"]
            + stride(from: python.minor - 1, through: 0, by: -1).map { "py\(python.major)\($0)" }
        for version in generic {
            for platform in platforms {
                tags.append(WheelTag(interpreter: version, abi: "none", platform: platform))
            }
        }
        tags.append(WheelTag(interpreter: interpreter, abi: "none", platform: "any"))
        for version in generic {
            tags.append(WheelTag(interpreter: version, abi: "none", platform: "any"))
        }
        return tags
    }
}
