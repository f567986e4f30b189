extension TargetPlatform {
    /// The tag that names this platform in reports, such as `manylinux_2_36_x86_64`:
    /// the first of ``platformTags`` other than the generic `linux_<arch>`, which
    /// `packaging` lists first on Linux.
    public var primaryPlatformTag: String {
        platformTags.first { !$0.hasPrefix("linux_") } ?? platformTags.first ?? description
    }

    /// The platform tags an interpreter on this platform accepts, best first, as
    /// `packaging.tags.platform_tags()` yields them there.
    public var platformTags: [String] {
        switch kind {
        case .manylinux(let major, let minor):
            return ["linux_\(architecture)"]
                + TargetPlatform.manylinuxTags(glibc: (major, minor), architecture: architecture)
        case .musllinux(let major, let minor):
            let musl = (0...minor).reversed().map { "musllinux_\(major)_\($0)_\(architecture)" }
            return ["linux_\(architecture)"] + musl
        case .linux:
            return ["linux_\(architecture)"]
        case .macOS(let major, let minor):
            return TargetPlatform.macTags(version: (major, minor), architecture: architecture)
        case .windows:
            return [architecture]
        }
    }

    /// Architectures whose manylinux tags a glibc system accepts (the others need an
    /// ELF check of the interpreter that a target cannot answer; assumed compatible).
    private static let manylinuxArchitectures: Set = [
        "x86_64", "aarch64", "ppc64", "ppc64le", "s390x", "loongarch64", "riscv64",
        "armv7l", "i686",
    ]

    /// `manylinux_<major>_<minor>_<arch>` from the glibc version down, each legacy alias
    /// (manylinux2014 = 2.17, manylinux2010 = 2.12, manylinux1 = 2.5) right after its tag.
    static func manylinuxTags(glibc: (major: Int, minor: Int), architecture: String) -> [String] {
        guard manylinuxArchitectures.contains(architecture) else { return [] }

        // The oldest glibc with wheels: 2.5 on Intel, 2.17 (manylinux2014) elsewhere.
        let oldestMinor = ["x86_64", "i686"].contains(architecture) ? 5 : 17

        // The target's own version, then each older major at its last minor (50).
        var maxima = [glibc]
        if glibc.major > 2 {
            for major in stride(from: glibc.major - 1, through: 2, by: -1) {
                maxima.append((major, 50))
            }
        }

        var tags: [String] = []
        for maximum in maxima {
            let lowest = maximum.major == 2 ? oldestMinor : 0
            guard maximum.minor >= lowest else { continue }
            for minor in stride(from: maximum.minor, through: lowest, by: -1) {
                tags.append("manylinux_\(maximum.major)_\(minor)_\(architecture)")
                if maximum.major == 2, let alias = legacyAliases[minor] {
                    tags.append("\(alias)_\(architecture)")
                }
            }
        }
        return tags
    }

    private static let legacyAliases = [17: "manylinux2014", 12: "manylinux2010", 5: "manylinux1"]

    /// macOS tags from the given version down: each major from 11 on at minor 0, then
    /// 10.16 to 10.4, each with the binary formats that can run `architecture`.
    static func macTags(version: (major: Int, minor: Int), architecture: String) -> [String] {
        var tags: [String] = []
        func add(_ major: Int, _ minor: Int, _ formats: [String]) {
            for format in formats { tags.append("macosx_\(major)_\(minor)_\(format)") }
        }
        if version.major == 10 {
            for minor in stride(from: version.minor, through: 0, by: -1) {
                add(10, minor, macBinaryFormats(version: (10, minor), architecture: architecture))
            }
            return tags
        }
        for major in stride(from: version.major, through: 11, by: -1) {
            add(major, 0, macBinaryFormats(version: (major, 0), architecture: architecture))
        }
        for minor in stride(from: 16, through: 4, by: -1) {
            if architecture == "x86_64" {
                add(10, minor, macBinaryFormats(version: (10, minor), architecture: architecture))
            } else {
                add(10, minor, ["universal2"])
            }
        }
        return tags
    }

    /// The binary formats (fat and universal bundles included) that run `architecture` on
    /// macOS `version`, most specific first.
    static func macBinaryFormats(version: (major: Int, minor: Int), architecture: String)
        -> [String]
    {
        let isTigerOrLater = version.major > 10 || (version.major == 10 && version.minor >= 4)
        var formats = [architecture]
        switch architecture {
        case "x86_64":
            guard isTigerOrLater else { return [] }
            formats += ["intel", "fat64", "fat3"]
        case "i386":
            guard isTigerOrLater else { return [] }
            formats += ["intel", "fat3", "fat"]
        case "ppc64":
            let isLeopardOrEarlier = version.major == 10 && version.minor <= 5
            guard isTigerOrLater, isLeopardOrEarlier else { return [] }
            formats += ["fat64"]
        case "ppc":
            let isSnowLeopardOrEarlier = version.major == 10 && version.minor <= 6
            guard isSnowLeopardOrEarlier else { return [] }
            formats += ["fat3", "fat"]
        default:
            break
        }
        if architecture == "arm64" || architecture == "x86_64" { formats.append("universal2") }
        if ["x86_64", "i386", "ppc64", "ppc"].contains(architecture) {
            formats.append("universal")
        }
        return formats
    }
}
