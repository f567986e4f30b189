import TOML

/// Renders TOML values as Python's `json.dumps(value, sort_keys=True)` renders the
/// objects that `tomllib` makes of them.
///
/// That is: `", "` and `": "` separators, keys sorted by code point, every character
/// outside printable ASCII escaped as `\uXXXX` (UTF-16 surrogate pairs above U+FFFF,
/// lowercase hex), floats as Python's `repr`. Dates and times have no JSON form;
/// Python raises `TypeError` for them, and so does this renderer.
enum PythonJSONWriter {
    /// The JSON text of `value`.
    static func render(_ value: TOMLValue) throws(PoetryError) -> String {
        var output = ""
        try write(value, to: &output)
        return output
    }

    /// Appends the JSON text of `value` to `output`.
    static func write(_ value: TOMLValue, to output: inout String) throws(PoetryError) {
        switch value {
        case .string(let text):
            writeString(text, to: &output)
        case .integer(let number):
            output += String(number)
        case .float(let number):
            output += pythonFloatRepr(number)
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .array(let elements):
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += ", " }
                try write(element, to: &output)
            }
            output += "]"
        case .table(let table):
            try writeObject(table.entries.map { ($0.key, $0.value) }, to: &output) {
                (value, output) throws(PoetryError) in try write(value, to: &output)
            }
        case .offsetDateTime, .localDateTime, .localDate, .localTime:
            throw PoetryError(
                "cannot compute the content-hash: \(value.typeName) values"
                    + " are not JSON serializable (Poetry fails on them too)")
        }
    }

    /// Appends a JSON object of `members`, sorted by key as Python sorts strings (by
    /// code point, which is the order of their UTF-8 bytes), each value written by
    /// `writeValue`.
    static func writeObject<Value>(
        _ members: [(String, Value)], to output: inout String,
        writeValue: (Value, inout String) throws(PoetryError) -> Void
    ) throws(PoetryError) {
        let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        output += "{"
        for (position, member) in sorted.enumerated() {
            if position > 0 { output += ", " }
            writeString(member.0, to: &output)
            output += ": "
            try writeValue(member.1, &output)
        }
        output += "}"
    }

    /// Appends `text` as an ASCII-only JSON string literal.
    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case " "..."~": output.unicodeScalars.append(scalar)
            default:
                if scalar.value > 0xFFFF {
                    let offset = scalar.value - 0x10000
                    appendEscape(0xD800 + (offset >> 10), to: &output)
                    appendEscape(0xDC00 + (offset & 0x3FF), to: &output)
                } else {
                    appendEscape(scalar.value, to: &output)
                }
            }
        }
        output += "\""
    }

    private static func appendEscape(_ unit: UInt32, to output: inout String) {
        let hex = String(unit, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
