/// A single-pass TOML 1.0.0 parser over UTF-8 bytes.
///
/// The parser fills one table section at a time: the section being written is held
/// outside the tree (``section``) so its keys are added without copying, and is put
/// back when the next header opens another. Nesting is capped at ``maximumDepth`` so
/// hostile input can never exhaust the stack.
struct TOMLParser {
    /// The deepest nesting of tables and arrays a document may have.
    static let maximumDepth = 128

    /// A point in the source with its line and column, taken before parsing a piece
    /// so the piece's span can be built afterwards.
    struct Mark {
        var offset: Int
        var line: Int
        var column: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let isASCII: Bool
    var position = 0
    var line = 1
    var lineStart = 0
    private var columnCache = (offset: 0, column: 1)

    /// The document, minus the section being filled.
    var root = TOMLTable(kind: .root, span: nil)
    /// The table the current section's key/value lines go into.
    var section = TOMLTable(kind: .root, span: nil)
    /// The header keys of the current section; empty for the root section.
    var sectionPath: [String] = []
    /// A number identifying the current section, for the dotted-key rules.
    var sectionNumber: UInt32 = 0
    /// The last number handed out to a section or inline table.
    var lastSectionNumber: UInt32 = 0

    init(bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        self.bytes = bytes
        self.end = bytes.count
        self.isASCII = isASCII
    }

    /// Parses a whole document.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<TOMLTable, TOMLError> {
        guard bytes.count < Int(UInt32.max) else {
            let failure = ParseFailure(
                offset: 0, message: "documents of 4 GiB or more are not supported")
            return .failure(failure.located(in: UnsafeBufferPointer(rebasing: bytes[0..<0])))
        }
        do {
            let isASCII = try validateUTF8(bytes)
            var parser = TOMLParser(bytes: bytes, isASCII: isASCII)
            try parser.parseDocument()
            return .success(parser.finish())
        } catch {
            return .failure(error.located(in: bytes))
        }
    }

    // MARK: - Document

    /// Parses every line: blank lines, comments, headers and key/value pairs.
    mutating func parseDocument() throws(ParseFailure) {
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
            lineStart = 3
        }
        while true {
            skipWhitespace()
            guard position < end else { break }
            switch bytes[position] {
            case ASCII.newline, ASCII.carriageReturn:
                try consumeNewline(after: "")
            case ASCII.hash:
                try skipComment()
            case ASCII.openBracket:
                try parseHeader()
                try expectLineEnd(after: "table header")
            default:
                try parseKeyValueLine()
                try expectLineEnd(after: "value")
            }
        }
    }

    /// The finished document, with the last section put back.
    mutating func finish() -> TOMLTable {
        closeSection()
        var document = TOMLTable(kind: .root, span: nil)
        swap(&document, &root)
        return document
    }

    // MARK: - Whitespace, newlines and comments

    /// Skips spaces and tabs.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            let byte = bytes[position]
            guard byte == ASCII.space || byte == ASCII.tab else { return }
            position += 1
        }
    }

    /// Skips whitespace, newlines and comments, as allowed between array elements.
    mutating func skipWhitespaceCommentsAndNewlines() throws(ParseFailure) {
        while position < end {
            switch bytes[position] {
            case ASCII.space, ASCII.tab:
                position += 1
            case ASCII.newline, ASCII.carriageReturn:
                try consumeNewline(after: "")
            case ASCII.hash:
                try skipComment()
            default:
                return
            }
        }
    }

    /// Consumes `\n` or `\r\n`; anything else is an error naming what it follows.
    @inline(__always)
    mutating func consumeNewline(after context: String) throws(ParseFailure) {
        if position < end, bytes[position] == ASCII.newline {
            position += 1
        } else if position + 1 < end, bytes[position] == ASCII.carriageReturn,
            bytes[position + 1] == ASCII.newline
        {
            position += 2
        } else if position < end, bytes[position] == ASCII.carriageReturn {
            throw failure("a carriage return must be followed by a line feed")
        } else {
            let what = context.isEmpty ? "" : " after \(context)"
            throw failure("expected end of line\(what), found \(found())")
        }
        line += 1
        lineStart = position
    }

    /// Skips a comment up to, not including, its line break.
    mutating func skipComment() throws(ParseFailure) {
        position += 1
        while position < end {
            let byte = bytes[position]
            if byte >= ASCII.space && byte != ASCII.delete || byte == ASCII.tab {
                position += 1
                continue
            }
            if byte == ASCII.newline { return }
            if byte == ASCII.carriageReturn, position + 1 < end,
                bytes[position + 1] == ASCII.newline
            {
                return
            }
            throw failure("\(found()) is not allowed in a comment")
        }
    }

    /// After a header or key/value pair: optional whitespace and comment, then a line
    /// break or the end of the file.
    mutating func expectLineEnd(after context: String) throws(ParseFailure) {
        skipWhitespace()
        guard position < end else { return }
        if bytes[position] == ASCII.hash {
            try skipComment()
            guard position < end else { return }
        }
        try consumeNewline(after: context)
    }

    // MARK: - Positions and errors

    /// The current position with its line and column.
    @inline(__always)
    mutating func mark() -> Mark {
        Mark(offset: position, line: line, column: column(at: position))
    }

    /// The span from `mark` to the current position.
    @inline(__always)
    func span(from mark: Mark) -> TOMLSpan {
        TOMLSpan(bytes: mark.offset..<position, line: mark.line, column: mark.column)
    }

    /// The 1-based column of `offset`, which must lie on the current line at or after
    /// the last offset asked for; counting resumes from there, so a long line costs
    /// one pass in total.
    @inline(__always)
    mutating func column(at offset: Int) -> Int {
        if isASCII { return offset - lineStart + 1 }
        var from = lineStart
        var column = 1
        if columnCache.offset >= lineStart, columnCache.offset <= offset {
            from = columnCache.offset
            column = columnCache.column
        }
        for index in from..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        columnCache = (offset, column)
        return column
    }

    /// A failure at the current position.
    func failure(_ message: String) -> ParseFailure {
        ParseFailure(offset: position, message: message)
    }

    /// What is at `offset`, for "found …" in messages.
    func found(at offset: Int? = nil) -> String {
        let offset = offset ?? position
        guard offset < end else { return "end of file" }
        let byte = bytes[offset]
        switch byte {
        case ASCII.newline:
            return "end of line"
        case ASCII.carriageReturn:
            let isLineBreak = offset + 1 < end && bytes[offset + 1] == ASCII.newline
            return isLineBreak ? "end of line" : "a carriage return"
        case _ where byte < ASCII.space || byte == ASCII.delete:
            let digits = String(byte, radix: 16, uppercase: true)
            return "control character U+\(String(repeating: "0", count: 4 - digits.count))\(digits)"
        default:
            var length = 1
            if byte >= 0xF0 {
                length = 4
            } else if byte >= 0xE0 {
                length = 3
            } else if byte >= 0xC0 {
                length = 2
            }
            let slice = bytes[offset..<min(end, offset + length)]
            return "'\(String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self))'"
        }
    }
}
