extension TOMLParser {
    /// Parses any value; `depth` is the nesting of the table or array it goes into.
    mutating func parseValue(depth: Int) throws(ParseFailure) -> TOMLValue {
        guard position < end else { throw failure("expected a value, found end of file") }
        switch bytes[position] {
        case ASCII.quote:
            if atTripleQuote(ASCII.quote) {
                return .string(try parseMultilineString(quote: ASCII.quote))
            }
            return .string(try parseBasicString())
        case ASCII.apostrophe:
            if atTripleQuote(ASCII.apostrophe) {
                return .string(try parseMultilineString(quote: ASCII.apostrophe))
            }
            return .string(try parseLiteralString())
        case ASCII.lowerT:
            try expectWord("true")
            return .bool(true)
        case ASCII.lowerF:
            try expectWord("false")
            return .bool(false)
        case ASCII.openBracket:
            return .array(try parseArray(depth: depth + 1))
        case ASCII.openBrace:
            return .table(try parseInlineTable(depth: depth + 1))
        case ASCII.zero...ASCII.nine, ASCII.plus, ASCII.minus, ASCII.lowerI, ASCII.lowerN:
            return try parseNumberOrDateTime()
        default:
            throw failure("expected a value, found \(found())")
        }
    }

    /// Consumes `word`, which must be followed by something other than a key character.
    private mutating func expectWord(_ word: StaticString) throws(ParseFailure) {
        let start = position
        var index = start
        var matches = true
        word.withUTF8Buffer { expected in
            for byte in expected {
                if index >= end || bytes[index] != byte {
                    matches = false
                    return
                }
                index += 1
            }
        }
        if matches, index >= end || !ASCII.isBareKey(bytes[index]) {
            position = index
            return
        }
        while index < end, ASCII.isBareKey(bytes[index]) { index += 1 }
        let text = excerpt(start..<max(index, start + 1))
        throw failure("expected a value, found '\(text)'")
    }

    /// Fails when containers nest deeper than ``maximumDepth``.
    private func checkDepth(_ depth: Int) throws(ParseFailure) {
        guard depth <= Self.maximumDepth else {
            throw failure("nesting deeper than \(Self.maximumDepth) levels is not supported")
        }
    }

    // MARK: - Arrays

    /// Parses `[ … ]`, which may span lines and hold comments.
    mutating func parseArray(depth: Int) throws(ParseFailure) -> TOMLArray {
        try checkDepth(depth)
        let start = mark()
        position += 1
        var array = TOMLArray(isArrayOfTables: false, span: nil)
        while true {
            try skipWhitespaceCommentsAndNewlines()
            guard position < end else {
                throw failure("expected ']' to close array, found end of file")
            }
            if bytes[position] == ASCII.closeBracket {
                position += 1
                break
            }
            let elementStart = mark()
            let element = try parseValue(depth: depth)
            array.append(element, span: span(from: elementStart))
            try skipWhitespaceCommentsAndNewlines()
            guard position < end else {
                throw failure("expected ']' to close array, found end of file")
            }
            if bytes[position] == ASCII.comma {
                position += 1
            } else if bytes[position] == ASCII.closeBracket {
                position += 1
                break
            } else {
                throw failure("expected ',' or ']' after array element, found \(found())")
            }
        }
        array.span = span(from: start)
        return array
    }

    // MARK: - Inline tables

    /// Parses `{ key = value, … }`, which TOML 1.0 keeps on one line.
    mutating func parseInlineTable(depth: Int) throws(ParseFailure) -> TOMLTable {
        try checkDepth(depth)
        let start = mark()
        position += 1
        lastSectionNumber += 1
        let number = lastSectionNumber
        var table = TOMLTable(kind: .inline, span: nil)
        skipWhitespace()
        if position < end, bytes[position] == ASCII.closeBrace {
            position += 1
            table.span = span(from: start)
            return table
        }
        while true {
            skipWhitespace()
            let key = try parseKey(depth: depth)
            let (value, valueSpan) = try parseAssignment(to: key, depth: depth + key.count - 1)
            let layout = TOMLTable.StatementLayout(
                keyStart: UInt32(truncatingIfNeeded: key.range.lowerBound),
                keyEnd: UInt32(truncatingIfNeeded: key.range.upperBound),
                valueEnd: UInt32(truncatingIfNeeded: position))
            try Self.insert(
                value, span: valueSpan, key: key, part: 0, into: &table, section: number,
                layout: layout, path: [])
            skipWhitespace()
            guard position < end else {
                throw failure("expected '}' to close inline table, found end of file")
            }
            if bytes[position] == ASCII.comma {
                position += 1
            } else if bytes[position] == ASCII.closeBrace {
                position += 1
                break
            } else {
                throw failure("expected ',' or '}' after inline table value, found \(found())")
            }
        }
        table.span = span(from: start)
        return table
    }
}
