extension TOMLTable {
    /// The table in the tagged JSON of the toml-test suite: each value an object
    /// `{"type": …, "value": …}` with its value as a string, tables as JSON objects and
    /// arrays as JSON arrays.
    package func taggedJSON() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        TOMLValue.table(self).appendTaggedJSON(to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}

extension TOMLValue {
    fileprivate func appendTaggedJSON(to output: inout [UInt8]) {
        switch self {
        case .string(let text): appendTagged("string", text, to: &output)
        case .integer(let number): appendTagged("integer", String(number), to: &output)
        case .float(let number): appendTagged("float", renderFloat(number), to: &output)
        case .bool(let flag): appendTagged("bool", flag ? "true" : "false", to: &output)
        case .offsetDateTime(let value): appendTagged("datetime", value.description, to: &output)
        case .localDateTime(let value):
            appendTagged("datetime-local", value.description, to: &output)
        case .localDate(let value): appendTagged("date-local", value.description, to: &output)
        case .localTime(let value): appendTagged("time-local", value.description, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(ASCII.comma) }
                element.appendTaggedJSON(to: &output)
            }
            output.append(ASCII.closeBracket)
        case .table(let table):
            output.append(ASCII.openBrace)
            for (index, entry) in table.entries.enumerated() {
                if index > 0 { output.append(ASCII.comma) }
                appendJSONString(entry.key, to: &output)
                output.append(ASCII.colon)
                entry.value.appendTaggedJSON(to: &output)
            }
            output.append(ASCII.closeBrace)
        }
    }
}

private func appendTagged(_ type: StaticString, _ value: String, to output: inout [UInt8]) {
    output.append(contentsOf: #"{"type":""#.utf8)
    type.withUTF8Buffer { output.append(contentsOf: $0) }
    output.append(contentsOf: #"","value":"#.utf8)
    appendJSONString(value, to: &output)
    output.append(ASCII.closeBrace)
}

/// Appends `text` as a JSON string; the input is valid UTF-8, so only ASCII needs
/// escaping.
private func appendJSONString(_ text: String, to output: inout [UInt8]) {
    output.append(ASCII.quote)
    for byte in text.utf8 {
        switch byte {
        case ASCII.quote, ASCII.backslash:
            output.append(ASCII.backslash)
            output.append(byte)
        case ASCII.newline:
            output.append(contentsOf: #"\n"#.utf8)
        case ASCII.tab:
            output.append(contentsOf: #"\t"#.utf8)
        case ASCII.carriageReturn:
            output.append(contentsOf: #"\r"#.utf8)
        case _ where byte < ASCII.space || byte == ASCII.delete:
            output.append(contentsOf: #"\u00"#.utf8)
            output.append(contentsOf: hex(byte).utf8.dropFirst(2))
        default:
            output.append(byte)
        }
    }
    output.append(ASCII.quote)
}
