extension TOMLTable {
    /// The table in the tagged JSON of the toml-test suite: each value an object
    /// `{"type": …, "value": …}` with its value as a string, tables as JSON objects and
    /// arrays as JSON arrays.
    package func taggedJSON() -> String {
        var output = ""
        TOMLValue.table(self).appendTaggedJSON(to: &output)
        return output
    }
}

extension TOMLValue {
    fileprivate func appendTaggedJSON(to output: inout String) {
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
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.appendTaggedJSON(to: &output)
            }
            output += "]"
        case .table(let table):
            output += "{"
            for (index, entry) in table.entries.enumerated() {
                if index > 0 { output += "," }
                appendJSONString(entry.key, to: &output)
                output += ":"
                entry.value.appendTaggedJSON(to: &output)
            }
            output += "}"
        }
    }
}

private func appendTagged(_ type: String, _ value: String, to output: inout String) {
    output += "{\"type\":\"\(type)\",\"value\":"
    appendJSONString(value, to: &output)
    output += "}"
}

private func appendJSONString(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\n": output += "\\n"
        case "\t": output += "\\t"
        case "\r": output += "\\r"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            let digits = String(scalar.value, radix: 16)
            output += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        default:
            output.unicodeScalars.append(scalar)
        }
    }
    output += "\""
}
