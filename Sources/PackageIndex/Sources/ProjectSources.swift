import Poetry
import PythonPackaging

extension SourceDeclaration {
    /// The declaration of a `[[tool.poetry.source]]` entry read by the Poetry model.
    ///
    /// The legacy `default = true` and `secondary = true` flags (and the priorities of
    /// the same names) become ``isDefault`` and ``isSecondary``.
    public init(_ source: PackageSource) {
        switch source.priority {
        case .primary, .supplemental, .explicit:
            self.init(name: source.name, url: source.url, priority: source.priority.rawValue)
        case .default:
            self.init(name: source.name, url: source.url, isDefault: true)
        case .secondary:
            self.init(name: source.name, url: source.url, isSecondary: true)
        }
    }
}

/// The package sources of a Poetry project: the indexes Poetry searches and the
/// dependencies that name one of them with `source = "…"`.
public struct ProjectSources: Sendable, Hashable {
    /// The sources in search order, after Poetry's rules (see
    /// ``IndexSource/poetrySources(_:)``).
    public var sources: [IndexSource]
    /// The source each dependency names: normalized package name → source name.
    ///
    /// Poetry looks such a package up in that source alone, whatever its priority;
    /// an explicit source serves no other package.
    public var namedSources: [String: String]

    /// The sources of `pyproject`, and the sources its dependencies (in every group)
    /// name.
    ///
    /// Fails when a source is malformed or a dependency names a source that is not
    /// declared.
    public init(_ pyproject: Pyproject) throws(IndexError) {
        sources = try IndexSource.poetrySources(pyproject.sources.map(SourceDeclaration.init))
        let declared = Set(sources.map { $0.name.lowercased() })
        namedSources = [:]
        for group in pyproject.groups {
            for dependency in group.dependencies {
                guard case .index(let source?) = dependency.origin else { continue }
                guard declared.contains(source.lowercased()) else {
                    throw .invalidSource(
                        """
                        dependency '\(dependency.name)' names source '\(source)', which \
                        pyproject.toml does not declare
                        """)
                }
                namedSources[normalizedProjectName(dependency.name)] = source
            }
        }
    }

    /// Sources given directly, with the dependencies that name one of them.
    public init(sources: [IndexSource], namedSources: [String: String] = [:]) {
        self.sources = sources
        self.namedSources = namedSources.reduce(into: [:]) {
            $0[normalizedProjectName($1.key)] = $1.value
        }
    }

    /// The source a dependency on `name` names, if any.
    public func namedSource(for name: String) -> String? {
        namedSources[normalizedProjectName(name)]
    }
}
