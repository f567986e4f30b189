/// One dependency a project declares: an entry of `[tool.poetry.dependencies]` or a
/// group's dependencies (one element of a multiple-constraints list each), or a PEP 508
/// string of `[project]` or `[dependency-groups]`.
public struct PoetryDependency: Sendable, Hashable {
    /// The package name as written.
    public var name: String
    /// The version constraint as written (Poetry syntax, or a PEP 508 specifier such
    /// as `>=2.31,<3`); `*` when none is given.
    public var constraint: String
    /// The constraint as Poetry reads it; `nil` only for a PEP 508 specifier that
    /// Poetry's syntax cannot express (such as `===1.0`).
    public var parsedConstraint: PoetryConstraint?
    /// Where the package comes from.
    public var origin: Origin
    /// The extras requested of the package.
    public var extras: [String]
    /// The PEP 508 environment marker, as written.
    public var markers: String?
    /// A Poetry Python constraint restricting the dependency (`python = "<3.11"`).
    public var python: String?
    /// A `sys_platform` value restricting the dependency (`platform = "linux"`).
    public var platform: String?
    /// Whether the dependency is only installed for one of the project's extras.
    public var isOptional: Bool
    /// `allow-prereleases`, when set.
    public var allowsPrereleases: Bool?
    /// The PEP 621 extra that declares the dependency, for `[project.optional-dependencies]`.
    public var extra: String?
    /// Where the dependency is written.
    public var location: Location
    /// The `[tool.poetry]` entries that enriched this PEP 508 dependency, if any.
    public var enrichedBy: [Location]

    /// Where a package comes from.
    public enum Origin: Sendable, Hashable {
        /// A package index: the default sources, or the named source.
        case index(source: String?)
        /// A local directory or archive; `develop` installs it in editable mode.
        case path(String, develop: Bool)
        /// A version-control repository with an optional branch, tag or revision.
        case git(url: String, reference: String?, subdirectory: String?)
        /// A direct URL to an archive.
        case url(String, subdirectory: String?)
    }

    /// Where a declaration sits in pyproject.toml.
    public struct Location: Sendable, Hashable, CustomStringConvertible {
        /// The line and column of its key (or of the element in an array).
        public var position: FilePosition?
        /// The keys from the document root, array elements as their index:
        /// `["tool", "poetry", "dependencies", "httpx"]`, `["project", "dependencies", "0"]`.
        public var keyPath: [String]

        /// A location at `position` under `keyPath`.
        public init(position: FilePosition?, keyPath: [String]) {
            self.position = position
            self.keyPath = keyPath
        }

        /// `pyproject.toml:12:5 (tool.poetry.dependencies.httpx)`.
        public var description: String {
            let path = keyPath.joined(separator: ".")
            guard let position else { return path }
            return "\(position) (\(path))"
        }
    }

    /// A dependency on `name` with the given details.
    public init(
        name: String,
        constraint: String = "*",
        origin: Origin = .index(source: nil),
        extras: [String] = [],
        markers: String? = nil,
        python: String? = nil,
        platform: String? = nil,
        isOptional: Bool = false,
        allowsPrereleases: Bool? = nil,
        extra: String? = nil,
        location: Location,
        enrichedBy: [Location] = []
    ) {
        self.name = name
        self.constraint = constraint
        self.parsedConstraint = try? PoetryConstraint(constraint)
        self.origin = origin
        self.extras = extras
        self.markers = markers
        self.python = python
        self.platform = platform
        self.isOptional = isOptional
        self.allowsPrereleases = allowsPrereleases
        self.extra = extra
        self.location = location
        self.enrichedBy = enrichedBy
    }

    /// Whether the package is resolved from a package index, as opposed to a path,
    /// repository or URL that no index can say anything about.
    public var isFromIndex: Bool {
        if case .index = origin { return true }
        return false
    }
}
