import Foundation
import Testing

/// One request of a committed vector file and the answer the reference gave.
public struct VectorCase {
    public var line: Int
    public var request: [String: Any]
    /// The reference answer, exactly as Python's `json.dumps` wrote it.
    public var expected: String

    /// Whether the reference rejected the input (`{"valid": false, …}`).
    public var expectsInvalid: Bool { expected.hasPrefix("{\"valid\": false") }

    public func string(_ key: String) -> String { request[key] as? String ?? "" }
    public func strings(_ key: String) -> [String] { request[key] as? [String] ?? [] }
    public func optionalBool(_ key: String) -> Bool? { request[key] as? Bool }
}

/// Loads `<name>.requests.jsonl` and `<name>.responses.jsonl` from a resource
/// folder of `bundle` (a test target's `Bundle.module`), line by line.
public func loadVectors(_ name: String, folder: String, bundle: Bundle) throws
    -> [VectorCase]
{
    func lines(_ suffix: String) throws -> [Substring] {
        let url = try #require(
            bundle.url(
                forResource: "\(name).\(suffix)", withExtension: "jsonl",
                subdirectory: "Resources/\(folder)"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    }
    let requests = try lines("requests")
    let responses = try lines("responses")
    guard requests.count == responses.count else {
        throw VectorFileError(description: "\(name): request and response counts differ")
    }
    return try zip(requests, responses).enumerated().map { index, pair in
        let object = try JSONSerialization.jsonObject(with: Data(pair.0.utf8))
        guard let request = object as? [String: Any] else {
            throw VectorFileError(description: "\(name):\(index + 1): not a JSON object")
        }
        return VectorCase(line: index + 1, request: request, expected: String(pair.1))
    }
}

public struct VectorFileError: Error, CustomStringConvertible {
    public var description: String
}

/// A JSON value rendered the way Python's `json.dumps(…, ensure_ascii=False)`
/// writes it, so answers compare with the committed responses as text.
public enum PythonJSON {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([PythonJSON])
    case object([(String, PythonJSON)])

    public static func optional(_ text: String?) -> PythonJSON {
        text.map(PythonJSON.string) ?? .null
    }

    public var rendered: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let digits): digits
        case .string(let text): Self.quote(text)
        case .array(let items): "[" + items.map(\.rendered).joined(separator: ", ") + "]"
        case .object(let members):
            "{"
                + members.map { Self.quote($0.0) + ": " + $0.1.rendered }
                .joined(separator: ", ") + "}"
        }
    }

    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
