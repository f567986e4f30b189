/// Why a marker could not be evaluated in an environment.
public enum MarkerEvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The marker reads a variable the environment does not define.
    case undefinedVariable(String)
    /// The comparison has no meaning for these operands, such as `os_name ~= "posix"`.
    case undefinedComparison(lhs: String, op: MarkerOperator, rhs: String)
    /// A set-valued variable where a string is needed, or the reverse.
    case wrongValueKind(variable: String, expected: String)

    public var description: String {
        switch self {
        case .undefinedVariable(let name):
            "the environment does not define the marker variable '\(name)'"
        case .undefinedComparison(let lhs, let op, let rhs):
            "the comparison '\(lhs)' \(op.rawValue) '\(rhs)' is not defined"
        case .wrongValueKind(let variable, let expected):
            "expected \(expected) for the marker variable '\(variable)'"
        }
    }
}

extension Marker {
    /// Whether the marker holds in `environment`, as `packaging`'s `Marker.evaluate`
    /// decides.
    ///
    /// Every comparison is evaluated, so an undefined one fails the evaluation even when
    /// the others already decide the result (as in `packaging`).
    public func evaluate(in environment: MarkerEnvironment) throws(MarkerEvaluationError)
        -> Bool
    {
        try tree.evaluate(in: environment)
    }

    /// Whether the marker holds in `environment` with `extras` requested (none: the
    /// marker as a base dependency).
    public func evaluate(in environment: MarkerEnvironment, extras: some Collection<String>)
        throws(MarkerEvaluationError) -> Bool
    {
        try tree.evaluate(in: environment.requesting(extras: extras))
    }
}

extension MarkerTree {
    func evaluate(in environment: MarkerEnvironment) throws(MarkerEvaluationError) -> Bool {
        switch self {
        case .expression(let expression):
            return try expression.evaluate(in: environment)
        case .group(let inner):
            return try inner.evaluate(in: environment)
        case .and(let operands):
            var result = true
            for operand in operands where !(try operand.evaluate(in: environment)) {
                result = false
            }
            return result
        case .or(let operands):
            var result = false
            for operand in operands where try operand.evaluate(in: environment) {
                result = true
            }
            return result
        }
    }
}

extension MarkerExpression {
    /// The text of an operand as a string: a literal's value or a variable's name.
    private static func text(_ operand: MarkerOperand) -> String {
        switch operand {
        case .variable(let name): name
        case .value(let text): text
        }
    }

    /// One comparison. The environment is read for the left operand when it is a
    /// variable, otherwise for the right operand (whatever it is).
    func evaluate(in environment: MarkerEnvironment) throws(MarkerEvaluationError) -> Bool {
        let key: String
        let lhsValue: MarkerEnvironment.Value
        let rhsValue: MarkerEnvironment.Value
        if case .variable(let name) = lhs {
            key = name
            guard let value = environment[name] else { throw .undefinedVariable(name) }
            lhsValue = value
            rhsValue = .string(MarkerExpression.text(rhs))
        } else {
            key = MarkerExpression.text(rhs)
            guard let value = environment[key] else { throw .undefinedVariable(key) }
            lhsValue = .string(MarkerExpression.text(lhs))
            rhsValue = value
            if key == "extra", case .set(let extras) = value {
                return try MarkerExpression.evaluateExtras(extras, op, MarkerExpression.text(lhs))
            }
        }

        guard case .string(let lhsText) = lhsValue else {
            if key == "extra", case .set(let extras) = lhsValue {
                return try MarkerExpression.evaluateExtras(extras, op, MarkerExpression.text(rhs))
            }
            throw .wrongValueKind(variable: key, expected: "a string (sets allow only 'in')")
        }

        // Extra names were normalized when parsed and prepared; set-valued variables are
        // compared by normalized names.
        if key == "extra" {
            guard case .string = rhsValue else {
                throw .wrongValueKind(variable: key, expected: "a string")
            }
        } else if MarkerEnvironment.setVariables.contains(key) {
            guard case .set(let names) = rhsValue else {
                throw .wrongValueKind(variable: key, expected: "a set of names")
            }
            let normalized = Set(names.map(PackageName.normalize))
            return try compare(PackageName.normalize(lhsText), .set(normalized), key: key)
        }
        return try compare(lhsText, rhsValue, key: key)
    }

    /// `extra` against several requested extras: `==` is membership, `!=` its opposite.
    private static func evaluateExtras(
        _ extras: Set<String>, _ op: MarkerOperator, _ literal: String
    ) throws(MarkerEvaluationError) -> Bool {
        let requested = extras.isEmpty ? [""] : extras
        let isMember = requested.contains {
            $0.unicodeScalars.elementsEqual(literal.unicodeScalars)
        }
        switch op {
        case .equal: return isMember
        case .notEqual: return !isMember
        default:
            throw .undefinedComparison(
                lhs: requested.sorted().joined(separator: ","), op: op, rhs: literal)
        }
    }

    /// Version comparison for version-valued variables when the right side makes a valid
    /// specifier; otherwise Python string comparison, where only `==`, `!=`, `in` and
    /// `not in` are meaningful (`<` and `>` are false, `<=` and `>=` mean `==`).
    private func compare(_ lhsText: String, _ rhsValue: MarkerEnvironment.Value, key: String)
        throws(MarkerEvaluationError) -> Bool
    {
        if MarkerEnvironment.versionVariables.contains(key), case .string(let rhsText) = rhsValue,
            let result = MarkerVersionComparison.evaluate(lhsText, op, rhsText)
        {
            return result
        }
        switch (op, rhsValue) {
        case (.in, .string(let text)): return PythonText.contains(text, lhsText)
        case (.notIn, .string(let text)): return !PythonText.contains(text, lhsText)
        case (.in, .set(let names)): return names.contains(lhsText)
        case (.notIn, .set(let names)): return !names.contains(lhsText)
        case (.lessThan, _), (.greaterThan, _): return false
        case (.lessThanOrEqual, .string(let text)), (.equal, .string(let text)),
            (.greaterThanOrEqual, .string(let text)):
            return PythonText.equals(lhsText, text)
        case (.notEqual, .string(let text)): return !PythonText.equals(lhsText, text)
        case (.lessThanOrEqual, .set), (.equal, .set), (.greaterThanOrEqual, .set):
            return false
        case (.notEqual, .set): return true
        case (.compatible, .string(let text)), (.arbitraryEqual, .string(let text)):
            throw .undefinedComparison(lhs: lhsText, op: op, rhs: text)
        case (.compatible, .set(let names)), (.arbitraryEqual, .set(let names)):
            throw .undefinedComparison(
                lhs: lhsText, op: op, rhs: names.sorted().joined(separator: ","))
        }
    }
}

/// String comparisons by Unicode scalars, as Python compares `str` values (Swift's
/// `==` on `String` would also equate canonically equivalent spellings).
enum PythonText {
    static func equals(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.elementsEqual(rhs.unicodeScalars)
    }

    /// Whether `needle` occurs in `haystack` (`needle in haystack`).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        let needle = Array(needle.unicodeScalars)
        guard !needle.isEmpty else { return true }
        let haystack = Array(haystack.unicodeScalars)
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0]
            && haystack[start..<(start + needle.count)].elementsEqual(needle)
        {
            return true
        }
        return false
    }
}
