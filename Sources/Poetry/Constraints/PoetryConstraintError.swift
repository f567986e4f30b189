/// A constraint that poetry-core cannot parse, such as `latest` or `~>1.0`.
public struct PoetryConstraintError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The whole constraint as written.
    public var constraint: String
    /// The part that failed, when the constraint has several.
    public var part: String
    /// A likely fix, when one is known.
    public var hint: String?
    /// Why the part cannot be used, when it reads but poetry-core still fails.
    public var reason: String?

    /// An error for `part` of `constraint`.
    public init(constraint: String, part: String, hint: String? = nil, reason: String? = nil) {
        self.constraint = constraint
        self.part = part
        self.hint = hint
        self.reason = reason
    }

    /// One line: `invalid version constraint '~>1.0': …; did you mean '~=1.0'?`.
    public var description: String {
        var text = "invalid version constraint '\(Self.excerpt(constraint))'"
        if part != constraint { text += ": cannot read '\(Self.excerpt(part))'" }
        if let reason { return text + ": " + reason }
        text +=
            part.isEmpty
            ? ": expected a constraint such as '^1.2', found nothing"
            : ": expected a version with an optional operator ('^', '~', '~=', '==', '!=', "
                + "'>=', '<=', '>', '<') or a wildcard such as '1.2.*'"
        if let hint { text += "; \(hint)" }
        return text
    }

    /// `text`, shortened to its first 40 characters.
    static func excerpt(_ text: String) -> String {
        text.count <= 40 ? text : text.prefix(40) + "…"
    }
}
