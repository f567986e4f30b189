/// Why a package (or the project) will not install cleanly on the target.
public enum FindingReason: String, Sendable, Hashable, CaseIterable {
    /// The release ships platform wheels, none for the target: pip compiles the sdist.
    case noCompatibleWheel = "no-compatible-wheel"
    /// Only an sdist, while other releases ship platform wheels (needs an index).
    case sdistOnlyNative = "sdist-only-native"
    /// No wheel at all: the package builds from source (fine for pure Python).
    case sdistOnly = "sdist-only"
    /// The only compatible wheel is `none-any` beside compiled wheels for others.
    case purePythonFallback = "pure-python-fallback"
    /// The locked release (or the lock itself) excludes the target Python.
    case requiresPython = "requires-python"
    /// The lock no longer matches pyproject.toml.
    case lockStale = "lock-stale"

    /// Whether the finding stops the installation.
    public var isBlocker: Bool {
        switch self {
        case .noCompatibleWheel, .sdistOnlyNative, .requiresPython, .lockStale: true
        case .sdistOnly, .purePythonFallback: false
        }
    }

    /// A short phrase for reports: `no wheel for the target`.
    public var summary: String {
        switch self {
        case .noCompatibleWheel: "no wheel for this target"
        case .sdistOnlyNative: "source only, native code"
        case .sdistOnly: "source only"
        case .purePythonFallback: "pure-Python fallback"
        case .requiresPython: "Python version excluded"
        case .lockStale: "lock out of date"
        }
    }
}

/// One requirement of a chain: `shippo-core 1.0.20230105120000 → grpcio ==1.54.2`.
public struct ChainStep: Sendable, Hashable, CustomStringConvertible {
    /// The requiring package, or the project for the first step.
    public var parent: String
    /// The requiring package's locked version (the project's version, if known).
    public var parentVersion: String?
    /// The requirement, such as `grpcio ==1.54.2`.
    public var requirement: String

    /// A step from `parent` at `parentVersion` requiring `requirement`.
    public init(parent: String, parentVersion: String?, requirement: String) {
        self.parent = parent
        self.parentVersion = parentVersion
        self.requirement = requirement
    }

    public var description: String {
        (parentVersion.map { "\(parent) \($0)" } ?? parent) + " → " + requirement
    }
}

/// A problem found for one package or for the project.
public struct Finding: Sendable, Hashable {
    /// The normalized package (or project) name.
    public var name: String
    /// The locked version (the project's version, if known).
    public var version: String?
    /// The normalized groups that install the package, sorted; empty for the project.
    public var groups: [String]
    /// What is wrong.
    public var reason: FindingReason
    /// What the lock says, in plain language.
    public var detail: String
    /// The requirement chains that pull the package in, shortest first.
    public var chains: [[ChainStep]]
    /// What to do next, when the lock alone can say.
    public var fix: String?

    /// A finding with every field given.
    public init(
        name: String, version: String?, groups: [String], reason: FindingReason,
        detail: String, chains: [[ChainStep]] = [], fix: String? = nil
    ) {
        self.name = name
        self.version = version
        self.groups = groups
        self.reason = reason
        self.detail = detail
        self.chains = chains
        self.fix = fix
    }
}

/// One installed package and the file pip would install.
public struct CheckedPackage: Sendable, Hashable {
    /// The normalized name.
    public var name: String
    /// The locked version.
    public var version: String
    /// The normalized groups that install it, sorted.
    public var groups: [String]
    /// The best compatible wheel, else the sdist pip would build, else `nil`.
    public var file: String?

    /// A package with every field given.
    public init(name: String, version: String, groups: [String], file: String?) {
        self.name = name
        self.version = version
        self.groups = groups
        self.file = file
    }
}

extension Array where Element == String {
    /// The group a report names first: `main` when present, else the first.
    var primaryGroup: String? { contains("main") ? "main" : first }
}
