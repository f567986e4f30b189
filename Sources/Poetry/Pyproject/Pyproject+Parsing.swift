import PythonPackaging
import TOML

extension Pyproject {
    /// Reads a pyproject.toml from its text; errors name `file` and a line and column.
    public init(parsing text: String, file: String = "pyproject.toml") throws(PoetryError) {
        let document: TOMLTable
        do {
            document = try TOMLTable(parsing: text)
        } catch {
            throw PoetryError(
                error.message,
                at: FilePosition(file: file, line: error.line, column: error.column))
        }
        try self.init(document: document, file: file)
    }

    /// Reads the project from its parsed TOML.
    public init(document: TOMLTable, file: String = "pyproject.toml") throws(PoetryError) {
        let reader = FieldReader(file: file)
        let tool = try reader.table("tool", in: document, path: "")
        let poetry = try tool.flatMap { (tool) throws(PoetryError) in
            try reader.table("poetry", in: tool, path: "tool")
        }
        let project = try reader.table("project", in: document, path: "")

        // [tool.poetry.dependencies], the main group of Poetry 1 and the enrichment of
        // [project] in Poetry 2.
        var python: String?
        var poetryMain: [PoetryDependency] = []
        if let poetry,
            let table = try reader.table("dependencies", in: poetry, path: "tool.poetry")
        {
            (python, poetryMain) = try PoetryDependency.poetryEntries(
                table, keyPath: ["tool", "poetry", "dependencies"], reader: reader)
        }

        // [project]: when it has dependencies or optional-dependencies, they are the
        // main group and its extras.
        var main = DependencyGroup(name: DependencyGroup.mainName)
        var extras: [(name: String, packages: [String])] = []
        let projectDependencies = try project.map { (project) throws(PoetryError) in
            try Self.projectDependencies(project, reader: reader)
        }
        if let projectDependencies, projectDependencies.declared {
            (main.dependencies, main.ignoredDependencies) = Self.enrich(
                projectDependencies.dependencies, with: poetryMain)
            extras = projectDependencies.extras
        } else {
            main.dependencies = poetryMain
        }

        // Poetry takes [tool.poetry.extras] unless [project] declares dependencies or
        // optional dependencies (an empty dependency list does not count).
        if main.dependencies.isEmpty || projectDependencies?.declared != true, let poetry {
            extras = try Self.poetryExtras(poetry, reader: reader)
        }

        let groups = try GroupReader(
            reader: reader, document: document, poetry: poetry
        ).read()

        self.init(
            document: document,
            file: file,
            name: try project.flatMap { (project) throws(PoetryError) in
                try reader.string("name", in: project, path: "project")
            } ?? poetry.flatMap { try? reader.string("name", in: $0, path: "tool.poetry") },
            python: python,
            requiresPython: try project.flatMap { (project) throws(PoetryError) in
                try reader.string("requires-python", in: project, path: "project")
            },
            groups: [main] + groups,
            extras: extras,
            sources: try poetry.map { (poetry) throws(PoetryError) in
                try Self.sources(poetry, reader: reader)
            } ?? [],
            isPackageMode: try poetry.flatMap { (poetry) throws(PoetryError) in
                try reader.bool("package-mode", in: poetry, path: "tool.poetry")
            } ?? true)
    }

    // MARK: - [project]

    /// `[project]` dependencies and optional dependencies; `declared` is false when
    /// neither is written, which leaves the main group to `[tool.poetry]`.
    private static func projectDependencies(
        _ project: TOMLTable, reader: FieldReader
    ) throws(PoetryError) -> (
        declared: Bool, dependencies: [PoetryDependency],
        extras: [(name: String, packages: [String])]
    ) {
        var dependencies: [PoetryDependency] = []
        let required = try reader.array("dependencies", in: project, path: "project")
        if let required {
            dependencies += try pep508List(
                required, keyPath: ["project", "dependencies"], reader: reader)
        }
        var extras: [(name: String, packages: [String])] = []
        let optional = try reader.table("optional-dependencies", in: project, path: "project")
        for entry in optional?.entries ?? [] {
            let keyPath = ["project", "optional-dependencies", entry.key]
            guard let list = entry.value.array else {
                throw reader.mismatch(
                    expected: "an array", for: keyPath.joined(separator: "."), entry: entry)
            }
            let members = try pep508List(
                list, keyPath: keyPath, extra: entry.key, reader: reader)
            dependencies += members
            extras.append((entry.key, members.map(\.name)))
        }
        return (required != nil || !(optional?.isEmpty ?? true), dependencies, extras)
    }

    /// The PEP 508 strings of `list`, each remembering its element's position.
    static func pep508List(
        _ list: TOMLArray, keyPath: [String], extra: String? = nil, reader: FieldReader
    ) throws(PoetryError) -> [PoetryDependency] {
        var result: [PoetryDependency] = []
        for index in list.indices {
            let span = list.span(at: index)
            guard let text = list[index].string else {
                throw reader.error(
                    "expected a dependency string in '\(keyPath.joined(separator: "."))', found "
                        + list[index].typeName,
                    at: span)
            }
            let location = PoetryDependency.Location(
                position: reader.position(span), keyPath: keyPath + [String(index)])
            result.append(
                try PoetryDependency(
                    pep508: text, location: location, extra: extra, reader: reader))
        }
        return result
    }

    /// Poetry 2's enrichment: each PEP 508 dependency takes the details of the
    /// `[tool.poetry]` entries of the same name; entries naming no such dependency are
    /// ignored.
    static func enrich(
        _ dependencies: [PoetryDependency], with entries: [PoetryDependency]
    ) -> (dependencies: [PoetryDependency], ignored: [PoetryDependency]) {
        guard !entries.isEmpty else { return (dependencies, []) }
        var byName: [String: [PoetryDependency]] = [:]
        for entry in entries {
            byName[PackageName.normalize(entry.name), default: []].append(entry)
        }
        var used: Set<String> = []
        var result: [PoetryDependency] = []
        for dependency in dependencies {
            let name = PackageName.normalize(dependency.name)
            guard let matches = byName[name] else {
                result.append(dependency)
                continue
            }
            used.insert(name)
            result += matches.map(dependency.enriched(with:))
        }
        let ignored = entries.filter { !used.contains(PackageName.normalize($0.name)) }
        return (result, ignored)
    }

    // MARK: - [tool.poetry]

    private static func poetryExtras(
        _ poetry: TOMLTable, reader: FieldReader
    ) throws(PoetryError) -> [(name: String, packages: [String])] {
        guard let table = try reader.table("extras", in: poetry, path: "tool.poetry") else {
            return []
        }
        var extras: [(name: String, packages: [String])] = []
        for entry in table.entries {
            let path = "tool.poetry.extras.\(entry.key)"
            guard let names = entry.value.array else {
                throw reader.mismatch(expected: "an array", for: path, entry: entry)
            }
            extras.append((entry.key, try reader.strings(in: names, path: path)))
        }
        return extras
    }

    private static func sources(
        _ poetry: TOMLTable, reader: FieldReader
    ) throws(PoetryError) -> [PackageSource] {
        var sources: [PackageSource] = []
        for (table, span) in try reader.tables("source", in: poetry, path: "tool.poetry") {
            let path = "tool.poetry.source"
            let name = try reader.requiredString("name", in: table, path: path, at: span)
            var priority = PackageSource.Priority.primary
            if let entry = table.entry(forKey: "priority") {
                guard let text = entry.value.string,
                    let known = PackageSource.Priority(rawValue: text)
                else {
                    let found = entry.value.string.map { "'\($0)'" } ?? entry.value.typeName
                    throw reader.error(
                        "expected 'primary', 'supplemental' or 'explicit' for the priority"
                            + " of source '\(name)', found \(found)",
                        at: entry.valueSpan)
                }
                priority = known
            } else if try reader.bool("default", in: table, path: path) == true {
                priority = .default
            } else if try reader.bool("secondary", in: table, path: path) == true {
                priority = .secondary
            }
            sources.append(
                PackageSource(
                    name: name, url: try reader.string("url", in: table, path: path),
                    priority: priority, position: reader.position(span)))
        }
        return sources
    }
}
