extension TOMLValue {
    /// The value written as canonical TOML: basic strings with escapes, decimal
    /// integers, `inf`/`nan`, RFC 3339 date-times, `[a, b]` and `{ k = v }`.
    public func rendered() -> String {
        var output = ""
        render(into: &output)
        return output
    }

    /// Appends the canonical TOML text of the value to `output`.
    func render(into output: inout String) {
        switch self {
        case .string(let text): output += renderBasicString(text)
        case .integer(let number): output += String(number)
        case .float(let number): output += renderFloat(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .offsetDateTime(let value): output += value.description
        case .localDateTime(let value): output += value.description
        case .localDate(let value): output += value.description
        case .localTime(let value): output += value.description
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += ", " }
                element.render(into: &output)
            }
            output += "]"
        case .table(let table):
            guard !table.isEmpty else {
                output += "{}"
                return
            }
            output += "{ "
            for (index, entry) in table.entries.enumerated() {
                if index > 0 { output += ", " }
                output += displayKey(entry.key) + " = "
                entry.value.render(into: &output)
            }
            output += " }"
        }
    }
}

/// `text` as a TOML basic string, quotes included.
func renderBasicString(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\n": output += "\\n"
        case "\t": output += "\\t"
        case "\r": output += "\\r"
        case "\u{08}": output += "\\b"
        case "\u{0C}": output += "\\f"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            let digits = String(scalar.value, radix: 16, uppercase: true)
            output += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        default:
            output.unicodeScalars.append(scalar)
        }
    }
    return output + "\""
}

/// A float as TOML writes it: `inf`, `-inf`, `nan`, or digits with a `.` or exponent.
func renderFloat(_ number: Double) -> String {
    if number.isNaN { return "nan" }
    if number.isInfinite { return number < 0 ? "-inf" : "inf" }
    let text = number.description
    let isFloatShaped = text.contains(".") || text.contains("e")
    return isFloatShaped ? text : text + ".0"
}
