/// A version specifier (or one part of a specifier set) that PEP 440 rejects.
public struct SpecifierParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The specifier that failed to parse, as written.
    public var input: String
    /// What is wrong, as one lowercase phrase.
    public var reason: String
    /// A likely fix, such as `did you mean '==1.0'?`, when one is known.
    public var hint: String?

    /// An error for `input`.
    public init(input: String, reason: String, hint: String? = nil) {
        self.input = input
        self.reason = reason
        self.hint = hint
    }

    /// One line: `invalid specifier '=>1.0': expected …; did you mean '>=1.0'?`.
    public var description: String {
        let excerpt = VersionParseError.excerpt(input)
        var text = "invalid specifier '\(excerpt)': \(reason)"
        if let hint { text += "; \(hint)" }
        return text
    }
}
