/// A parsed TOML document that keeps its source text, so it can be edited without
/// disturbing any byte it does not change: comments, blank lines, key order, quoting
/// and spacing all survive.
///
/// Each edit rewrites only the bytes of the value, key line or inline entry it
/// concerns, then parses the result again, so ``root`` and every span always describe
/// ``text``. An edit that would make the document invalid throws and leaves it as it
/// was.
///
/// ```swift
/// var document = try TOMLDocument(parsing: text)
/// try document.setValue("^3.0", at: ["tool", "poetry", "dependencies", "greenlet"])
/// try document.removeValue(at: ["tool", "poetry", "dependencies", "six"])
/// print(document.text)
/// ```
public struct TOMLDocument: Sendable {
    /// The source as UTF-8 bytes, edits included.
    public private(set) var bytes: [UInt8]
    /// The parsed document, positions referring to ``bytes``.
    public private(set) var root: TOMLTable

    /// Parses `text`.
    public init(parsing text: String) throws(TOMLError) {
        try self.init(parsing: Array(text.utf8))
    }

    /// Parses UTF-8 `bytes`.
    public init(parsing bytes: [UInt8]) throws(TOMLError) {
        self.bytes = bytes
        self.root = try TOMLTable(parsing: bytes)
    }

    /// The source text, edits included.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The value at `path` of keys.
    public func value(at path: [String]) -> TOMLValue? { root.value(at: path) }

    /// Replaces `range` of the source with `replacement` and parses the result,
    /// keeping the document unchanged when the result is not valid TOML.
    mutating func replace(_ range: Range<Int>, with replacement: String) throws(TOMLError) {
        var edited = bytes
        edited.replaceSubrange(range, with: Array(replacement.utf8))
        let parsed: TOMLTable
        do throws(TOMLError) {
            parsed = try TOMLTable(parsing: edited)
        } catch {
            var failure = error
            failure.message = "the edit would make the document invalid: \(error.message)"
            throw failure
        }
        bytes = edited
        root = parsed
    }

    /// An error about `path` located at `span`, or at the top of the document.
    func editError(_ message: String, at span: TOMLSpan? = nil) -> TOMLError {
        guard let span, span.line > 0 else {
            return TOMLError(message: message, line: 1, column: 1)
        }
        var lineStart = span.bytes.lowerBound
        while lineStart > 0, bytes[lineStart - 1] != ASCII.newline { lineStart -= 1 }
        var lineEnd = span.bytes.lowerBound
        while lineEnd < bytes.count, bytes[lineEnd] != ASCII.newline { lineEnd += 1 }
        if lineEnd > lineStart, bytes[lineEnd - 1] == ASCII.carriageReturn { lineEnd -= 1 }
        let sourceLine = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        return TOMLError(
            message: message, line: span.line, column: span.column, sourceLine: sourceLine)
    }
}
