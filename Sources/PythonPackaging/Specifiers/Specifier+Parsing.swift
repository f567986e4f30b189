extension Specifier {
    /// Parses one specifier, such as `>=1.0`, `== 1.4.*` or `===foobar`.
    ///
    /// Accepts exactly what `packaging` accepts: whitespace around and after
    /// the operator, `.*` only with `==` and `!=` and right after the release,
    /// a local label only with `==`, `!=` and `===`, and `~=` only with a
    /// release of two or more components.
    public init(_ text: String) throws(SpecifierParseError) {
        let trimmed = String(PythonWhitespace.trimmed(Substring(text)))
        guard let op = Self.leadingOperator(trimmed) else {
            throw Self.missingOperator(text, trimmed: trimmed)
        }
        let rest = Substring(trimmed.unicodeScalars.dropFirst(op.rawValue.count))
        let operand = String(PythonWhitespace.trimmed(rest))
        try self.init(op, operand: operand, input: text)
    }

    private init(_ op: Operator, operand: String, input: String) throws(SpecifierParseError) {
        self.operator = op
        self.version = operand
        if op == .arbitrary {
            let forbidden = operand.unicodeScalars.contains {
                $0 == ";" || $0 == ")" || PythonWhitespace.contains($0)
            }
            guard !operand.isEmpty, !forbidden else {
                throw SpecifierParseError(
                    input: input,
                    reason: "expected a version without spaces, ';' or ')' after '===', "
                        + "found \(Self.quoted(operand))")
            }
            parsedVersion = try? Version(operand)
            isWildcard = false
            rule = Rule(.arbitrary, Version.minimum, text: PythonCase.lowercased(operand))
            return
        }

        // Split off a `.*` that directly follows the release.
        isWildcard = operand.unicodeScalars.reversed().starts(with: ["*", "."])
        let versionText =
            isWildcard
            ? String(String.UnicodeScalarView(operand.unicodeScalars.dropLast(2))) : operand
        let parsed: Version
        do {
            parsed = try Version(versionText)
        } catch {
            throw SpecifierParseError(
                input: input,
                reason: "expected a version after '\(op.rawValue)', found \(Self.quoted(operand))"
            )
        }
        try Self.checkOperand(op, parsed, versionText: versionText, wildcard: isWildcard, input)
        parsedVersion = parsed
        rule = Self.rule(op, parsed, wildcard: isWildcard)
    }

    /// Enforces the operator-specific limits of PEP 440 on a parsed operand.
    private static func checkOperand(
        _ op: Operator, _ version: Version, versionText: String, wildcard: Bool,
        _ input: String
    ) throws(SpecifierParseError) {
        if wildcard {
            guard op == .equal || op == .notEqual else {
                throw SpecifierParseError(
                    input: input, reason: "'.*' is only allowed with '==' and '!='")
            }
            let plainRelease =
                version.flags.isDisjoint(with: [.pre, .post, .dev, .local])
                && versionText.unicodeScalars.last.map(PythonWhitespace.contains) != true
            guard plainRelease else {
                throw SpecifierParseError(
                    input: input, reason: "'.*' must directly follow the release numbers",
                    hint: "did you mean '\(op.rawValue)\(version.baseVersion).*'?")
            }
        }
        if version.localLabel != nil, op != .equal, op != .notEqual {
            throw SpecifierParseError(
                input: input,
                reason: "a local label is only allowed with '==' and '!=', not '\(op.rawValue)'",
                hint: "did you mean '\(op.rawValue)\(version.publicVersion)'?")
        }
        if op == .compatible, version.releaseLength < 2 {
            throw SpecifierParseError(
                input: input,
                reason: "'~=' needs a release of at least two numbers",
                hint: "did you mean '~=\(version).0'?")
        }
    }

    /// The operator `text` starts with, longest first.
    ///
    /// Compares scalars, not characters: a combining mark after the operator
    /// (`===\u{345}`) belongs to the operand, as in Python.
    private static func leadingOperator(_ text: String) -> Operator? {
        let scalars = text.unicodeScalars
        func starts(_ prefix: String) -> Bool { scalars.starts(with: prefix.unicodeScalars) }
        if starts("===") { return .arbitrary }
        for op in [Operator.compatible, .equal, .notEqual, .lessThanOrEqual, .greaterThanOrEqual]
        where starts(op.rawValue) {
            return op
        }
        if starts("<") { return .lessThan }
        if starts(">") { return .greaterThan }
        return nil
    }

    private static func missingOperator(_ input: String, trimmed: String) -> SpecifierParseError {
        if trimmed.isEmpty {
            return SpecifierParseError(
                input: input, reason: "expected a specifier such as '>=1.0', found nothing")
        }
        let reason =
            "expected an operator ('==', '!=', '<=', '>=', '<', '>', '~=' or '==='), "
            + "found \(quoted(trimmed))"
        let misspelled = ["=>": ">=", "=<": "<=", "=": "==", "~>": "~=", "^": ">="]
        for (wrong, right) in misspelled.sorted(by: { $0.key.count > $1.key.count })
        where trimmed.hasPrefix(wrong) {
            let rest = trimmed.dropFirst(wrong.count)
            return SpecifierParseError(
                input: input, reason: reason, hint: "did you mean '\(right)\(rest)'?")
        }
        if (try? Version(trimmed)) != nil {
            return SpecifierParseError(
                input: input, reason: reason, hint: "did you mean '==\(trimmed)'?")
        }
        return SpecifierParseError(input: input, reason: reason)
    }

    private static func quoted(_ text: String) -> String {
        text.isEmpty ? "nothing" : "'\(VersionParseError.excerpt(text))'"
    }
}
