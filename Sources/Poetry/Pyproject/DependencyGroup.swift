/// A group of dependencies: the main group, a `[tool.poetry.group.<name>]` (or the
/// legacy `dev-dependencies` as group `dev`), or a PEP 735 `[dependency-groups]` entry.
public struct DependencyGroup: Sendable, Hashable {
    /// The name as written; `main` for the project's own dependencies.
    public var name: String
    /// Whether the group is installed only when asked for (`optional = true`).
    public var isOptional: Bool
    /// The group's own dependencies, in the order Poetry reads them.
    public var dependencies: [PoetryDependency]
    /// `[tool.poetry]` entries that Poetry ignores because the group's dependencies
    /// come from `[project]` or `[dependency-groups]` and name no such package.
    public var ignoredDependencies: [PoetryDependency]
    /// The names of the groups this one includes (`include-groups` or PEP 735
    /// `{include-group = "…"}`), as written.
    public var includedGroups: [String]

    /// The name of the group that holds the project's own dependencies.
    public static let mainName = "main"

    /// A group `name` with the given contents.
    public init(
        name: String,
        isOptional: Bool = false,
        dependencies: [PoetryDependency] = [],
        ignoredDependencies: [PoetryDependency] = [],
        includedGroups: [String] = []
    ) {
        self.name = name
        self.isOptional = isOptional
        self.dependencies = dependencies
        self.ignoredDependencies = ignoredDependencies
        self.includedGroups = includedGroups
    }
}
