import PythonPackaging
import TOML

/// The `content-hash` that Poetry writes into `[metadata]` of poetry.lock, and by which
/// it decides whether the lock is still fresh for the pyproject.toml next to it.
///
/// Poetry hashes the SHA-256 of `json.dumps(relevant, sort_keys=True)` (default
/// separators `", "`/`": "`, `ensure_ascii` escapes, floats in Python `repr`) over the
/// parts of pyproject.toml that decide the dependencies, as loaded by `tomllib`.
/// Which parts are relevant has changed twice, so there are three schemes
/// (``ContentHashScheme``); established against Poetry 1.8.5, 2.0.1, 2.2.1 and 2.5.1 on
/// the vectors in `Tests/PoetryTests/Resources/content-hash` (see
/// `Scripts/oracles/content_hash_vectors.py`):
///
/// - **Poetry 1.x** hashes `[tool.poetry]` only: always the keys `dependencies`,
///   `source`, `extras` and `dev-dependencies` (`null` when absent) and `group` when
///   present, as one top-level object. `[project]` does not exist for it.
/// - **Poetry 2.0–2.2** adds `requires-python`, `dependencies` and
///   `optional-dependencies` of `[project]` when present (an empty list counts). With
///   any of them, the object is `{"project": {…}, "tool": {"poetry": {…}}}` and absent
///   `[tool.poetry]` keys are left out instead of written as `null`; without them it is
///   exactly the Poetry 1.x object, so classic projects keep their hash.
/// - **Poetry 2.3 and later** also hash a non-empty `[dependency-groups]` (PEP 735) as
///   the top-level key `dependency-groups`, which selects the nested form as `[project]`
///   does. Poetry 2.3+ accepts a lock written by an older Poetry when it matches the
///   2.0–2.2 hash (``ContentHash/isFresh(lockHash:generatedBy:pyproject:checkedBy:)``).
///
/// Keys not listed (name, version, `package-mode`, `build-system`, other tools) never
/// change the hash. A date or time value inside a hashed part makes Python's
/// `json.dumps` raise `TypeError`, so Poetry cannot lock such a project; here it is a
/// ``PoetryError``. Poetry 1.8 and 2.x agree on every project without relevant
/// `[project]` keys and without `[dependency-groups]`.
public enum ContentHash {
    /// The content-hash of `pyproject` (a parsed pyproject.toml) under `scheme`, as 64
    /// lowercase hexadecimal digits.
    public static func compute(
        pyproject: TOMLTable, scheme: ContentHashScheme = .latest
    ) throws(PoetryError) -> String {
        let json = try hashedJSON(pyproject: pyproject, scheme: scheme)
        return SHA256.hexDigest(of: json.utf8)
    }

    /// The JSON text that `compute` hashes: what Poetry passes to SHA-256.
    public static func hashedJSON(
        pyproject: TOMLTable, scheme: ContentHashScheme = .latest
    ) throws(PoetryError) -> String {
        let content = try relevantContent(of: pyproject, scheme: scheme)
        var output = ""
        try content.write(to: &output)
        return output
    }

    /// Whether a lock whose `[metadata] content-hash` is `lockHash` is fresh for
    /// `pyproject`, decided as the Poetry of `checker` decides it.
    ///
    /// `generatedBy` is the Poetry version named in the lock's first comment line, if
    /// any; when `checker` is `nil` the lock is checked by the scheme of the Poetry that
    /// wrote it (the latest scheme when unknown).
    public static func isFresh(
        lockHash: String,
        generatedBy: String?,
        pyproject: TOMLTable,
        checkedBy checker: ContentHashScheme? = nil
    ) throws(PoetryError) -> Bool {
        let writer = generatedBy.flatMap(ContentHashScheme.init(poetryVersion:))
        let scheme = checker ?? writer ?? .latest
        if try compute(pyproject: pyproject, scheme: scheme) == lockHash { return true }

        // Poetry 2.3+ also accepts the older hash from a lock that an older Poetry wrote.
        guard scheme == .poetry23, let writer, writer != .poetry23 else { return false }
        return try compute(pyproject: pyproject, scheme: .poetry2) == lockHash
    }

    // MARK: - The hashed content

    private static let legacyPoetryKeys = ["dependencies", "source", "extras", "dev-dependencies"]
    private static let poetryKeys = legacyPoetryKeys + ["group"]
    private static let projectKeys = ["requires-python", "dependencies", "optional-dependencies"]

    static func relevantContent(
        of pyproject: TOMLTable, scheme: ContentHashScheme
    ) throws(PoetryError) -> HashedValue {
        let tool = try table(pyproject["tool"], named: "tool")
        let poetry = try table(tool?["poetry"], named: "tool.poetry")

        guard scheme != .poetry1 else {
            guard let poetry else {
                throw PoetryError("Poetry 1 requires a [tool.poetry] section; found none")
            }
            return .object(
                poetryKeys.compactMap { key in
                    let value = poetry[key]
                    if value == nil && key == "group" { return nil }
                    return (key, value.map(HashedValue.toml) ?? .null)
                })
        }

        let project = try table(pyproject["project"], named: "project")
        let projectContent: [(String, HashedValue)] = projectKeys.compactMap { key in
            project?[key].map { (key, .toml($0)) }
        }
        let groups = scheme == .poetry23 ? pyproject["dependency-groups"] : nil
        let hasGroups = groups.map(isTruthy) ?? false
        let nested = !projectContent.isEmpty || hasGroups

        let poetryContent: [(String, HashedValue)] = poetryKeys.compactMap { key in
            if let value = poetry?[key] { return (key, .toml(value)) }
            let keepsNull = legacyPoetryKeys.contains(key) && !nested
            return keepsNull ? (key, .null) : nil
        }
        guard nested else { return .object(poetryContent) }

        var members: [(String, HashedValue)] = []
        if !projectContent.isEmpty { members.append(("project", .object(projectContent))) }
        if let groups, hasGroups { members.append(("dependency-groups", .toml(groups))) }
        members.append(("tool", .object([("poetry", .object(poetryContent))])))
        return .object(members)
    }

    /// `value` as a table; Poetry's `dict.get` chain fails on anything else.
    private static func table(
        _ value: TOMLValue?, named name: String
    ) throws(PoetryError) -> TOMLTable? {
        guard let value else { return nil }
        guard let table = value.table else {
            throw PoetryError("expected a table for '\(name)', found \(value.typeName)")
        }
        return table
    }

    /// Python's truth value of the object `tomllib` makes of `value`.
    private static func isTruthy(_ value: TOMLValue) -> Bool {
        switch value {
        case .string(let text): !text.isEmpty
        case .integer(let number): number != 0
        case .float(let number): number != 0
        case .bool(let flag): flag
        case .array(let elements): !elements.isEmpty
        case .table(let members): !members.isEmpty
        case .offsetDateTime, .localDateTime, .localDate, .localTime: true
        }
    }
}

/// The rules by which one line of Poetry releases computes the content-hash; see
/// ``ContentHash``.
public enum ContentHashScheme: String, Sendable, Hashable, CaseIterable {
    /// Poetry 1.x: `[tool.poetry]` only.
    case poetry1 = "1.x"
    /// Poetry 2.0 to 2.2: `[tool.poetry]` and `[project]`.
    case poetry2 = "2.0-2.2"
    /// Poetry 2.3 and later: also `[dependency-groups]`.
    case poetry23 = "2.3+"

    /// The scheme of the newest Poetry.
    public static let latest = ContentHashScheme.poetry23

    /// The scheme of the Poetry release `poetryVersion` (such as `1.8.5` or `2.3.0b1`),
    /// or `nil` when it does not start with a numeric major version.
    public init?(poetryVersion: String) {
        let parts = poetryVersion.split(separator: ".", maxSplits: 2)
        guard let major = parts.first.flatMap({ Int($0) }) else { return nil }
        let minor = parts.count > 1 ? Int(parts[1].prefix(while: \.isNumber)) ?? 0 : 0
        switch (major, minor) {
        case (..<2, _): self = .poetry1
        case (2, ..<3): self = .poetry2
        default: self = .poetry23
        }
    }
}

/// A JSON value as Poetry builds it before hashing: TOML values, objects of them, and
/// `null` for a legacy key that is absent.
enum HashedValue {
    case null
    case toml(TOMLValue)
    case object([(String, HashedValue)])

    /// Appends the value's `json.dumps(sort_keys=True)` text to `output`.
    func write(to output: inout String) throws(PoetryError) {
        switch self {
        case .null:
            output += "null"
        case .toml(let value):
            try PythonJSONWriter.write(value, to: &output)
        case .object(let members):
            try PythonJSONWriter.writeObject(members, to: &output) {
                (value, output) throws(PoetryError) in try value.write(to: &output)
            }
        }
    }
}
