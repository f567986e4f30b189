/// Whitespace as Python's `str.strip()` and the regex class `\s` see it: ASCII
/// whitespace, the separators U+001C–U+001F and the Unicode spaces.
///
/// `packaging` strips this whitespace around versions and specifiers, so a
/// no-break space around `1.0` is accepted exactly as a plain space is.
package enum PythonWhitespace {
    /// The length of the whitespace character starting at `index`, or 0.
    static func lengthAt(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, end: Int) -> Int {
        let first = bytes[index]
        if first < 0x80 { return isASCIIWhitespace(first) ? 1 : 0 }
        let remaining = end - index
        if first == 0xC2, remaining >= 2 {
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        }
        guard remaining >= 3 else { return 0 }
        return isThreeByteWhitespace(first, bytes[index + 1], bytes[index + 2]) ? 3 : 0
    }

    /// The length of the whitespace character ending just before `end`, or 0.
    static func lengthBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int, start: Int) -> Int {
        let last = bytes[end - 1]
        if last < 0x80 { return isASCIIWhitespace(last) ? 1 : 0 }
        if end - start >= 2, bytes[end - 2] == 0xC2, last == 0x85 || last == 0xA0 { return 2 }
        guard end - start >= 3 else { return 0 }
        return isThreeByteWhitespace(bytes[end - 3], bytes[end - 2], last) ? 3 : 0
    }

    /// The bounds of `bytes[start..<end]` without leading and trailing whitespace.
    static func trim(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    ) -> (start: Int, end: Int) {
        var start = start
        var end = end
        while start < end {
            let length = lengthAt(bytes, start, end: end)
            if length == 0 { break }
            start += length
        }
        while end > start {
            let length = lengthBefore(bytes, end, start: start)
            if length == 0 { break }
            end -= length
        }
        return (start, end)
    }

    /// Whether the Unicode scalar is Python whitespace.
    package static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
            0x202F, 0x205F, 0x3000:
            true
        default: false
        }
    }

    /// `text` without leading and trailing Python whitespace.
    static func trimmed(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !contains($0) }),
            let last = scalars.lastIndex(where: { !contains($0) })
        else { return text[text.endIndex...] }
        return Substring(scalars[first...last])
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        (0x09...0x0D).contains(byte) || (0x1C...0x20).contains(byte)
    }

    private static func isThreeByteWhitespace(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch (a, b) {
        case (0xE1, 0x9A): c == 0x80  // U+1680
        case (0xE2, 0x80): c <= 0x8A && c >= 0x80 || c == 0xA8 || c == 0xA9 || c == 0xAF
        case (0xE2, 0x81): c == 0x9F  // U+205F
        case (0xE3, 0x80): c == 0x80  // U+3000
        default: false
        }
    }
}
