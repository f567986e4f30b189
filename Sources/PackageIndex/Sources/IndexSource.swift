/// A package index the client may consult, with Poetry's priority.
///
/// See https://python-poetry.org/docs/repositories/#package-source-priority.
public struct IndexSource: Sendable, Hashable {
    /// When a source is consulted.
    public enum Priority: String, Sendable, Hashable {
        /// Searched for every package; all primary sources' files are merged.
        case primary
        /// Searched only when no earlier source has the package.
        case supplemental
        /// Searched only for packages that name it (`source = "…"`).
        case explicit
    }

    /// The source's name as the project declares it, such as `PyPI` or `internal`.
    public var name: String
    /// The simple API root, such as `https://pypi.org/simple/`; may carry user info.
    public var url: String
    /// When the source is consulted.
    public var priority: Priority

    /// A source named `name` at `url`.
    public init(name: String, url: String, priority: Priority = .primary) {
        self.name = name
        self.url = url
        self.priority = priority
    }

    /// PyPI's simple API, Poetry's implicit source.
    public static let pypi = IndexSource(name: "PyPI", url: "https://pypi.org/simple/")

    /// The environment variables Poetry reads for this source's credentials.
    public var credentialVariables: [String] {
        let key = name.uppercased().map { $0 == "-" || $0 == "." ? "_" : String($0) }.joined()
        return ["POETRY_HTTP_BASIC_\(key)_USERNAME", "POETRY_HTTP_BASIC_\(key)_PASSWORD"]
    }
}

/// One `[[tool.poetry.source]]` entry as written, before Poetry's rules apply.
public struct SourceDeclaration: Sendable, Hashable {
    /// `name`.
    public var name: String
    /// `url`; absent for a declared `PyPI`.
    public var url: String?
    /// `priority`: `primary`, `supplemental` or `explicit`; absent means primary.
    public var priority: String?
    /// The legacy `default = true` flag of Poetry before 1.8.
    public var isDefault: Bool
    /// The legacy `secondary = true` flag of Poetry before 1.8.
    public var isSecondary: Bool

    /// A declaration with the given keys.
    public init(
        name: String, url: String? = nil, priority: String? = nil, isDefault: Bool = false,
        isSecondary: Bool = false
    ) {
        self.name = name
        self.url = url
        self.priority = priority
        self.isDefault = isDefault
        self.isSecondary = isSecondary
    }
}

extension IndexSource {
    /// The sources Poetry 2 searches for a project declaring `declarations`, in order.
    ///
    /// Declared sources keep their order; a legacy `default = true` source moves to
    /// the front as a primary source and `secondary = true` becomes primary in place,
    /// which is how their search order maps onto Poetry 2's priorities. PyPI joins as
    /// a primary source after the declared ones unless a primary source is declared
    /// or PyPI is declared itself.
    public static func poetrySources(_ declarations: [SourceDeclaration]) throws(IndexError)
        -> [IndexSource]
    {
        var sources: [IndexSource] = []
        var declaresPyPI = false
        for declaration in declarations {
            let priority: Priority
            switch declaration.priority?.lowercased() {
            case nil: priority = .primary
            case let text?:
                guard let known = Priority(rawValue: text) else {
                    throw .invalidSource(
                        """
                        unknown priority '\(text)' for source '\(declaration.name)': expected \
                        'primary', 'supplemental' or 'explicit'
                        """)
                }
                priority = known
            }
            var source: IndexSource
            if declaration.name.lowercased() == "pypi" {
                guard declaration.url == nil else {
                    throw .invalidSource("the PyPI source cannot have a custom url")
                }
                declaresPyPI = true
                source = .pypi
                source.priority = priority
            } else {
                guard let url = declaration.url, !url.isEmpty else {
                    throw .invalidSource("source '\(declaration.name)' has no url")
                }
                source = IndexSource(name: declaration.name, url: url, priority: priority)
            }
            if declaration.isDefault {
                source.priority = .primary
                sources.insert(source, at: 0)
            } else {
                if declaration.isSecondary { source.priority = .primary }
                sources.append(source)
            }
        }
        if !declaresPyPI, !sources.contains(where: { $0.priority == .primary }) {
            sources.insert(.pypi, at: 0)
        }
        guard sources.contains(where: { $0.priority != .explicit }) else {
            throw .invalidSource("at least one source must not be 'explicit'")
        }
        return sources
    }

    /// The sources of `--index-url` and `--extra-index-url`, replacing the project's
    /// own: `indexURL` (or PyPI) first, then each extra URL, all primary.
    public static func commandLine(indexURL: String?, extraIndexURLs: [String]) -> [IndexSource] {
        var sources = [indexURL.map { IndexSource(name: "index-url", url: $0) } ?? .pypi]
        for (offset, url) in extraIndexURLs.enumerated() {
            let name =
                extraIndexURLs.count == 1 ? "extra-index-url" : "extra-index-url-\(offset + 1)"
            sources.append(IndexSource(name: name, url: url))
        }
        return sources
    }
}
