extension JSONValue {
    /// The compact JSON text of this value, on one line, keys in stored order.
    public func rendered() -> String {
        var output = ""
        render(into: &output, indent: nil, depth: 0)
        return output
    }

    /// The JSON text of this value indented by `width` spaces a level.
    public func prettyRendered(indentWidth width: Int = 2) -> String {
        var output = ""
        render(into: &output, indent: width, depth: 0)
        return output
    }

    private func render(into output: inout String, indent: Int?, depth: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): Self.renderString(text, into: &output)
        case .array(let elements):
            renderContainer(
                elements.count, open: "[", close: "]", into: &output, indent: indent,
                depth: depth
            ) { index, output in
                elements[index].render(into: &output, indent: indent, depth: depth + 1)
            }
        case .object(let members):
            renderContainer(
                members.count, open: "{", close: "}", into: &output, indent: indent,
                depth: depth
            ) { index, output in
                Self.renderString(members[index].key, into: &output)
                output += indent == nil ? ":" : ": "
                members[index].value.render(into: &output, indent: indent, depth: depth + 1)
            }
        }
    }

    private func renderContainer(
        _ count: Int, open: String, close: String, into output: inout String, indent: Int?,
        depth: Int, element: (Int, inout String) -> Void
    ) {
        output += open
        guard count > 0 else {
            output += close
            return
        }
        for index in 0..<count {
            if index > 0 { output += "," }
            if let indent { output += "\n" + String(repeating: " ", count: indent * (depth + 1)) }
            element(index, &output)
        }
        if let indent { output += "\n" + String(repeating: " ", count: indent * depth) }
        output += close
    }

    /// Appends `text` as a JSON string literal, escaping what RFC 8259 requires.
    static func renderString(_ text: String, into output: inout String) {
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
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
