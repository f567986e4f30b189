import PythonPackaging

/// The interpreter and platform a project is checked against, with everything the
/// check reads from them computed once: marker environments and the Python version that
/// `requires-python` values are compared with; the tag ranks are the environment's.
public struct CheckTarget: Sendable {
    /// The platform as given: a preset name (`debian`) or a platform tag.
    public let name: String
    /// The interpreter, platform and supported tags.
    public let environment: TargetEnvironment
    /// The PEP 508 environment with no extra requested.
    public let markerEnvironment: MarkerEnvironment
    /// `python_full_version` as a version, for `python-versions` constraints.
    public let pythonVersion: Version
    /// The supported tags, best first, in the order the check ranks them.
    public var tags: [WheelTag] { environment.supportedTags }

    /// The target for `--python` and `--platform` values such as `3.14` and `alpine`.
    public init(python: String, platform: String) throws(CheckError) {
        let environment: TargetEnvironment
        do {
            environment = try TargetEnvironment(python: python, platform: platform)
        } catch {
            throw .invalidTarget(error.description)
        }
        self.init(environment: environment, name: platform)
    }

    /// The target for an environment, shown as `name`.
    public init(environment: TargetEnvironment, name: String) {
        self.name = name
        self.environment = environment
        markerEnvironment = environment.markerEnvironment
        // `fullVersion` is always `N.N.N` with small numbers, so it parses.
        pythonVersion = (try? Version(environment.python.fullVersion)) ?? Version.zero
    }

    /// The rank of `tag` (lower is preferred), or `nil` when the target cannot install it.
    public func rank(of tag: WheelTag) -> Int? { environment.rank(of: tag) }

    /// The best platform tag, such as `manylinux_2_36_x86_64`.
    public var platformTag: String {
        environment.platform.primaryPlatformTag
    }

    /// The supported tags with `linux_<arch>` after the manylinux or musllinux tags in
    /// each run of one interpreter and ABI.
    ///
    /// `3.14.0`, or `3.14.0t` for a free-threaded build.
    public var pythonText: String {
        environment.python.fullVersion + (environment.python.isFreeThreaded ? "t" : "")
    }

    /// The `sys_platform` value of the target, such as `linux`.
    var sysPlatform: String {
        if case .string(let value) = markerEnvironment["sys_platform"] { return value }
        return ""
    }
}

extension Version {
    /// The version `0`, a placeholder that every real version sorts after.
    static let zero: Version = (try? Version("0")) ?? zeroFallback()

    private static func zeroFallback() -> Version {
        preconditionFailure("'0' is a valid version")
    }
}
