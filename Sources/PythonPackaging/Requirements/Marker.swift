/// A PEP 508 environment marker such as `python_version < "3.11" and extra == "cli"`.
///
/// Equality follows the normalized text, as `packaging.markers.Marker` compares.
/// See https://packaging.python.org/en/latest/specifications/dependency-specifiers/
public struct Marker: Hashable, Sendable, CustomStringConvertible {
    /// The parsed expression, parentheses kept.
    public let tree: MarkerTree

    /// A marker from a parsed tree.
    public init(tree: MarkerTree) { self.tree = tree }

    /// The normalized text, as `str(packaging.markers.Marker(...))` renders it.
    public var description: String { tree.rendered(first: true) }

    public static func == (lhs: Marker, rhs: Marker) -> Bool {
        lhs.description == rhs.description
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

/// The expression tree of a marker: comparisons joined by `and` and `or`.
///
/// `and` binds tighter than `or`; ``group(_:)`` records a parenthesized part so the
/// marker renders as `packaging` renders it.
public indirect enum MarkerTree: Hashable, Sendable {
    /// One comparison, `python_version >= "3.9"`.
    case expression(MarkerExpression)
    /// Every operand must hold (two or more operands).
    case and([MarkerTree])
    /// At least one operand must hold (two or more operands).
    case or([MarkerTree])
    /// A parenthesized marker.
    case group(MarkerTree)

    /// The text of this tree as one operand list; `first` is true at the top, where the
    /// outermost list goes without parentheses. Parentheses stay only around an `and` or
    /// `or` below the top, as `packaging` renders them.
    func rendered(first: Bool) -> String {
        switch self {
        case .group(let inner):
            return inner.rendered(first: first)
        case .expression(let expression):
            return expression.description
        case .and, .or:
            return first ? inline : "(\(inline))"
        }
    }

    /// The operands joined with their operators, groups parenthesized.
    private var inline: String {
        switch self {
        case .expression(let expression): expression.description
        case .group(let inner): inner.rendered(first: false)
        case .and(let operands): operands.map(\.inline).joined(separator: " and ")
        case .or(let operands): operands.map(\.inline).joined(separator: " or ")
        }
    }
}

/// One comparison of a marker: two operands and an operator.
public struct MarkerExpression: Hashable, Sendable, CustomStringConvertible {
    /// The left operand.
    public var lhs: MarkerOperand
    /// The comparison.
    public var op: MarkerOperator
    /// The right operand.
    public var rhs: MarkerOperand

    /// A comparison from its parts.
    public init(lhs: MarkerOperand, op: MarkerOperator, rhs: MarkerOperand) {
        self.lhs = lhs
        self.op = op
        self.rhs = rhs
    }

    public var description: String { "\(lhs) \(op.rawValue) \(rhs)" }
}

/// An operand of a marker comparison: an environment variable or a quoted string.
public enum MarkerOperand: Hashable, Sendable, CustomStringConvertible {
    /// An environment variable by its canonical name (`os.name` reads as `os_name`).
    case variable(String)
    /// A string literal, unquoted.
    case value(String)

    /// A variable's text as written, or a string quoted with `"` (or `'` when it
    /// contains `"`).
    public var description: String {
        switch self {
        case .variable(let name): name
        case .value(let text):
            text.unicodeScalars.contains("\"") ? "'\(text)'" : "\"\(text)\""
        }
    }
}

/// A marker comparison operator.
public enum MarkerOperator: String, Hashable, Sendable, CaseIterable {
    /// `<`
    case lessThan = "<"
    /// `<=`
    case lessThanOrEqual = "<="
    /// `==`
    case equal = "=="
    /// `!=`
    case notEqual = "!="
    /// `>=`
    case greaterThanOrEqual = ">="
    /// `>`
    case greaterThan = ">"
    /// `~=`, meaningful for versions only.
    case compatible = "~="
    /// `===`, meaningful for versions only.
    case arbitraryEqual = "==="
    /// `in`: substring, or membership in a set-valued variable.
    case `in` = "in"
    /// `not in`
    case notIn = "not in"
}

extension Marker {
    /// Why the marker has no text form, or `nil`: a string holding both quote characters
    /// cannot be quoted (`packaging` fails to render it too).
    public var renderingProblem: String? {
        func check(_ tree: MarkerTree) -> String? {
            switch tree {
            case .expression(let expression):
                for case .value(let text) in [expression.lhs, expression.rhs]
                where text.unicodeScalars.contains("\"") && text.unicodeScalars.contains("'") {
                    return
                        "cannot quote the marker string '\(text)': it holds both quote characters"
                }
                return nil
            case .group(let inner): return check(inner)
            case .and(let operands), .or(let operands):
                for operand in operands { if let problem = check(operand) { return problem } }
                return nil
            }
        }
        return check(tree)
    }
}

// MARK: - Combining

extension Marker {
    /// Both markers must hold; operands already joined by `and` are spliced in, so
    /// the result renders as `packaging`'s `Marker.__and__` does.
    public static func && (lhs: Marker, rhs: Marker) -> Marker {
        Marker(tree: .and(lhs.tree.operands(joinedBy: .and) + rhs.tree.operands(joinedBy: .and)))
    }

    /// Either marker must hold; operands already joined by `or` are spliced in, so the
    /// result renders as `packaging`'s `Marker.__or__` does.
    public static func || (lhs: Marker, rhs: Marker) -> Marker {
        Marker(tree: .or(lhs.tree.operands(joinedBy: .or) + rhs.tree.operands(joinedBy: .or)))
    }
}

extension MarkerTree {
    /// A logical operator joining marker operands.
    enum Junction { case and, or }

    /// The operands to splice into a `junction` list: this tree's own operands when its
    /// operand list uses only that junction (or it is one comparison), else this tree as
    /// one group.
    func operands(joinedBy junction: Junction) -> [MarkerTree] {
        switch (self, junction) {
        case (.group(let inner), _):
            return inner.operands(joinedBy: junction)
        case (.expression, _), (.and, .and):
            return operands
        case (.or(let alternatives), .or):
            let usesOnlyOr = alternatives.allSatisfy {
                if case .and = $0 { return false }
                return true
            }
            return usesOnlyOr ? alternatives : [.group(self)]
        case (.and, .or), (.or, .and):
            return [.group(self)]
        }
    }

    /// The operands of an `and`, or this tree alone.
    private var operands: [MarkerTree] {
        if case .and(let operands) = self { return operands }
        return [self]
    }
}
