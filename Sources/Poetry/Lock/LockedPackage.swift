import PythonPackaging

/// One `[[package]]` of a poetry.lock.
public struct LockedPackage: Sendable {
    /// The name as the lock writes it.
    public var name: String
    /// The PEP 503 normalized name.
    public var normalizedName: String
    /// The locked version, as written.
    public var version: String
    /// The one-line summary.
    public var description: String
    /// Whether the package is only installed for an extra of the project.
    public var isOptional: Bool
    /// The package's own Python constraint (`python-versions`), `*` when absent.
    public var pythonVersions: String
    /// Lock-version 1.1's `category` (`main` or `dev`), when written.
    public var category: String?
    /// Lock-version 2.1's dependency groups that pull the package in.
    public var groups: [String]
    /// Lock-version 2.1's environment markers under which the package is needed.
    public var markers: LockedMarkers
    /// The distribution files with their hashes.
    public var files: [LockedFile]
    /// The package's requirements, one per constraint (a list form gives several).
    public var dependencies: [LockedDependency]
    /// The package's extras: extra name → PEP 508 requirement strings.
    public var extras: [String: [String]]
    /// Where the package comes from when not from the default index.
    public var source: LockedSource?
    /// Whether a path dependency is installed in editable (develop) mode.
    public var isDevelop: Bool
    /// Where the `[[package]]` header sits.
    public var position: FilePosition?

    /// A package with the given name and version and defaults for everything else.
    public init(
        name: String,
        version: String,
        description: String = "",
        isOptional: Bool = false,
        pythonVersions: String = "*",
        category: String? = nil,
        groups: [String] = [],
        markers: LockedMarkers = .unconditional,
        files: [LockedFile] = [],
        dependencies: [LockedDependency] = [],
        extras: [String: [String]] = [:],
        source: LockedSource? = nil,
        isDevelop: Bool = false,
        position: FilePosition? = nil
    ) {
        self.name = name
        self.normalizedName = PackageName.normalize(name)
        self.version = version
        self.description = description
        self.isOptional = isOptional
        self.pythonVersions = pythonVersions
        self.category = category
        self.groups = groups
        self.markers = markers
        self.files = files
        self.dependencies = dependencies
        self.extras = extras
        self.source = source
        self.isDevelop = isDevelop
        self.position = position
    }

    /// Whether the package comes from a package index (the default one or a named
    /// source) rather than a path, URL or version-control repository.
    public var isFromIndex: Bool {
        guard let source else { return true }
        return source.type == "legacy"
    }
}

/// The markers under which a lock-version 2.1 package is needed.
public enum LockedMarkers: Sendable, Hashable {
    /// No `markers` key: needed wherever its groups are.
    case unconditional
    /// One marker for every group.
    case all(String)
    /// A marker per group, in file order; a group not listed is unconditional.
    case perGroup([GroupMarker])

    /// A group's marker in a ``LockedMarkers/perGroup(_:)`` table.
    public struct GroupMarker: Sendable, Hashable {
        /// The group name.
        public var group: String
        /// The PEP 508 marker text.
        public var marker: String

        /// The marker `marker` for `group`.
        public init(group: String, marker: String) {
            self.group = group
            self.marker = marker
        }
    }

    /// The marker text for `group`, or `nil` when the package is unconditional there.
    public func marker(forGroup group: String) -> String? {
        switch self {
        case .unconditional: nil
        case .all(let marker): marker
        case .perGroup(let markers):
            markers.first { PackageName.normalize($0.group) == PackageName.normalize(group) }?
                .marker
        }
    }
}

/// A distribution file of a locked package.
public struct LockedFile: Sendable, Hashable {
    /// The file name, such as `six-1.16.0-py2.py3-none-any.whl`.
    public var name: String
    /// The hash as written, `algorithm:hexdigest`.
    public var hash: String
    /// The file's URL, written for packages locked from a URL.
    public var url: String?

    /// A file `name` with `hash`.
    public init(name: String, hash: String, url: String? = nil) {
        self.name = name
        self.hash = hash
        self.url = url
    }
}

/// One requirement of a locked package on another package.
public struct LockedDependency: Sendable, Hashable {
    /// The required package's name as written.
    public var name: String
    /// The Poetry constraint on its version (`*` when the lock gives none).
    public var constraint: String
    /// The PEP 508 marker under which the requirement applies.
    public var markers: String?
    /// The extras requested of the required package.
    public var extras: [String]
    /// Whether the requirement is optional (only pulled in by one of the package's
    /// extras; its marker then says which).
    public var isOptional: Bool
    /// A Python constraint written as `python = "…"` (older locks).
    public var python: String?
    /// The path, URL or repository for a requirement not from an index.
    public var location: String?
    /// Where the requirement is written.
    public var position: FilePosition?

    /// A requirement on `name` with the given details.
    public init(
        name: String,
        constraint: String = "*",
        markers: String? = nil,
        extras: [String] = [],
        isOptional: Bool = false,
        python: String? = nil,
        location: String? = nil,
        position: FilePosition? = nil
    ) {
        self.name = name
        self.constraint = constraint
        self.markers = markers
        self.extras = extras
        self.isOptional = isOptional
        self.python = python
        self.location = location
        self.position = position
    }

    /// The PEP 503 normalized name of the required package.
    public var normalizedName: String { PackageName.normalize(name) }
}

/// Where a locked package comes from: `[package.source]`.
public struct LockedSource: Sendable, Hashable {
    /// `legacy` (a named index), `git`, `directory`, `file` or `url`.
    public var type: String
    /// The index URL, repository URL, path or archive URL.
    public var url: String
    /// The source name for `legacy`, or the branch, tag or revision for `git`.
    public var reference: String?
    /// The commit a `git` reference resolved to.
    public var resolvedReference: String?
    /// The subdirectory of a repository or archive.
    public var subdirectory: String?

    /// A source of `type` at `url`.
    public init(
        type: String, url: String, reference: String? = nil,
        resolvedReference: String? = nil, subdirectory: String? = nil
    ) {
        self.type = type
        self.url = url
        self.reference = reference
        self.resolvedReference = resolvedReference
        self.subdirectory = subdirectory
    }
}
