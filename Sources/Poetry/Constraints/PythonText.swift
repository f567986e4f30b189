/// Python's notion of whitespace for `str.strip()` and `\s`, on scalars.
enum PythonText {
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
            0x202F, 0x205F, 0x3000:
            true
        default: false
        }
    }

    static func stripLeading(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        let start = scalars.firstIndex { !isWhitespace($0) } ?? scalars.endIndex
        return Substring(scalars[start...])
    }

    static func stripTrailing(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let last = scalars.lastIndex(where: { !isWhitespace($0) }) else {
            return Substring(scalars[scalars.startIndex..<scalars.startIndex])
        }
        return Substring(scalars[...last])
    }

    static func strip(_ text: Substring) -> Substring { stripTrailing(stripLeading(text)) }

    /// `text` without one final `\n`, as a regex `$` lets it be.
    static func droppingFinalNewline(_ text: Substring) -> Substring {
        text.unicodeScalars.last == "\n" ? Substring(text.unicodeScalars.dropLast()) : text
    }
}
