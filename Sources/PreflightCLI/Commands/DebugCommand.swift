import Foundation
import Preflight

/// A `preflight debug` tool: a seam for checking one building block against a
/// reference implementation.
struct DebugTool: Sendable {
    /// How the tool consumes standard input.
    enum InputProtocol: Sendable {
        /// One JSON object per input line in, one JSON line out, in order.
        case jsonLines(@Sendable (JSONValue) throws(DebugInputError) -> JSONValue)
        /// The whole of standard input at once, as the toml-test decoder protocol wants.
        case document(@Sendable (Data, Console) -> ExitStatus)
    }

    var name: String
    var summary: String
    var discussion: String
    var inputProtocol: InputProtocol
}

/// A request line that does not have the fields a debug tool needs.
struct DebugInputError: Error, CustomStringConvertible {
    var description: String
}

extension JSONValue {
    /// The string field `key` of a debug request, or an error naming it.
    func requiredString(_ key: String) throws(DebugInputError) -> String {
        guard let text = self[key]?.stringValue else {
            throw DebugInputError(description: "expected a string field '\(key)'")
        }
        return text
    }

    /// The optional Boolean field `key`: `nil` when absent or `null`.
    func optionalBool(_ key: String) throws(DebugInputError) -> Bool? {
        guard let field = self[key], !field.isNull else { return nil }
        guard let flag = field.boolValue else {
            throw DebugInputError(description: "expected 'true', 'false' or 'null' for '\(key)'")
        }
        return flag
    }

    /// The array-of-strings field `key`, or an error naming it.
    func requiredStrings(_ key: String) throws(DebugInputError) -> [String] {
        guard let elements = self[key]?.arrayValue else {
            throw DebugInputError(description: "expected an array field '\(key)'")
        }
        var strings: [String] = []
        for element in elements {
            guard let text = element.stringValue else {
                throw DebugInputError(description: "expected only strings in '\(key)'")
            }
            strings.append(text)
        }
        return strings
    }
}

/// Runs a JSON Lines tool over `input`, one answer line per request line.
func runJSONLines(
    _ input: Data, console: Console,
    handler: (JSONValue) throws(DebugInputError) -> JSONValue
) -> ExitStatus {
    var lines = String(decoding: input, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    for line in lines {
        let text = line.hasSuffix("\r") ? line.dropLast() : line
        let answer: JSONValue
        do {
            let request = try JSONValue(parsing: String(text))
            guard request.objectValue != nil else {
                throw DebugInputError(description: "expected a JSON object")
            }
            answer = try handler(request)
        } catch let error as JSONParseError {
            let message = "invalid JSON request: \(error)"
            answer = .object([("valid", .bool(false)), ("error", .string(message))])
        } catch {
            answer = .object([("valid", .bool(false)), ("error", .string("\(error)"))])
        }
        console.writeLine(answer.rendered())
    }
    console.flush()
    return .success
}

/// The `debug` command group, one subcommand per tool in ``DebugTool/all``.
let debugCommand = CommandSpec(
    name: "debug",
    summary: "Conformance seams: check one building block against a reference.",
    discussion: """
        Each tool reads JSON Lines on stdin and writes exactly one JSON line per input line,
        in order (toml-decode follows the toml-test decoder protocol instead).
        """,
    subcommands: DebugTool.all.map { tool in
        CommandSpec(name: tool.name, summary: tool.summary, discussion: tool.discussion) {
            _, console in
            switch tool.inputProtocol {
            case .jsonLines(let handler):
                return runJSONLines(console.readAllInput(), console: console, handler: handler)
            case .document(let handler):
                return handler(console.readAllInput(), console)
            }
        }
    }
)
