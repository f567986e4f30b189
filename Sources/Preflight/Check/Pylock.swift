import PythonPackaging
import TOML

/// A PEP 751 `pylock.toml`: the packages to install, each with its marker, its
/// `requires-python` and its files.
///
/// See https://packaging.python.org/en/latest/specifications/pylock-toml/. Only what a
/// check needs is read; `lock-version` must have major version 1.
struct Pylock: Sendable {
    /// One `[[packages]]` entry.
    struct Package: Sendable {
        var name: String
        var version: String?
        var marker: String?
        var requiresPython: String?
        /// Wheel and sdist file names (from `name`, else the last part of `url`/`path`).
        var files: [String]
        /// `vcs`, `directory` or `archive` when the package is not from an index.
        var sourceKind: String?
    }

    var lockVersion: String
    var requiresPython: String?
    var dependencyGroups: [String]
    var defaultGroups: [String]
    var packages: [Package]

    /// Reads the lock from its text; errors name `file` with a line and column.
    init(parsing text: String, file: String) throws(CheckError) {
        let document: TOMLTable
        do {
            document = try TOMLTable(parsing: text)
        } catch {
            throw CheckError("\(file):\(error.line):\(error.column): \(error.message)")
        }
        let reader = PylockReader(file: file)
        guard let versionEntry = document.entry(forKey: "lock-version") else {
            throw CheckError("\(file): missing 'lock-version'")
        }
        guard let version = versionEntry.value.string else {
            throw reader.mismatch("a string", "lock-version", versionEntry)
        }
        guard version == "1" || version.hasPrefix("1.") else {
            throw CheckError(
                "\(file): lock-version '\(version)' is not supported; expected 1.x")
        }
        lockVersion = version
        requiresPython = try reader.string("requires-python", in: document)
        dependencyGroups = try reader.strings("dependency-groups", in: document)
        defaultGroups = try reader.strings("default-groups", in: document)
        packages = []
        guard let entry = document.entry(forKey: "packages") else { return }
        guard let array = entry.value.array else {
            throw reader.mismatch("an array of tables", "packages", entry)
        }
        for element in array {
            guard let table = element.table else {
                throw reader.mismatch("an array of tables", "packages", entry)
            }
            packages.append(try reader.package(table))
        }
    }
}

/// Reads fields of a pylock.toml with messages that point at the offending key.
private struct PylockReader {
    let file: String

    func mismatch(_ expected: String, _ key: String, _ entry: TOMLTable.Entry) -> CheckError {
        CheckError(
            "\(file):\(entry.keySpan.line):\(entry.keySpan.column): expected \(expected) for "
                + "'\(key)', found \(entry.value.typeName)")
    }

    func string(_ key: String, in table: TOMLTable) throws(CheckError) -> String? {
        guard let entry = table.entry(forKey: key) else { return nil }
        guard let text = entry.value.string else { throw mismatch("a string", key, entry) }
        return text
    }

    func strings(_ key: String, in table: TOMLTable) throws(CheckError) -> [String] {
        guard let entry = table.entry(forKey: key) else { return [] }
        guard let array = entry.value.array else {
            throw mismatch("an array of strings", key, entry)
        }
        var result: [String] = []
        for element in array {
            guard let text = element.string else {
                throw mismatch("an array of strings", key, entry)
            }
            result.append(text)
        }
        return result
    }

    func package(_ table: TOMLTable) throws(CheckError) -> Pylock.Package {
        guard let name = try string("name", in: table) else {
            let line = table.span.map { "\($0.line):\($0.column): " } ?? ""
            throw CheckError("\(file):\(line)expected a string 'name' in a package")
        }
        var files: [String] = []
        if let sdist = table.entry(forKey: "sdist") {
            guard let sdistTable = sdist.value.table else {
                throw mismatch("a table", "sdist", sdist)
            }
            if let fileName = try fileName(sdistTable) { files.append(fileName) }
        }
        if let wheels = table.entry(forKey: "wheels") {
            guard let array = wheels.value.array else {
                throw mismatch("an array of tables", "wheels", wheels)
            }
            for element in array {
                guard let wheel = element.table else {
                    throw mismatch("an array of tables", "wheels", wheels)
                }
                if let fileName = try fileName(wheel) { files.append(fileName) }
            }
        }
        let sourceKind = ["vcs", "directory", "archive"].first { table[$0] != nil }
        return Pylock.Package(
            name: name, version: try string("version", in: table),
            marker: try string("marker", in: table),
            requiresPython: try string("requires-python", in: table), files: files,
            sourceKind: sourceKind)
    }

    /// A file's `name`, else the last path component of its `url` or `path`.
    private func fileName(_ table: TOMLTable) throws(CheckError) -> String? {
        if let name = try string("name", in: table) { return name }
        var location = try string("url", in: table)
        if location == nil { location = try string("path", in: table) }
        guard let location else { return nil }
        let withoutQuery = location.prefix { $0 != "?" && $0 != "#" }
        return withoutQuery.split(separator: "/").last.map(String.init)
    }
}
