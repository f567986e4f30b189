extension TOMLParser {
    /// A string from already validated UTF-8 bytes of the source.
    @inline(__always)
    func makeString(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The source text of `range` for a message, cut after 60 bytes (at a scalar
    /// boundary) so hostile input cannot produce a huge message.
    func excerpt(_ range: Range<Int>) -> String {
        guard range.count > 60 else { return makeString(range) }
        var cut = range.lowerBound + 60
        while cut > range.lowerBound, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return makeString(range.lowerBound..<cut) + "…"
    }

    /// Whether the three bytes at the current position are `quote`.
    @inline(__always)
    func atTripleQuote(_ quote: UInt8) -> Bool {
        position + 2 < end && bytes[position] == quote && bytes[position + 1] == quote
            && bytes[position + 2] == quote
    }

    // MARK: - Single-line strings

    /// Parses `"…"` ([TOML: Basic strings](https://toml.io/en/v1.0.0#string)).
    mutating func parseBasicString() throws(ParseFailure) -> String {
        position += 1
        let start = position

        // Fast path: no escapes, the string is a slice of the source.
        while position < end {
            let byte = bytes[position]
            if byte == ASCII.quote {
                let text = makeString(start..<position)
                position += 1
                return text
            }
            if byte == ASCII.backslash { break }
            if ASCII.isForbiddenControl(byte) { throw unterminatedOrControl(in: "string") }
            position += 1
        }
        guard position < end else {
            throw failure("expected '\"' to close string, found end of file")
        }

        // Slow path: copy the bytes, resolving escapes.
        var buffer = Array(bytes[start..<position])
        while position < end {
            let byte = bytes[position]
            if byte == ASCII.quote {
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte == ASCII.backslash {
                try parseEscape(into: &buffer)
                continue
            }
            if ASCII.isForbiddenControl(byte) { throw unterminatedOrControl(in: "string") }
            buffer.append(byte)
            position += 1
        }
        throw failure("expected '\"' to close string, found end of file")
    }

    /// Parses `'…'`, which has no escapes.
    mutating func parseLiteralString() throws(ParseFailure) -> String {
        position += 1
        let start = position
        while position < end {
            let byte = bytes[position]
            if byte == ASCII.apostrophe {
                let text = makeString(start..<position)
                position += 1
                return text
            }
            if ASCII.isForbiddenControl(byte) { throw unterminatedOrControl(in: "literal string") }
            position += 1
        }
        throw failure("expected \"'\" to close literal string, found end of file")
    }

    /// The error for a control character in a single-line string: a line break means
    /// the string was never closed.
    private func unterminatedOrControl(in kind: String) -> ParseFailure {
        let byte = bytes[position]
        if byte == ASCII.newline || byte == ASCII.carriageReturn {
            let quote = kind == "string" ? "'\"'" : "\"'\""
            return failure("expected \(quote) to close \(kind), found \(found())")
        }
        return failure("\(found()) is not allowed in a \(kind); write it as an escape")
    }

    /// Resolves the escape at the current backslash into `buffer`.
    private mutating func parseEscape(into buffer: inout [UInt8]) throws(ParseFailure) {
        guard position + 1 < end else {
            throw failure("expected an escape after '\\', found end of file")
        }
        let letter = bytes[position + 1]
        let simple: UInt8?
        switch letter {
        case ASCII.lowerB: simple = 0x08
        case ASCII.lowerT: simple = ASCII.tab
        case ASCII.lowerN: simple = ASCII.newline
        case ASCII.lowerF: simple = 0x0C
        case ASCII.lowerR: simple = ASCII.carriageReturn
        case ASCII.quote: simple = ASCII.quote
        case ASCII.backslash: simple = ASCII.backslash
        case ASCII.lowerU, ASCII.upperU: simple = nil
        case _ where letter > ASCII.space && letter != ASCII.delete:
            position += 1
            throw failure("invalid escape sequence '\\\(found().dropFirst().dropLast())'")
        default:
            position += 1
            throw failure("expected an escape after '\\', found \(found())")
        }
        if let simple {
            buffer.append(simple)
            position += 2
            return
        }

        // \uXXXX and \UXXXXXXXX name a Unicode scalar value.
        let digitCount = letter == ASCII.lowerU ? 4 : 8
        let escapeStart = position
        position += 2
        var value: UInt32 = 0
        for _ in 0..<digitCount {
            guard position < end, let digit = hexDigitValue(bytes[position]) else {
                throw failure(
                    "expected \(digitCount) hexadecimal digits in escape, found \(found())")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            let text = excerpt(escapeStart..<position)
            throw ParseFailure(
                offset: escapeStart, message: "escape '\(text)' is not a Unicode scalar value")
        }
        UTF8.encode(scalar) { buffer.append($0) }
    }

    // MARK: - Multi-line strings

    /// Parses `"""…"""` or `'''…'''`; `quote` says which.
    mutating func parseMultilineString(quote: UInt8) throws(ParseFailure) -> String {
        let isBasic = quote == ASCII.quote
        position += 3

        // A line break right after the opening delimiter is not part of the string.
        if position < end, bytes[position] == ASCII.newline {
            try consumeNewline(after: "")
        } else if position + 1 < end, bytes[position] == ASCII.carriageReturn {
            try consumeNewline(after: "")
        }

        var buffer: [UInt8] = []
        var chunkStart = position
        while position < end {
            let byte = bytes[position]
            if byte >= ASCII.space && byte != quote && byte != ASCII.backslash
                && byte != ASCII.delete
                || byte == ASCII.tab
            {
                position += 1
                continue
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<position]))
            switch byte {
            case quote:
                // Three quotes close the string; up to two more belong to it.
                var count = 0
                while position + count < end, bytes[position + count] == quote, count < 6 {
                    count += 1
                }
                if count >= 3 {
                    guard count <= 5 else {
                        throw ParseFailure(
                            offset: position + 5,
                            message: "too many quotes at the end of a multi-line string")
                    }
                    buffer.append(contentsOf: repeatElement(quote, count: count - 3))
                    position += count
                    return String(decoding: buffer, as: UTF8.self)
                }
                buffer.append(contentsOf: repeatElement(quote, count: count))
                position += count
            case ASCII.backslash where isBasic:
                if try !skipLineEndingBackslash() { try parseEscape(into: &buffer) }
            case ASCII.backslash:
                buffer.append(byte)
                position += 1
            case ASCII.newline, ASCII.carriageReturn:
                try consumeNewline(after: "")
                buffer.append(ASCII.newline)
            default:
                throw failure(
                    "\(found()) is not allowed in a multi-line string; write it as an escape")
            }
            chunkStart = position
        }
        let delimiter = isBasic ? "'\"\"\"'" : "\"'''\""
        throw failure("expected \(delimiter) to close multi-line string, found end of file")
    }

    /// Skips a backslash that ends a line together with all whitespace and line breaks
    /// after it; returns `false`, consuming nothing, when the backslash starts an escape.
    private mutating func skipLineEndingBackslash() throws(ParseFailure) -> Bool {
        var index = position + 1
        while index < end, bytes[index] == ASCII.space || bytes[index] == ASCII.tab { index += 1 }
        guard index < end, bytes[index] == ASCII.newline || bytes[index] == ASCII.carriageReturn
        else {
            return false
        }
        position = index
        while position < end {
            switch bytes[position] {
            case ASCII.space, ASCII.tab: position += 1
            case ASCII.newline, ASCII.carriageReturn: try consumeNewline(after: "")
            default: return true
            }
        }
        return true
    }
}

/// The value of a hexadecimal digit, or `nil`.
@inline(__always)
func hexDigitValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
}
