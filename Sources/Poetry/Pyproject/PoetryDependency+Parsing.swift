import PythonPackaging
import TOML

extension PoetryDependency {
    /// The keys Poetry accepts in a dependency table.
    static let tableKeys = [
        "version", "python", "platform", "markers", "allow-prereleases", "allows-prereleases",
        "optional", "extras", "source", "develop", "path", "git", "branch", "tag", "rev",
        "subdirectory", "url",
    ]

    /// Reads the entries of a `[tool.poetry.dependencies]`-style table at `keyPath`,
    /// returning the `python` entry separately.
    static func poetryEntries(
        _ table: TOMLTable, keyPath: [String], reader: FieldReader
    ) throws(PoetryError) -> (python: String?, dependencies: [PoetryDependency]) {
        var python: String?
        var dependencies: [PoetryDependency] = []
        for entry in table.entries {
            let path = keyPath + [entry.key]
            if entry.key.lowercased() == "python" {
                guard let constraint = entry.value.string else {
                    throw reader.error(
                        "expected a string for the python constraint, found "
                            + entry.value.typeName,
                        at: entry.valueSpan)
                }
                python = constraint
                continue
            }
            let location = Location(position: reader.position(entry.keySpan), keyPath: path)
            switch entry.value {
            case .string(let constraint):
                try checkConstraint(constraint, of: entry.key, at: entry.valueSpan, reader: reader)
                dependencies.append(
                    PoetryDependency(name: entry.key, constraint: constraint, location: location))
            case .table(let details):
                dependencies.append(
                    try PoetryDependency(
                        name: entry.key, details: details, location: location, reader: reader))
            case .array(let alternatives):
                for index in alternatives.indices {
                    let span = alternatives.span(at: index)
                    guard let details = alternatives[index].table else {
                        throw reader.error(
                            "expected a table for each constraint of dependency"
                                + " '\(entry.key)', found \(alternatives[index].typeName)",
                            at: span)
                    }
                    let element = Location(
                        position: reader.position(span), keyPath: path + [String(index)])
                    dependencies.append(
                        try PoetryDependency(
                            name: entry.key, details: details, location: element, reader: reader
                        ))
                }
            default:
                throw reader.error(
                    "expected a string or table for dependency '\(entry.key)', found "
                        + entry.value.typeName,
                    at: entry.valueSpan)
            }
        }
        return (python, dependencies)
    }

    /// Reads a dependency written as a table.
    init(
        name: String, details: TOMLTable, location: Location, reader: FieldReader
    ) throws(PoetryError) {
        // Unknown keys are mistakes that would silently loosen the dependency.
        for entry in details.entries where !Self.tableKeys.contains(entry.key) {
            var message = "unknown key '\(entry.key)' in dependency '\(name)'"
            if let suggestion = closestMatch(to: entry.key, in: Self.tableKeys) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw reader.error(message, at: entry.keySpan)
        }

        func string(_ key: String) throws(PoetryError) -> String? {
            guard let entry = details.entry(forKey: key) else { return nil }
            guard let text = entry.value.string else {
                throw reader.error(
                    "expected a string for '\(key)' of dependency '\(name)', found "
                        + entry.value.typeName,
                    at: entry.valueSpan)
            }
            return text
        }
        func bool(_ key: String) throws(PoetryError) -> Bool? {
            guard let entry = details.entry(forKey: key) else { return nil }
            guard let flag = entry.value.bool else {
                throw reader.error(
                    "expected a boolean for '\(key)' of dependency '\(name)', found "
                        + entry.value.typeName,
                    at: entry.valueSpan)
            }
            return flag
        }

        // At most one of git, path and url says where a non-index package is.
        let places = details.entries.filter { ["git", "path", "url"].contains($0.key) }
        if places.count > 1 {
            throw reader.error(
                "dependency '\(name)' sets both '\(places[0].key)' and '\(places[1].key)'",
                at: places[1].keySpan)
        }
        let origin: Origin
        if let url = try string("git") {
            let rev = try string("rev")
            let tag = try string("tag")
            let branch = try string("branch")
            origin = .git(
                url: url, reference: rev ?? tag ?? branch,
                subdirectory: try string("subdirectory"))
        } else if let path = try string("path") {
            origin = .path(path, develop: try bool("develop") ?? false)
        } else if let url = try string("url") {
            origin = .url(url, subdirectory: try string("subdirectory"))
        } else {
            origin = .index(source: try string("source"))
        }

        var extras: [String] = []
        if let entry = details.entry(forKey: "extras") {
            guard let elements = entry.value.array else {
                throw reader.error(
                    "expected an array for 'extras' of dependency '\(name)', found "
                        + entry.value.typeName,
                    at: entry.valueSpan)
            }
            extras = try reader.strings(
                in: elements, path: (location.keyPath + ["extras"]).joined(separator: "."))
        }

        let version = try string("version")
        if let version {
            try Self.checkConstraint(
                version, of: name, at: details.entry(forKey: "version")?.valueSpan,
                reader: reader)
        }
        let allowsPrereleases = try bool("allow-prereleases")
        let legacyAllowsPrereleases = try bool("allows-prereleases")
        self.init(
            name: name,
            constraint: version ?? "*",
            origin: origin,
            extras: extras,
            markers: try string("markers"),
            python: try string("python"),
            platform: try string("platform"),
            isOptional: try bool("optional") ?? false,
            allowsPrereleases: allowsPrereleases ?? legacyAllowsPrereleases,
            location: location)
    }

    /// Fails with Poetry's reason when `constraint` is not a Poetry version constraint.
    static func checkConstraint(
        _ constraint: String, of name: String, at span: TOMLSpan?, reader: FieldReader
    ) throws(PoetryError) {
        do {
            _ = try PoetryConstraint(constraint)
        } catch {
            // Name the dependency right after the constraint: "invalid version
            // constraint '~>1.0' for dependency 'httpx': …".
            let lead = "invalid version constraint '\(constraint)'"
            var message = error.description
            if message.hasPrefix(lead) {
                message.insert(
                    contentsOf: " for dependency '\(name)'",
                    at: message.index(message.startIndex, offsetBy: lead.count))
            } else {
                message += " (dependency '\(name)')"
            }
            throw reader.error(message, at: span)
        }
    }

    /// Reads a PEP 508 dependency string written at `location`.
    init(
        pep508 text: String, location: Location, extra: String? = nil, reader: FieldReader
    ) throws(PoetryError) {
        let requirement: Requirement
        do {
            requirement = try Requirement(parsing: text)
        } catch {
            throw PoetryError(
                "invalid dependency '\(text)': \(error.message)", at: location.position)
        }
        let specifier = requirement.specifier.description
        self.init(
            name: requirement.name.display,
            constraint: specifier.isEmpty ? "*" : specifier,
            origin: requirement.url.map(Self.origin(ofURL:)) ?? .index(source: nil),
            extras: requirement.extras,
            markers: requirement.marker?.description,
            isOptional: extra != nil,
            extra: extra,
            location: location)
    }

    /// The origin of a PEP 508 direct reference (`name @ url`).
    static func origin(ofURL url: String) -> Origin {
        var address = Substring(url)
        var subdirectory: String?
        if let fragment = address.firstIndex(of: "#") {
            let query = address[address.index(after: fragment)...]
            if query.hasPrefix("subdirectory=") {
                subdirectory = String(query.dropFirst("subdirectory=".count))
            }
            address = address[..<fragment]
        }
        if address.hasPrefix("git+") {
            address = address.dropFirst(4)
            var reference: String?
            let pathStart = address.firstRange(of: "://")?.upperBound ?? address.startIndex
            if let lastSlash = address[pathStart...].lastIndex(of: "/"),
                let at = address[lastSlash...].lastIndex(of: "@")
            {
                reference = String(address[address.index(after: at)...])
                address = address[..<at]
            }
            return .git(url: String(address), reference: reference, subdirectory: subdirectory)
        }
        if address.hasPrefix("file://") {
            return .path(String(address.dropFirst("file://".count)), develop: false)
        }
        return .url(String(address), subdirectory: subdirectory)
    }

    /// This PEP 508 dependency with a `[tool.poetry]` entry's details added, as Poetry 2
    /// enriches `[project]` dependencies.
    func enriched(with entry: PoetryDependency) -> PoetryDependency {
        var result = self
        if entry.constraint != "*" {
            result.constraint =
                constraint == "*" ? entry.constraint : constraint + "," + entry.constraint
            result.parsedConstraint = try? PoetryConstraint(result.constraint)
        }
        if case .index(source: nil) = entry.origin {
        } else {
            result.origin = entry.origin
        }
        for extra in entry.extras where !result.extras.contains(extra) {
            result.extras.append(extra)
        }
        if let more = entry.markers {
            result.markers = markers.map { "(\($0)) and (\(more))" } ?? more
        }
        result.python = entry.python ?? python
        result.platform = entry.platform ?? platform
        result.allowsPrereleases = entry.allowsPrereleases ?? allowsPrereleases
        result.enrichedBy.append(entry.location)
        return result
    }
}

/// The candidate within edit distance 2 of `word`, if exactly one is closest.
func closestMatch(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= 2 }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.0
}

/// The Levenshtein distance between `a` and `b`, counted in Unicode scalars.
private func editDistance(_ a: String, _ b: String) -> Int {
    let left = Array(a.unicodeScalars)
    let right = Array(b.unicodeScalars)
    guard !left.isEmpty else { return right.count }
    var previous = Array(0...right.count)
    for (i, x) in left.enumerated() {
        var current = [i + 1] + Array(repeating: 0, count: right.count)
        for (j, y) in right.enumerated() {
            current[j + 1] = min(
                previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
        }
        previous = current
    }
    return previous[right.count]
}
