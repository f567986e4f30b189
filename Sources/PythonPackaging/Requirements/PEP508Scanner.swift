/// The token matchers of the dependency-specifier grammar, over Unicode scalars.
///
/// Each `match…` function answers where the token starting at `position` ends, or
/// `nil`; word boundaries (`\b`) look at the scalar before `position` too, as a regular
/// expression matched from an offset does.
struct PEP508Scanner {
    let source: [Unicode.Scalar]
    var position = 0

    init(_ text: String) { source = Array(text.unicodeScalars) }

    init(scalars: [Unicode.Scalar]) { source = scalars }

    var isAtEnd: Bool { position == source.count }

    func scalar(at index: Int) -> Unicode.Scalar? {
        index >= 0 && index < source.count ? source[index] : nil
    }

    func text(_ range: Range<Int>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: source[range])
        return result
    }

    // MARK: - Character classes

    /// Python's `\w` for `str` patterns: letters, digits and numerics, and `_`.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39)
                || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
                || value == 0x5F
        }
        guard PythonCase.isKnown(scalar) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// Python's `\s` for `str` patterns (`str.isspace`).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
            0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
            || (value >= 0x61 && value <= 0x7A)
    }

    /// Whether a word boundary lies before `index`.
    func isBoundary(_ index: Int) -> Bool {
        let before = scalar(at: index - 1).map(PEP508Scanner.isWord) ?? false
        let after = scalar(at: index).map(PEP508Scanner.isWord) ?? false
        return before != after
    }

    // MARK: - Tokens

    /// `[ \t]+`
    func matchWhitespace() -> Int? {
        var end = position
        while let next = scalar(at: end), next == " " || next == "\t" { end += 1 }
        return end > position ? end : nil
    }

    mutating func skipWhitespace() {
        if let end = matchWhitespace() { position = end }
    }

    /// One literal scalar such as `(` or `;`.
    func match(_ literal: Unicode.Scalar) -> Int? {
        scalar(at: position) == literal ? position + 1 : nil
    }

    /// A literal word between word boundaries: `\bword\b`.
    func matchWord(_ word: String, at start: Int? = nil) -> Int? {
        let start = start ?? position
        guard isBoundary(start) else { return nil }
        var end = start
        for expected in word.unicodeScalars {
            guard scalar(at: end) == expected else { return nil }
            end += 1
        }
        return isBoundary(end) ? end : nil
    }

    /// `'[^']*'` or `"[^"]*"`.
    func matchQuotedString() -> Int? {
        guard let quote = scalar(at: position), quote == "'" || quote == "\"" else { return nil }
        var end = position + 1
        while let next = scalar(at: end) {
            if next == quote { return end + 1 }
            end += 1
        }
        return nil
    }

    /// A comparison operator, longest first: `===`, `==`, `~=`, `!=`, `<=`, `>=`, `<`, `>`.
    func matchOperator() -> Int? {
        let first = scalar(at: position)
        let second = scalar(at: position + 1)
        switch (first, second) {
        case ("=", "="): return scalar(at: position + 2) == "=" ? position + 3 : position + 2
        case ("~", "="), ("!", "="), ("<", "="), (">", "="): return position + 2
        case ("<", _), (">", _): return position + 1
        default: return nil
        }
    }

    /// The marker variable names the grammar knows, legacy dotted spellings included.
    static let variableNames = [
        "python_version", "python_full_version", "os_name", "os.name", "sys_platform",
        "sys.platform", "platform_release", "platform_system", "platform_version",
        "platform.version", "platform_machine", "platform.machine",
        "platform_python_implementation", "platform.python_implementation",
        "python_implementation", "implementation_name", "implementation_version", "extras",
        "extra", "dependency_groups",
    ]

    /// A marker variable between word boundaries.
    func matchVariable() -> Int? {
        for name in PEP508Scanner.variableNames {
            if let end = matchWord(name) { return end }
        }
        return nil
    }

    /// `\b[a-zA-Z0-9][a-zA-Z0-9._-]*\b`, the longest run that ends on a boundary.
    func matchIdentifier() -> Int? {
        guard let first = scalar(at: position), PEP508Scanner.isASCIIAlphanumeric(first),
            isBoundary(position)
        else { return nil }
        var end = position + 1
        while let next = scalar(at: end),
            PEP508Scanner.isASCIIAlphanumeric(next) || next == "." || next == "_" || next == "-"
        {
            end += 1
        }
        while end > position {
            if isBoundary(end) { return end }
            end -= 1
        }
        return nil
    }

    /// `\S+`
    func matchURL() -> Int? {
        var end = position
        while let next = scalar(at: end), !PEP508Scanner.isSpace(next) { end += 1 }
        return end > position ? end : nil
    }

    /// A specifier list for one-pass parsing: printable ASCII and tabs, up to `;`, `)` or
    /// the end (possibly empty).
    func matchSpecifierList() -> Int? {
        var end = position
        while let next = scalar(at: end), next != ";", next != ")",
            next == "\t" || (next.value >= 0x20 && next.value <= 0x7E)
        {
            end += 1
        }
        guard let stop = scalar(at: end) else { return end }
        return stop == ";" || stop == ")" ? end : nil
    }

    /// `\.\*`
    func matchPrefixTrail() -> Int? {
        scalar(at: position) == "." && scalar(at: position + 1) == "*" ? position + 2 : nil
    }

    /// `\+[a-z0-9]+(?:[-_\.][a-z0-9]+)*`
    func matchLocalLabelTrail() -> Int? {
        guard scalar(at: position) == "+" else { return nil }
        func isLowerAlphanumeric(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return (scalar.value >= 0x30 && scalar.value <= 0x39)
                || (scalar.value >= 0x61 && scalar.value <= 0x7A)
        }
        var end = position + 1
        guard isLowerAlphanumeric(scalar(at: end)) else { return nil }
        while isLowerAlphanumeric(scalar(at: end)) { end += 1 }
        while let separator = scalar(at: end),
            separator == "-" || separator == "_" || separator == ".",
            isLowerAlphanumeric(scalar(at: end + 1))
        {
            end += 1
            while isLowerAlphanumeric(scalar(at: end)) { end += 1 }
        }
        return end
    }
}
