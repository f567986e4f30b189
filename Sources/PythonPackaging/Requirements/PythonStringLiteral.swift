/// The value of a quoted marker string, read as a Python string literal (escapes
/// included) the way `packaging` reads it with `ast.literal_eval`.
enum PythonStringLiteral {
    /// The contents of `quoted` (quotes included), or `nil` when Python would reject the
    /// literal: a raw line break or NUL, or a malformed `\x`, `\u`, `\U` or `\N` escape.
    static func value(of quoted: ArraySlice<Unicode.Scalar>) -> String? {
        let body = quoted.dropFirst().dropLast()
        var result = String.UnicodeScalarView()
        var index = body.startIndex
        while index < body.endIndex {
            let scalar = body[index]
            index += 1
            switch scalar {
            case "\n", "\r", "\0":
                return nil
            case "\\":
                guard index < body.endIndex else { return nil }
                guard let next = readEscape(body, &index, into: &result) else { return nil }
                index = next
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Reads the escape after a backslash at `index`; answers where reading continues.
    private static func readEscape(
        _ body: ArraySlice<Unicode.Scalar>, _ index: inout Int,
        into result: inout String.UnicodeScalarView
    ) -> Int? {
        let letter = body[index]
        var next = index + 1
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "\\": "\\", "'": "'", "\"": "\"", "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}",
            "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
        ]
        if let replacement = simple[letter] {
            result.append(replacement)
            return next
        }
        switch letter {
        case "\n":
            return next
        case "\r":
            if next < body.endIndex, body[next] == "\n" { next += 1 }
            return next
        case "0"..."7":
            var value = letter.value - 0x30
            var count = 1
            while count < 3, next < body.endIndex, ("0"..."7").contains(body[next]) {
                value = value * 8 + body[next].value - 0x30
                next += 1
                count += 1
            }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            result.append(scalar)
            return next
        case "x", "u", "U":
            let width = letter == "x" ? 2 : letter == "u" ? 4 : 8
            guard next + width <= body.endIndex else { return nil }
            var value: UInt32 = 0
            for digit in body[next..<next + width] {
                guard let digitValue = hexValue(digit) else { return nil }
                value = value * 16 + digitValue
            }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            result.append(scalar)
            return next + width
        case "N":
            guard next < body.endIndex, body[next] == "{",
                let close = body[next...].firstIndex(of: "}"), close > next + 1
            else { return nil }
            var name = ""
            name.unicodeScalars.append(contentsOf: body[(next + 1)..<close])
            guard let scalar = scalar(named: name) else { return nil }
            result.append(scalar)
            return close + 1
        default:
            // Python keeps an unknown escape as written, backslash included.
            result.append("\\")
            return index
        }
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }

    /// The scalar with the Unicode name or alias `name`, as Python's `\N{…}` finds it:
    /// names and aliases ignore ASCII case, but the algorithmic names of CJK unified
    /// ideographs (4 or 5 hex digits) and Hangul syllables must be upper case.
    private static func scalar(named name: String) -> Unicode.Scalar? {
        let ideograph = "CJK UNIFIED IDEOGRAPH-"
        if name.hasPrefix(ideograph) || name.hasPrefix("HANGUL SYLLABLE ") {
            let digits = name.utf8.dropFirst(ideograph.utf8.count)
            if name.hasPrefix(ideograph), digits.count == 5, digits.first == UInt8(ascii: "0") {
                return algorithmicScalars[
                    ideograph + String(decoding: digits.dropFirst(), as: UTF8.self)]
            }
            return algorithmicScalars[name]
        }
        let key = String(
            decoding: name.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
        return namedScalars.byName[key] ?? UnicodeNameAliases.scalarsByAlias[key]
    }

    private static var algorithmicScalars: [String: Unicode.Scalar] { namedScalars.algorithmic }

    /// Every scalar Python 3.11 names, built on first use of `\N{…}`: by name, and
    /// apart, the exact algorithmic names. Tangut ideographs have no name there.
    private static let namedScalars:
        (byName: [String: Unicode.Scalar], algorithmic: [String: Unicode.Scalar]) = {
            var byName: [String: Unicode.Scalar] = [:]
            var algorithmic: [String: Unicode.Scalar] = [:]
            for value in UInt32(0)...0x10FFFF {
                guard let scalar = Unicode.Scalar(value), PythonCase.isKnown(scalar),
                    let name = scalar.properties.name, !name.hasPrefix("TANGUT IDEOGRAPH-")
                else { continue }
                if name.hasPrefix("CJK UNIFIED IDEOGRAPH-") || name.hasPrefix("HANGUL SYLLABLE ") {
                    algorithmic[name] = scalar
                } else {
                    byName[name] = scalar
                }
            }
            return (byName, algorithmic)
        }()
}
