import Poetry
import Preflight

extension DebugTool {
    /// `preflight debug poetry-constraint`: Poetry constraints as poetry-core
    /// reads them.
    static let poetryConstraint = DebugTool(
        name: "poetry-constraint",
        summary: "Poetry version constraints, one JSON request per line.",
        discussion: """
            Request: {"constraint":S,"versions":[S]}. Answer: {"valid":true,"pep440":S,
            "allows":{version:B}}, where pep440 is the text Poetry writes for a dependency
            with this constraint and allows uses Poetry's own membership rules (a version
            that does not parse is not allowed). An invalid constraint answers
            {"valid":false,"error":S}.
            """,
        inputProtocol: .jsonLines(answerPoetryConstraint)
    )
}

/// Answers one `poetry-constraint` request.
func answerPoetryConstraint(_ request: JSONValue) throws(DebugInputError) -> JSONValue {
    let text = try request.requiredString("constraint")
    let versions = try request.requiredStrings("versions")
    let constraint: PoetryConstraint
    let pep440: String
    do {
        constraint = try PoetryConstraint(text)
        pep440 = try constraint.pep440Text(writtenAs: text)
    } catch {
        return .object([("valid", .bool(false)), ("error", .string(error.description))])
    }
    var allows: [(key: String, value: JSONValue)] = []
    // Keyed by scalars: Python keeps canonically equivalent spellings apart.
    var positions: [[UInt32]: Int] = [:]
    for version in versions {
        let allowed = constraint.allows(version)
        let key = version.unicodeScalars.map(\.value)
        if let position = positions[key] {
            allows[position].value = .bool(allowed)
        } else {
            positions[key] = allows.count
            allows.append((version, .bool(allowed)))
        }
    }
    return .object([
        ("valid", .bool(true)), ("pep440", .string(pep440)), ("allows", .object(allows)),
    ])
}
