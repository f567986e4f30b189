/// A parse error at a byte offset; turned into a ``TOMLError`` with line and column
/// only when parsing fails, so the fast path never counts columns for errors.
struct ParseFailure: Error {
    /// The byte offset of the problem in the source.
    var offset: Int
    /// The lowercase message.
    var message: String

    /// The error with its line, column and source line looked up in `bytes`.
    func located(in bytes: UnsafeBufferPointer<UInt8>) -> TOMLError {
        let offset = min(max(0, self.offset), bytes.count)

        // Find the line: count line feeds before the offset.
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == ASCII.newline {
            line += 1
            lineStart = index + 1
        }
        if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]), offset >= 3 { lineStart = 3 }

        // The column counts scalars, so skip UTF-8 continuation bytes.
        var column = 1
        for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }

        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != ASCII.newline { lineEnd += 1 }
        if lineEnd > lineStart, bytes[lineEnd - 1] == ASCII.carriageReturn, lineEnd > offset {
            lineEnd -= 1
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
        return TOMLError(message: message, line: line, column: column, sourceLine: text)
    }
}
