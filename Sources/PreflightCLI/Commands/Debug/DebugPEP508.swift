import Preflight
import PythonPackaging

extension DebugTool {
    /// `preflight debug pep508`: requirements and markers as `packaging` reads them.
    static let pep508 = DebugTool(
        name: "pep508",
        summary: "Parse PEP 508 requirements and evaluate markers.",
        discussion: """
            {"op":"requirement","input":S} answers {"valid","name","extras","specifier",
            "url","marker"}; {"op":"marker","marker":S,"env":{...}} answers {"valid","result"},
            with env holding PEP 508 variables (arrays for set-valued ones). A variable the
            marker reads but env lacks makes the answer invalid; "extra" defaults to none.
            """,
        inputProtocol: .jsonLines(answerPEP508)
    )
}

private func answerPEP508(_ request: JSONValue) throws(DebugInputError) -> JSONValue {
    switch try request.requiredString("op") {
    case "requirement":
        return answerRequirement(try request.requiredString("input"))
    case "marker":
        let text = try request.requiredString("marker")
        return answerMarker(text, environment: try markerEnvironment(request["env"]))
    case let op:
        throw DebugInputError(
            description: "expected 'requirement' or 'marker' for 'op', found '\(op)'")
    }
}

private func invalid(_ message: String) -> JSONValue {
    .object([("valid", .bool(false)), ("error", .string(message))])
}

private func answerRequirement(_ text: String) -> JSONValue {
    let requirement: Requirement
    do {
        requirement = try Requirement(parsing: text)
    } catch {
        return invalid(error.description)
    }
    if let marker = requirement.marker, let problem = marker.renderingProblem {
        return invalid(problem)
    }
    return .object([
        ("valid", .bool(true)),
        ("name", .string(requirement.name.display)),
        ("extras", .array(requirement.extras.map(JSONValue.string))),
        ("specifier", .string(requirement.specifier.description)),
        ("url", .optional(requirement.url)),
        ("marker", .optional(requirement.marker?.description)),
    ])
}

private func answerMarker(_ text: String, environment: MarkerEnvironment) -> JSONValue {
    do {
        let marker = try Marker(parsing: text)
        let result = try marker.evaluate(in: environment)
        return .object([("valid", .bool(true)), ("result", .bool(result))])
    } catch {
        return invalid("\(error)")
    }
}

/// The `env` object: strings, or arrays of strings for set-valued variables.
private func markerEnvironment(_ field: JSONValue?) throws(DebugInputError) -> MarkerEnvironment {
    guard let field, !field.isNull else { return MarkerEnvironment(preparing: [String: String]()) }
    guard let members = field.objectValue else {
        throw DebugInputError(description: "expected an object field 'env'")
    }
    var values: [String: MarkerEnvironment.Value] = [:]
    for (key, value) in members {
        if let text = value.stringValue {
            values[key] = .string(text)
        } else if let elements = value.arrayValue {
            var names: Set<String> = []
            for element in elements {
                guard let name = element.stringValue else {
                    throw DebugInputError(description: "expected only strings in 'env.\(key)'")
                }
                names.insert(name)
            }
            values[key] = .set(names)
        } else {
            throw DebugInputError(description: "expected a string or an array for 'env.\(key)'")
        }
    }
    return MarkerEnvironment(preparing: values)
}
