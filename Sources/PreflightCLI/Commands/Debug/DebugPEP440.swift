import Preflight
import PythonPackaging

extension DebugTool {
    /// `preflight debug pep440`: versions, comparisons and specifiers as
    /// `packaging` answers them.
    static let pep440 = DebugTool(
        name: "pep440",
        summary: "PEP 440 versions and specifiers, one JSON request per line.",
        discussion: """
            Requests: {"op":"parse","version":S}, {"op":"compare","a":S,"b":S},
            {"op":"contains","specifier":S,"version":S,"prereleases":B|null} and
            {"op":"filter","specifier":S,"versions":[S],"prereleases":B|null}.
            A request whose version or specifier is invalid answers
            {"valid":false,"error":S}.
            """,
        inputProtocol: .jsonLines(answerPEP440)
    )
}

/// Answers one `pep440` request.
func answerPEP440(_ request: JSONValue) throws(DebugInputError) -> JSONValue {
    let op = try request.requiredString("op")
    do {
        switch op {
        case "parse":
            return describe(try Version(request.requiredString("version")))
        case "compare":
            let a = try Version(request.requiredString("a"))
            let b = try Version(request.requiredString("b"))
            return .object([("result", .int(a < b ? -1 : a == b ? 0 : 1))])
        case "contains":
            let specifiers = try SpecifierSet(request.requiredString("specifier"))
            let version = try request.requiredString("version")
            let result = specifiers.contains(
                version, prereleases: try request.optionalBool("prereleases"))
            return .object([("valid", .bool(true)), ("result", .bool(result))])
        case "filter":
            let specifiers = try SpecifierSet(request.requiredString("specifier"))
            let versions = try request.requiredStrings("versions")
            let kept = specifiers.filter(
                versions, prereleases: try request.optionalBool("prereleases"))
            return .object([("result", .array(kept.map(JSONValue.string)))])
        default:
            throw DebugInputError(
                description: "expected 'op' to be 'parse', 'compare', 'contains' or 'filter', "
                    + "found '\(op)'")
        }
    } catch let error as VersionParseError {
        return invalid(error.description)
    } catch let error as SpecifierParseError {
        return invalid(error.description)
    } catch let error as DebugInputError {
        throw error
    } catch {
        return invalid("\(error)")
    }
}

/// Every property of `version` under the protocol's field names.
private func describe(_ version: Version) -> JSONValue {
    func number(_ value: VersionNumber?) -> JSONValue {
        value.map { .number($0.description) } ?? .null
    }
    let pre: JSONValue =
        version.pre.map { .array([.string($0.kind.rawValue), number($0.number)]) } ?? .null
    return .object([
        ("valid", .bool(true)),
        ("normalized", .string(version.description)),
        ("public", .string(version.publicVersion.description)),
        ("base_version", .string(version.baseVersion.description)),
        ("epoch", number(version.epoch)),
        ("release", .array(version.release.map { number($0) })),
        ("pre", pre),
        ("post", number(version.post)),
        ("dev", number(version.dev)),
        ("local", .optional(version.local)),
        ("is_prerelease", .bool(version.isPrerelease)),
        ("is_postrelease", .bool(version.isPostrelease)),
        ("is_devrelease", .bool(version.isDevrelease)),
    ])
}

private func invalid(_ message: String) -> JSONValue {
    .object([("valid", .bool(false)), ("error", .string(message))])
}
