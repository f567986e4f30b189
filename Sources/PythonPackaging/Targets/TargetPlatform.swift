/// The operating system, C library and CPU a project is checked against.
///
/// Read from a preset (`debian`, `debian-arm64`, `alpine`, `alpine-arm64`) or an
/// explicit platform tag (`manylinux_2_28_x86_64`, `musllinux_1_2_aarch64`,
/// `macosx_14_0_arm64`, `win_amd64`, `linux_x86_64`).
public struct TargetPlatform: Hashable, Sendable, CustomStringConvertible {
    /// The family of the platform with the library or OS version that decides tags.
    public enum Kind: Hashable, Sendable {
        /// Linux with glibc `major.minor`: manylinux wheels up to that version.
        case manylinux(glibcMajor: Int, glibcMinor: Int)
        /// Linux with musl `major.minor`: musllinux wheels up to that version.
        case musllinux(muslMajor: Int, muslMinor: Int)
        /// Linux whose C library is unknown: only `linux_<arch>` wheels.
        case linux
        /// macOS `major.minor`.
        case macOS(major: Int, minor: Int)
        /// Windows; the architecture is the whole tag (`win_amd64`, `win32`, `win_arm64`).
        case windows
    }

    /// The family and C library or OS version.
    public let kind: Kind
    /// The CPU architecture as the platform tags spell it: `x86_64`, `aarch64`, `arm64`,
    /// or for Windows the whole tag.
    public let architecture: String

    /// A platform from its parts.
    public init(kind: Kind, architecture: String) {
        self.kind = kind
        self.architecture = architecture
    }

    /// Debian 12 (bookworm) on x86_64: glibc 2.36.
    public static let debian = TargetPlatform(
        kind: .manylinux(glibcMajor: 2, glibcMinor: 36), architecture: "x86_64")
    /// Debian 12 on aarch64.
    public static let debianARM64 = TargetPlatform(
        kind: .manylinux(glibcMajor: 2, glibcMinor: 36), architecture: "aarch64")
    /// Alpine on x86_64: musl 1.2.
    public static let alpine = TargetPlatform(
        kind: .musllinux(muslMajor: 1, muslMinor: 2), architecture: "x86_64")
    /// Alpine on aarch64.
    public static let alpineARM64 = TargetPlatform(
        kind: .musllinux(muslMajor: 1, muslMinor: 2), architecture: "aarch64")

    /// The presets by the names `--platform` accepts.
    public static let presets: [(name: String, platform: TargetPlatform)] = [
        ("debian", .debian), ("debian-arm64", .debianARM64),
        ("alpine", .alpine), ("alpine-arm64", .alpineARM64),
    ]

    /// Reads a preset name or a platform tag.
    public init(parsing text: String) throws(TargetError) {
        if let preset = TargetPlatform.presets.first(where: { $0.name == text }) {
            self = preset.platform
            return
        }
        guard let platform = TargetPlatform.fromTag(text) else {
            throw .unsupportedPlatform(text)
        }
        self = platform
    }

    private static let legacyManylinux = [
        "manylinux1": (2, 5), "manylinux2010": (2, 12), "manylinux2014": (2, 17),
    ]
    private static let macArchitectures: Set = ["arm64", "x86_64", "i386", "ppc", "ppc64"]

    private static func fromTag(_ tag: String) -> TargetPlatform? {
        if ["win32", "win_amd64", "win_arm64"].contains(tag) {
            return TargetPlatform(kind: .windows, architecture: tag)
        }
        let parts = tag.split(separator: "_", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        let family = String(parts[0])
        if family == "linux" {
            let arch = tag.dropFirst("linux_".count)
            return isArchitecture(arch)
                ? TargetPlatform(kind: .linux, architecture: String(arch)) : nil
        }
        if let (major, minor) = legacyManylinux[family] {
            let arch = tag.dropFirst(family.count + 1)
            guard isArchitecture(arch) else { return nil }
            return TargetPlatform(
                kind: .manylinux(glibcMajor: major, glibcMinor: minor), architecture: String(arch))
        }
        guard parts.count == 4, let major = smallNumber(parts[1]),
            let minor = smallNumber(parts[2]),
            isArchitecture(parts[3])
        else { return nil }
        let arch = String(parts[3])
        // Versions have at most two digits, and C library majors past 9 do not exist
        // (each would add 51 tags per older major): the tag list stays small.
        switch family {
        case "manylinux" where major <= 9:
            return TargetPlatform(
                kind: .manylinux(glibcMajor: major, glibcMinor: minor), architecture: arch)
        case "musllinux" where major <= 9:
            return TargetPlatform(
                kind: .musllinux(muslMajor: major, muslMinor: minor), architecture: arch)
        case "macosx" where macArchitectures.contains(arch) && major >= 10:
            return TargetPlatform(kind: .macOS(major: major, minor: minor), architecture: arch)
        default:
            return nil
        }
    }

    private static func smallNumber(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 2, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return nil
        }
        return Int(text)
    }

    private static func isArchitecture(_ text: Substring) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy {
                ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95
            }
    }

    public var description: String {
        if let preset = TargetPlatform.presets.first(where: { $0.platform == self }) {
            return preset.name
        }
        switch kind {
        case .manylinux(let major, let minor): return "manylinux_\(major)_\(minor)_\(architecture)"
        case .musllinux(let major, let minor): return "musllinux_\(major)_\(minor)_\(architecture)"
        case .linux: return "linux_\(architecture)"
        case .macOS(let major, let minor): return "macosx_\(major)_\(minor)_\(architecture)"
        case .windows: return architecture
        }
    }
}
