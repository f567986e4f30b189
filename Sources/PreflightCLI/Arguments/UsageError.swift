/// A mistake in how the command line was written; the tool exits with status 2.
public enum UsageError: Error, Equatable, CustomStringConvertible {
    case unknownCommand(String, suggestion: String?, path: String)
    case unknownOption(String, suggestion: String?)
    case missingValue(option: String)
    case unexpectedValue(option: String)
    case unexpectedArgument(String)
    case missingArgument(String)
    case invalidValue(option: String, value: String, expected: String)
    case conflictingOptions(String, String)
    /// A `--python` or `--platform` value (or its `[tool.preflight]` default) that is
    /// not a target.
    case invalidTarget(String)

    public var description: String {
        switch self {
        case .unknownCommand(let name, let suggestion, let path):
            "unknown command '\(name)' for '\(path)'" + Self.hint(suggestion)
        case .unknownOption(let name, let suggestion):
            "unknown option '\(name)'" + Self.hint(suggestion)
        case .missingValue(let option):
            "option '\(option)' needs a value"
        case .unexpectedValue(let option):
            "option '\(option)' does not take a value"
        case .unexpectedArgument(let argument):
            "unexpected argument '\(argument)'"
        case .missingArgument(let name):
            "missing argument \(name)"
        case .invalidValue(let option, let value, let expected):
            "invalid value '\(value)' for '\(option)': expected \(expected)"
        case .conflictingOptions(let first, let second):
            "'\(first)' cannot be used with '\(second)'"
        case .invalidTarget(let message):
            message
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
