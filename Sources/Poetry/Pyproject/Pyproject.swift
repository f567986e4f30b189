import PythonPackaging
import TOML

/// The dependency-relevant content of a Poetry project's pyproject.toml.
///
/// Reads `[tool.poetry]` (Poetry 1 and 2), PEP 621 `[project]` with Poetry 2's
/// `[tool.poetry]` enrichment, and PEP 735 `[dependency-groups]`, into one list of
/// ``DependencyGroup``s as Poetry 2 sees them: the main group first, then the other
/// groups in the order the file declares them. Every dependency remembers where it is
/// written (``PoetryDependency/location``) so messages and edits can point at it.
public struct Pyproject: Sendable {
    /// The parsed document, for the content-hash and for edits.
    public var document: TOMLTable
    /// The file name errors and locations show.
    public var file: String
    /// `[project] name`, or else `[tool.poetry] name`.
    public var name: String?
    /// The project's Python constraint: `python` of `[tool.poetry.dependencies]`.
    public var python: String?
    /// `[project] requires-python`.
    public var requiresPython: String?
    /// The main group, then the other groups in file order.
    public var groups: [DependencyGroup]
    /// The project's extras: extra name → the names of the packages it installs, from
    /// `[project.optional-dependencies]` or `[tool.poetry.extras]`.
    public var extras: [(name: String, packages: [String])]
    /// The package indexes of `[[tool.poetry.source]]`, in file order.
    public var sources: [PackageSource]
    /// Whether the project is installable itself (`package-mode`, default true).
    public var isPackageMode: Bool

    /// The group named `name` (compared in normalized form).
    public func group(named name: String) -> DependencyGroup? {
        let normalized = PackageName.normalize(name)
        return groups.first { PackageName.normalize($0.name) == normalized }
    }

    /// The main group's dependencies.
    public var mainDependencies: [PoetryDependency] {
        group(named: DependencyGroup.mainName)?.dependencies ?? []
    }

    /// Every dependency of `group`, including those of the groups it includes,
    /// transitively, each once.
    public func dependencies(inGroup name: String) -> [PoetryDependency] {
        var visited: Set<String> = []
        var result: [PoetryDependency] = []
        func visit(_ name: String) {
            guard visited.insert(PackageName.normalize(name)).inserted,
                let group = group(named: name)
            else { return }
            result += group.dependencies
            for included in group.includedGroups { visit(included) }
        }
        visit(name)
        return result
    }

    /// The content-hash Poetry computes for this file under `scheme`.
    public func contentHash(scheme: ContentHashScheme = .latest) throws(PoetryError) -> String {
        try ContentHash.compute(pyproject: document, scheme: scheme)
    }
}
