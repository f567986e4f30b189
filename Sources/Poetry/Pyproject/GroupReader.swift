import PythonPackaging
import TOML

/// Reads the non-main dependency groups: PEP 735 `[dependency-groups]`, then
/// `[tool.poetry.group.<name>]` (which adds settings and enrichment to a PEP 735 group
/// of the same name), then the legacy `[tool.poetry.dev-dependencies]` as group `dev`;
/// and checks that every included group exists and that inclusions form no cycle.
struct GroupReader {
    var reader: FieldReader
    var document: TOMLTable
    var poetry: TOMLTable?

    /// One `include-group`/`include-groups` reference, for the checks.
    private struct Inclusion {
        var group: String
        var included: String
        var span: TOMLSpan
    }

    private var groups: [DependencyGroup] = []
    private var inclusions: [Inclusion] = []

    init(reader: FieldReader, document: TOMLTable, poetry: TOMLTable?) {
        self.reader = reader
        self.document = document
        self.poetry = poetry
    }

    /// The groups in the order Poetry creates them.
    consuming func read() throws(PoetryError) -> [DependencyGroup] {
        let poetryGroups = try poetry.flatMap { (poetry) throws(PoetryError) in
            try reader.table("group", in: poetry, path: "tool.poetry")
        }
        if let table = try reader.table("dependency-groups", in: document, path: "") {
            for entry in table.entries {
                try readStandardGroup(entry, settings: poetryGroups)
            }
        }
        for entry in poetryGroups?.entries ?? [] {
            try readPoetryGroup(entry)
        }
        if let poetry, let entry = poetry.entry(forKey: "dev-dependencies") {
            try readLegacyDevelopmentGroup(entry)
        }
        try checkInclusions()
        return groups
    }

    // MARK: - Reading

    private mutating func readStandardGroup(
        _ entry: TOMLTable.Entry, settings: TOMLTable?
    ) throws(PoetryError) {
        let keyPath = ["dependency-groups", entry.key]
        guard let list = entry.value.array else {
            throw reader.mismatch(
                expected: "an array", for: keyPath.joined(separator: "."), entry: entry)
        }
        var group = DependencyGroup(name: entry.key)
        for index in list.indices {
            let span = list.span(at: index)
            switch list[index] {
            case .string(let text):
                let location = PoetryDependency.Location(
                    position: reader.position(span), keyPath: keyPath + [String(index)])
                group.dependencies.append(
                    try PoetryDependency(pep508: text, location: location, reader: reader))
            case .table(let table):
                guard let included = table["include-group"]?.string, table.count == 1 else {
                    throw reader.error(
                        "expected a dependency string or {include-group = \"…\"} in"
                            + " 'dependency-groups.\(entry.key)', found a table with keys "
                            + table.keys.map { "'\($0)'" }.joined(separator: ", "),
                        at: span)
                }
                group.includedGroups.append(included)
                inclusions.append(Inclusion(group: entry.key, included: included, span: span))
            default:
                throw reader.error(
                    "expected a dependency string or {include-group = \"…\"} in"
                        + " 'dependency-groups.\(entry.key)', found \(list[index].typeName)",
                    at: span)
            }
        }
        let normalized = PackageName.normalize(entry.key)
        if let config = settings?.entries.first(where: {
            PackageName.normalize($0.key) == normalized
        })?.value.table {
            group.isOptional =
                try reader.bool(
                    "optional", in: config, path: "tool.poetry.group.\(entry.key)") ?? false
        }
        groups.append(group)
    }

    private mutating func readPoetryGroup(_ entry: TOMLTable.Entry) throws(PoetryError) {
        let path = "tool.poetry.group.\(entry.key)"
        guard let config = entry.value.table else {
            throw reader.mismatch(expected: "a table", for: path, entry: entry)
        }
        var dependencies: [PoetryDependency] = []
        if let table = try reader.table("dependencies", in: config, path: path) {
            dependencies = try PoetryDependency.poetryEntries(
                table, keyPath: ["tool", "poetry", "group", entry.key, "dependencies"],
                reader: reader
            ).dependencies
        }
        var included: [String] = []
        if let list = try reader.array("include-groups", in: config, path: path) {
            included = try reader.strings(in: list, path: path + ".include-groups")
            for index in list.indices {
                inclusions.append(
                    Inclusion(
                        group: entry.key, included: included[index], span: list.span(at: index)))
            }
        }

        if let position = index(of: entry.key) {
            // A PEP 735 group of the same name: its strings take these entries' details.
            let (enriched, ignored) = Pyproject.enrich(
                groups[position].dependencies, with: dependencies)
            groups[position].dependencies =
                groups[position].dependencies.isEmpty ? dependencies : enriched
            groups[position].ignoredDependencies += ignored
            groups[position].includedGroups += included
        } else {
            groups.append(
                DependencyGroup(
                    name: entry.key,
                    isOptional: try reader.bool("optional", in: config, path: path) ?? false,
                    dependencies: dependencies,
                    includedGroups: included))
        }
    }

    private mutating func readLegacyDevelopmentGroup(
        _ entry: TOMLTable.Entry
    ) throws(PoetryError) {
        guard let table = entry.value.table else {
            throw reader.mismatch(
                expected: "a table", for: "tool.poetry.dev-dependencies", entry: entry)
        }
        let dependencies = try PoetryDependency.poetryEntries(
            table, keyPath: ["tool", "poetry", "dev-dependencies"], reader: reader
        ).dependencies
        if let position = index(of: "dev") {
            groups[position].dependencies += dependencies
        } else {
            groups.append(DependencyGroup(name: "dev", dependencies: dependencies))
        }
    }

    private func index(of name: String) -> Int? {
        let normalized = PackageName.normalize(name)
        return groups.firstIndex { PackageName.normalize($0.name) == normalized }
    }

    // MARK: - Checks

    /// Every included group must exist, and no group may include itself, directly or
    /// through others.
    private func checkInclusions() throws(PoetryError) {
        var edges: [String: [Inclusion]] = [:]
        for inclusion in inclusions {
            guard index(of: inclusion.included) != nil else {
                var message =
                    "dependency group '\(inclusion.group)' includes undefined group"
                    + " '\(inclusion.included)'"
                if let suggestion = closestMatch(
                    to: inclusion.included, in: groups.map(\.name))
                {
                    message += "; did you mean '\(suggestion)'?"
                }
                throw reader.error(message, at: inclusion.span)
            }
            edges[PackageName.normalize(inclusion.group), default: []].append(inclusion)
        }

        // Depth-first search; a group met again on the current path closes a cycle.
        var finished: Set<String> = []
        var path: [Inclusion] = []
        func visit(_ group: String) throws(PoetryError) {
            for inclusion in edges[group] ?? [] {
                let next = PackageName.normalize(inclusion.included)
                if next == PackageName.normalize(path.first?.group ?? group)
                    || path.contains(where: { PackageName.normalize($0.group) == next })
                {
                    let chain = (path + [inclusion]).drop {
                        PackageName.normalize($0.group) != next
                    }
                    let names = chain.map { "'\($0.group)'" } + ["'\(inclusion.included)'"]
                    throw reader.error(
                        "dependency groups include each other in a cycle: "
                            + names.joined(separator: " → "),
                        at: inclusion.span)
                }
                guard !finished.contains(next) else { continue }
                path.append(inclusion)
                try visit(next)
                path.removeLast()
            }
            finished.insert(group)
        }
        for group in groups.map({ PackageName.normalize($0.name) }) where !finished.contains(group)
        {
            path = []
            try visit(group)
        }
    }
}
