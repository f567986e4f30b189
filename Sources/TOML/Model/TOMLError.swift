/// Why a TOML document could not be parsed or edited.
///
/// The message is one lowercase phrase; ``line`` and ``column`` (1-based, the column
/// counted in Unicode scalars) say where the problem is and ``sourceLine`` holds that
/// line of the input, so ``annotatedDescription`` can echo it with a caret.
public struct TOMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, e.g. `expected '=' after key 'name', found '!'`.
    public var message: String
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column of the problem, in Unicode scalars.
    public var column: Int
    /// The text of the offending line without its line break; on a very long line,
    /// only the part around the column.
    public var sourceLine: String
    /// The 1-based column of the problem within ``sourceLine``.
    var sourceColumn: Int

    /// An error with an explicit position.
    public init(message: String, line: Int, column: Int, sourceLine: String = "") {
        self.message = message
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
        self.sourceColumn = column
    }

    /// `line L, column C: message`.
    public var description: String { "line \(line), column \(column): \(message)" }

    /// The description followed by the source line and a caret under the column.
    public var annotatedDescription: String {
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        // One echoed character per scalar, so the caret lines up under the column.
        var echoed = ""
        for scalar in sourceLine.unicodeScalars {
            let isControl = scalar.value < 0x20 || scalar.value == 0x7F
            echoed.append(isControl ? " " : Character(scalar))
        }
        let caretIndent = String(repeating: " ", count: max(0, sourceColumn - 1))
        return """
            \(description)
            \(number) | \(echoed)
            \(gutter) | \(caretIndent)^
            """
    }
}
