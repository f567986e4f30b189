/// The values marker variables take when a marker is evaluated: PEP 508's environment
/// (`python_version`, `sys_platform`, …) and the requested `extra`.
public struct MarkerEnvironment: Hashable, Sendable {
    /// A variable's value: a string, or a set of names for `extras`, `dependency_groups`
    /// and (when several extras are requested at once) `extra`.
    public enum Value: Hashable, Sendable {
        /// A string value, such as `python_version`'s `3.14`.
        case string(String)
        /// A set of names, such as the requested extras.
        case set(Set<String>)
    }

    /// The values by variable name.
    public var values: [String: Value]

    /// An environment holding exactly `values`; a missing variable makes evaluation fail.
    public init(values: [String: Value]) { self.values = values }

    /// An environment from string values, prepared as `Marker.evaluate(environment)`
    /// prepares it (see ``init(preparing:)-(_:[String:Value])``).
    public init(preparing strings: [String: String]) {
        self.init(preparing: strings.mapValues { Value.string($0) })
    }

    /// An environment prepared as `Marker.evaluate(environment)` prepares it: `extra`
    /// defaults to no extra and is normalized (an empty set meaning none), and a
    /// `python_full_version` ending in `+` (an untagged build) gets `local` appended.
    public init(preparing values: [String: Value]) {
        var values = values
        switch values["extra"] {
        case .string(let name):
            values["extra"] = .string(PackageName.normalize(name))
        case .set(let names):
            values["extra"] =
                names.isEmpty ? .string("") : .set(Set(names.map(PackageName.normalize)))
        case nil:
            values["extra"] = .string("")
        }
        if case .string(let full) = values["python_full_version"], full.hasSuffix("+") {
            values["python_full_version"] = .string(full + "local")
        }
        self.values = values
    }

    /// The variable `name`, or `nil` when the environment does not define it.
    public subscript(name: String) -> Value? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// This environment with `extra` set to `extras`, normalized: one extra as a string,
    /// several as a set, none as the empty string.
    public func requesting(extras: some Collection<String>) -> MarkerEnvironment {
        var copy = self
        let names = Set(extras.map(PackageName.normalize))
        if names.isEmpty {
            copy.values["extra"] = .string("")
        } else if extras.count == 1, let only = names.first {
            copy.values["extra"] = .string(only)
        } else {
            copy.values["extra"] = .set(names)
        }
        return copy
    }

    /// The variables marker evaluation reads as versions.
    static let versionVariables: Set = [
        "implementation_version", "platform_release", "python_full_version", "python_version",
    ]
    /// The variables whose values are sets of names.
    static let setVariables: Set = ["extras", "dependency_groups"]
}

extension TargetEnvironment {
    /// The PEP 508 environment of this interpreter and platform (no extra requested).
    ///
    /// `platform_release` and `platform_version` describe a running kernel, which a target
    /// does not have: both are empty strings.
    public var markerEnvironment: MarkerEnvironment {
        let system: (sysPlatform: String, platformSystem: String, osName: String, machine: String)
        switch platform.kind {
        case .manylinux, .musllinux, .linux:
            system = ("linux", "Linux", "posix", platform.architecture)
        case .macOS:
            system = ("darwin", "Darwin", "posix", platform.architecture)
        case .windows:
            let machine = ["win32": "x86", "win_amd64": "AMD64", "win_arm64": "ARM64"]
            system = ("win32", "Windows", "nt", machine[platform.architecture] ?? "")
        }
        return MarkerEnvironment(preparing: [
            "implementation_name": "cpython",
            "implementation_version": python.fullVersion,
            "os_name": system.osName,
            "platform_machine": system.machine,
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": system.platformSystem,
            "platform_version": "",
            "python_full_version": python.fullVersion,
            "python_version": python.version,
            "sys_platform": system.sysPlatform,
        ])
    }
}
