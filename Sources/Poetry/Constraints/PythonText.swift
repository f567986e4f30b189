import PythonPackaging

/// Python's notion of whitespace for `str.strip()` and `\s`, on scalars.
enum PythonText {
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        PythonWhitespace.contains(scalar)
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
