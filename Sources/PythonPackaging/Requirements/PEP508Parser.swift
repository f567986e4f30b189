/// A recursive-descent reader of dependency specifiers and markers that accepts and
/// rejects exactly what `packaging` 26 does, reporting the same spans.
struct PEP508Parser {
    var scanner: PEP508Scanner
    let text: String

    /// How deeply parentheses may nest in a marker, as in `packaging` (and CPython).
    static let maximumNesting = 200

    init(_ text: String) {
        self.text = text
        scanner = PEP508Scanner(text)
    }

    // MARK: - Errors

    func failure(_ message: String, from start: Int? = nil, to end: Int? = nil)
        -> RequirementParseError
    {
        let lower = start ?? scanner.position
        let upper = max(lower, end ?? scanner.position)
        return RequirementParseError(message: message, source: text, span: lower..<upper)
    }

    /// "expected X, found Y" ending at the current position; the span starts at `start`
    /// (default: the current position).
    func expected(_ what: String, from start: Int? = nil) -> RequirementParseError {
        failure("expected \(what), found \(foundText)", from: start)
    }

    /// The text at the current position up to whitespace (at most 12 scalars), quoted,
    /// or "end of input".
    private var foundText: String {
        var end = scanner.position
        while let next = scanner.scalar(at: end), !PEP508Scanner.isSpace(next),
            end - scanner.position < 12
        {
            end += 1
        }
        guard end > scanner.position else {
            return scanner.isAtEnd ? "end of input" : "'\(scanner.text(end..<(end + 1)))'"
        }
        return "'\(scanner.text(scanner.position..<end))'"
    }

    mutating func take(_ end: Int?) -> Range<Int>? {
        guard let end else { return nil }
        defer { scanner.position = end }
        return scanner.position..<end
    }

    mutating func expect(_ end: Int?, _ what: String) throws(RequirementParseError) -> Range<Int> {
        guard let range = take(end) else { throw expected(what) }
        return range
    }

    // MARK: - Requirement

    /// The parts of a requirement as written; the specifier list is left as text.
    struct ParsedRequirement {
        var name: String
        var extras: [String]
        var specifiers: String
        var url: String?
        var marker: MarkerTree?
    }

    mutating func parseRequirement() throws(RequirementParseError) -> ParsedRequirement {
        scanner.skipWhitespace()
        let name = try expect(
            scanner.matchIdentifier(), "package name at the start of dependency specifier")
        scanner.skipWhitespace()
        let extras = try parseExtras()
        var requirement = ParsedRequirement(
            name: scanner.text(name), extras: extras, specifiers: "", url: nil, marker: nil)
        try parseDetails(into: &requirement)
        if !scanner.isAtEnd { throw expected("end of dependency specifier") }
        return requirement
    }

    private mutating func parseDetails(into requirement: inout ParsedRequirement)
        throws(RequirementParseError)
    {
        if take(scanner.match("@")) != nil {
            scanner.skipWhitespace()
            let urlStart = scanner.position
            requirement.url = scanner.text(try expect(scanner.matchURL(), "URL after '@'"))
            if scanner.isAtEnd { return }
            _ = try expect(scanner.matchWhitespace(), "whitespace after URL")
            if scanner.isAtEnd { return }
            requirement.marker = try parseRequirementMarker(
                spanStart: urlStart, expected: "semicolon (after URL and whitespace)")
            return
        }
        let specifierStart = scanner.position
        requirement.specifiers = try parseSpecifier()
        if scanner.isAtEnd { return }
        requirement.marker = try parseRequirementMarker(
            spanStart: specifierStart,
            expected: requirement.specifiers.isEmpty
                ? "semicolon (after name with no version specifier)"
                : "comma (within version specifier), semicolon (after version specifier)")
    }

    private mutating func parseRequirementMarker(spanStart: Int, expected what: String)
        throws(RequirementParseError) -> MarkerTree
    {
        guard take(scanner.match(";")) != nil else {
            throw expected("\(what) or end", from: spanStart)
        }
        return try parseMarkerList(depth: 0)
    }

    private mutating func parseExtras() throws(RequirementParseError) -> [String] {
        let open = scanner.position
        guard take(scanner.match("[")) != nil else { return [] }
        scanner.skipWhitespace()
        var extras: [String] = []
        if let first = take(scanner.matchIdentifier()) {
            extras.append(scanner.text(first))
            while true {
                scanner.skipWhitespace()
                if scanner.matchIdentifier() != nil {
                    throw expected("comma between extra names")
                }
                guard take(scanner.match(",")) != nil else { break }
                scanner.skipWhitespace()
                extras.append(
                    scanner.text(try expect(scanner.matchIdentifier(), "extra name after comma")))
            }
        }
        scanner.skipWhitespace()
        guard take(scanner.match("]")) != nil else {
            throw expected("matching ']' for '[', after extras", from: open)
        }
        scanner.skipWhitespace()
        return extras
    }

    /// The specifier list, in or out of parentheses, as text for `SpecifierSet`.
    private mutating func parseSpecifier() throws(RequirementParseError) -> String {
        let open = scanner.position
        guard take(scanner.match("(")) != nil else { return try parseVersionMany() }
        scanner.skipWhitespace()
        let specifiers = try parseVersionMany()
        guard take(scanner.match(")")) != nil else {
            throw expected("matching ')' for '(', after version specifier", from: open)
        }
        scanner.skipWhitespace()
        return specifiers
    }

    private mutating func parseVersionMany() throws(RequirementParseError) -> String {
        if scanner.isAtEnd { return "" }

        // The whole list in one pass, when it is one valid specifier set.
        if let end = scanner.matchSpecifierList(), end > scanner.position {
            let candidate = scanner.text(scanner.position..<end)
            if SpecifierSetText.isValidList(candidate) {
                scanner.position = end
                return candidate
            }
        }

        // Otherwise token by token, to report where it goes wrong.
        var specifiers = ""
        while let range = take(scanner.matchSpecifier()) {
            let token = scanner.text(range)
            specifiers += token
            if scanner.matchPrefixTrail() != nil {
                let isEquality =
                    token.hasPrefix("!=") || (token.hasPrefix("==") && !token.hasPrefix("==="))
                throw failure(
                    isEquality
                        ? """
                        '.*' suffix cannot be used with pre-release, post-release, dev or local \
                        versions
                        """
                        : "'.*' suffix can only be used with '==' or '!=' operators",
                    from: range.lowerBound, to: scanner.position + 1)
            }
            if scanner.matchLocalLabelTrail() != nil {
                throw failure(
                    "local version label can only be used with '==' or '!=' operators",
                    from: range.lowerBound)
            }
            scanner.skipWhitespace()
            guard take(scanner.match(",")) != nil else { break }
            specifiers += ","
            scanner.skipWhitespace()
        }
        return specifiers
    }

    // MARK: - Marker

    mutating func parseFullMarker() throws(RequirementParseError) -> MarkerTree {
        let marker = try parseMarkerList(depth: 0)
        if !scanner.isAtEnd { throw expected("end of marker expression") }
        return marker
    }

    /// `atom (and|or atom)*`, with `and` binding tighter than `or`.
    private mutating func parseMarkerList(depth: Int) throws(RequirementParseError) -> MarkerTree {
        var alternatives: [[MarkerTree]] = [[try parseMarkerAtom(depth: depth)]]
        while true {
            if let end = scanner.matchWord("or") {
                scanner.position = end
                alternatives.append([try parseMarkerAtom(depth: depth)])
            } else if let end = scanner.matchWord("and") {
                scanner.position = end
                alternatives[alternatives.count - 1].append(try parseMarkerAtom(depth: depth))
            } else {
                break
            }
        }
        let conjunctions = alternatives.map { $0.count == 1 ? $0[0] : MarkerTree.and($0) }
        return conjunctions.count == 1 ? conjunctions[0] : .or(conjunctions)
    }

    private mutating func parseMarkerAtom(depth: Int) throws(RequirementParseError) -> MarkerTree {
        scanner.skipWhitespace()
        let atom: MarkerTree
        if scanner.match("(") != nil {
            if depth >= PEP508Parser.maximumNesting {
                throw failure(
                    "marker expression is nested more than "
                        + "\(PEP508Parser.maximumNesting) levels deep"
                )
            }
            let open = scanner.position
            scanner.position += 1
            atom = .group(try parseMarkerList(depth: depth + 1))
            guard take(scanner.match(")")) != nil else {
                throw expected("matching ')' for '(', after marker expression", from: open)
            }
        } else {
            atom = .expression(try parseMarkerItem())
        }
        scanner.skipWhitespace()
        return atom
    }

    private mutating func parseMarkerItem() throws(RequirementParseError) -> MarkerExpression {
        let lhs = try parseMarkerOperand()
        scanner.skipWhitespace()
        let op = try parseMarkerOperator()
        scanner.skipWhitespace()
        let rhs = try parseMarkerOperand()
        return MarkerExpression(lhs: lhs, op: op, rhs: rhs).normalizingExtras()
    }

    private mutating func parseMarkerOperand() throws(RequirementParseError) -> MarkerOperand {
        if let range = take(scanner.matchVariable()) {
            return .variable(MarkerOperand.canonicalVariable(scanner.text(range)))
        }
        if let range = take(scanner.matchQuotedString()) {
            guard let value = PythonStringLiteral.value(of: scanner.source[range]) else {
                throw failure("invalid quoted string", from: range.lowerBound, to: range.upperBound)
            }
            return .value(value)
        }
        throw expected("a marker variable or quoted string")
    }

    private mutating func parseMarkerOperator() throws(RequirementParseError) -> MarkerOperator {
        if take(scanner.matchWord("in")) != nil { return .in }
        if take(scanner.matchWord("not")) != nil {
            _ = try expect(scanner.matchWhitespace(), "whitespace after 'not'")
            _ = try expect(scanner.matchWord("in"), "'in' after 'not'")
            return .notIn
        }
        if let range = take(scanner.matchOperator()),
            let op = MarkerOperator(rawValue: scanner.text(range))
        {
            return op
        }
        throw expected("marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in")
    }
}

extension MarkerOperand {
    /// The canonical name of a variable as written: dots become underscores and
    /// `python_implementation` reads as `platform_python_implementation`.
    static func canonicalVariable(_ written: String) -> String {
        let name = written.replacingDots()
        return name == "python_implementation" ? "platform_python_implementation" : name
    }
}

extension String {
    fileprivate func replacingDots() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "." ? "_" : $0 }))
    }
}

extension MarkerExpression {
    /// Normalizes the extra names this comparison mentions (PEP 685): the literal
    /// compared with `extra`, or tested for membership in `extras` or `dependency_groups`.
    func normalizingExtras() -> MarkerExpression {
        var result = self
        switch (lhs, rhs) {
        case (.variable("extra"), .value(let name)):
            result.rhs = .value(PackageName.normalize(name))
        case (.value(let name), .variable("extra")),
            (.value(let name), .variable("extras")),
            (.value(let name), .variable("dependency_groups")):
            result.lhs = .value(PackageName.normalize(name))
        default:
            break
        }
        return result
    }
}
