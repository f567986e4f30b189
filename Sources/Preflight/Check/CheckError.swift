/// Why a project could not be checked: missing or unreadable files, a bad target or an
/// unknown group. The command exits with status 2.
public struct CheckError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One lowercase phrase; file errors start with `file:line:column:`.
    public var message: String
    /// What to do about it, when something likely helps.
    public var hint: String?

    /// An error with `message` and an optional `hint`.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { message }

    /// The target's Python or platform cannot be read.
    static func invalidTarget(_ message: String) -> CheckError { CheckError(message) }
}
