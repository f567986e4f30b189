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

        // Echo the line, or on a very long line about 120 scalars around the offset.
        var excerptStart = lineStart
        var excerptColumn = column
        if column > 80 {
            excerptStart = offset
            for _ in 0..<60 {
                excerptStart -= 1
                while excerptStart > lineStart, bytes[excerptStart] & 0xC0 == 0x80 {
                    excerptStart -= 1
                }
            }
            excerptColumn = 61
        }
        var lineEnd = offset
        var scalars = 0
        while lineEnd < bytes.count, bytes[lineEnd] != ASCII.newline, scalars < 60 {
            lineEnd += 1
            if lineEnd < bytes.count, bytes[lineEnd] & 0xC0 != 0x80 { scalars += 1 }
        }
        if lineEnd > lineStart, bytes[lineEnd - 1] == ASCII.carriageReturn, lineEnd > offset {
            lineEnd -= 1
        }
        let text = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[excerptStart..<lineEnd]), as: UTF8.self)
        var error = TOMLError(message: message, line: line, column: column, sourceLine: text)
        error.sourceColumn = excerptColumn
        return error
    }
}
