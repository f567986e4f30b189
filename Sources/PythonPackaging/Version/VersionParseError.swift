/// A string that is not a PEP 440 version, such as the pre-PEP 440 `2004d`.
public struct VersionParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text that failed to parse.
    public var input: String
    /// The UTF-8 offset in `input` where parsing stopped.
    public var offset: Int
    /// What was expected at `offset`.
    public var expected: String

    /// An error at `offset` in `input`.
    public init(input: String, offset: Int, expected: String) {
        self.input = input
        self.offset = offset
        self.expected = expected
    }

    /// One line: `invalid version '2004d': expected …, found 'd'`.
    public var description: String {
        "invalid version '\(Self.excerpt(input))': expected \(expected), found \(found)"
    }

    /// The text at `offset`, quoted, or "the end".
    var found: String {
        let rest = input.utf8.dropFirst(offset)
        guard !rest.isEmpty else { return "the end" }
        return "'\(Self.excerpt(String(decoding: rest, as: UTF8.self)))'"
    }

    /// The input over two lines, with a caret under the place parsing stopped.
    public var caretDiagram: String {
        let prefix = String(decoding: input.utf8.prefix(offset), as: UTF8.self)
        return input + "\n" + String(repeating: " ", count: prefix.count) + "^"
    }

    /// `text`, shortened to its first 40 characters.
    static func excerpt(_ text: String) -> String {
        text.count <= 40 ? text : text.prefix(40) + "…"
    }
}
