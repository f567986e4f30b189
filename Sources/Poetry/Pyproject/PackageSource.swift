/// A package index declared in `[[tool.poetry.source]]`.
public struct PackageSource: Sendable, Hashable {
    /// The source's name, which dependencies refer to with `source = "…"`.
    public var name: String
    /// The simple-API URL; `nil` only for the name `PyPI`.
    public var url: String?
    /// How Poetry consults the source.
    public var priority: Priority
    /// Where the `[[tool.poetry.source]]` header sits.
    public var position: FilePosition?

    /// How Poetry consults a source
    /// ([Poetry docs](https://python-poetry.org/docs/repositories/#project-configuration)).
    public enum Priority: String, Sendable, Hashable, CaseIterable {
        /// Searched for every package, before PyPI unless PyPI is listed too.
        case primary
        /// Searched only for packages not found in primary sources.
        case supplemental
        /// Searched only for dependencies that name it with `source = "…"`.
        case explicit
        /// Poetry 1.x only: the one source that replaces PyPI (`default = true`).
        case `default`
        /// Poetry 1.x only, deprecated: searched after the primary sources
        /// (`secondary = true`).
        case secondary
    }

    /// A source `name` at `url` with `priority`.
    public init(
        name: String, url: String?, priority: Priority, position: FilePosition? = nil
    ) {
        self.name = name
        self.url = url
        self.priority = priority
        self.position = position
    }
}
