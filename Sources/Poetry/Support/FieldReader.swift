import TOML

/// Reads typed fields out of a parsed TOML file and turns a wrong type or a missing
/// key into a ``PoetryError`` that names the key and points at the file position.
struct FieldReader {
    /// The file name errors show, such as `pyproject.toml`.
    var file: String

    /// The position of `span` in the file, or `nil` for a value not read from source.
    func position(_ span: TOMLSpan?) -> FilePosition? {
        guard let span, span.line > 0 else { return nil }
        return FilePosition(file: file, line: span.line, column: span.column)
    }

    /// An error at `span`.
    func error(_ message: String, at span: TOMLSpan?) -> PoetryError {
        PoetryError(message, at: position(span))
    }

    /// An "expected X for 'key', found Y" error at the entry's value.
    func mismatch(expected: String, for name: String, entry: TOMLTable.Entry) -> PoetryError {
        error(
            "expected \(expected) for '\(name)', found \(entry.value.typeName)",
            at: entry.valueSpan)
    }

    /// The string under `key`, if present.
    func string(
        _ key: String, in table: TOMLTable, path: String
    ) throws(PoetryError) -> String? {
        guard let entry = table.entry(forKey: key) else { return nil }
        guard let text = entry.value.string else {
            throw mismatch(expected: "a string", for: join(path, key), entry: entry)
        }
        return text
    }

    /// The string under `key`; its absence is an error at `span` (the table's header).
    func requiredString(
        _ key: String, in table: TOMLTable, path: String, at span: TOMLSpan?
    ) throws(PoetryError) -> String {
        guard let text = try string(key, in: table, path: path) else {
            throw error("missing key '\(join(path, key))'", at: span ?? table.span)
        }
        return text
    }

    /// The Boolean under `key`, if present.
    func bool(_ key: String, in table: TOMLTable, path: String) throws(PoetryError) -> Bool? {
        guard let entry = table.entry(forKey: key) else { return nil }
        guard let flag = entry.value.bool else {
            throw mismatch(expected: "a boolean", for: join(path, key), entry: entry)
        }
        return flag
    }

    /// The table under `key`, if present.
    func table(
        _ key: String, in table: TOMLTable, path: String
    ) throws(PoetryError) -> TOMLTable? {
        guard let entry = table.entry(forKey: key) else { return nil }
        guard let inner = entry.value.table else {
            throw mismatch(expected: "a table", for: join(path, key), entry: entry)
        }
        return inner
    }

    /// The array under `key`, if present.
    func array(
        _ key: String, in table: TOMLTable, path: String
    ) throws(PoetryError) -> TOMLArray? {
        guard let entry = table.entry(forKey: key) else { return nil }
        guard let elements = entry.value.array else {
            throw mismatch(expected: "an array", for: join(path, key), entry: entry)
        }
        return elements
    }

    /// The array of strings under `key`, if present.
    func strings(
        _ key: String, in table: TOMLTable, path: String
    ) throws(PoetryError) -> [String]? {
        guard let elements = try array(key, in: table, path: path) else { return nil }
        return try strings(in: elements, path: join(path, key))
    }

    /// The elements of `elements`, each of which must be a string.
    func strings(in elements: TOMLArray, path: String) throws(PoetryError) -> [String] {
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for index in elements.indices {
            guard let text = elements[index].string else {
                throw error(
                    "expected a string in '\(path)', found \(elements[index].typeName)",
                    at: elements.span(at: index))
            }
            result.append(text)
        }
        return result
    }

    /// The array of tables under `key`, with each table's position.
    func tables(
        _ key: String, in table: TOMLTable, path: String
    ) throws(PoetryError) -> [(table: TOMLTable, span: TOMLSpan)] {
        guard let elements = try array(key, in: table, path: path) else { return [] }
        var result: [(table: TOMLTable, span: TOMLSpan)] = []
        result.reserveCapacity(elements.count)
        for index in elements.indices {
            guard let inner = elements[index].table else {
                throw error(
                    "expected a table in '\(join(path, key))', found \(elements[index].typeName)",
                    at: elements.span(at: index))
            }
            result.append((inner, elements.span(at: index)))
        }
        return result
    }

    /// `path.key`, or `key` at the top level.
    func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }
}
