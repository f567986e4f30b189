/// One option a command accepts, such as `--python 3.14` or `--offline`.
public struct OptionSpec: Sendable {
    /// The long name including dashes, such as `--python`.
    public var name: String
    /// A one-letter alias including its dash, such as `-h`.
    public var shortName: String?
    /// The placeholder shown in help when the option takes a value, such as `VERSION`.
    public var valueName: String?
    /// Whether the option may be given more than once (`--with a --with b`).
    public var isRepeatable: Bool
    /// One line of help.
    public var help: String

    /// Whether the option is followed by a value.
    public var takesValue: Bool { valueName != nil }

    /// An option spelled `name` (with its dashes); `value` names its value in help.
    public init(
        _ name: String, short: String? = nil, value: String? = nil, repeatable: Bool = false,
        help: String
    ) {
        self.name = name
        self.shortName = short
        self.valueName = value
        self.isRepeatable = repeatable
        self.help = help
    }
}

/// A positional argument, such as `PROJECT` or `NAME...`.
public struct PositionalSpec: Sendable {
    /// The placeholder shown in usage, such as `PROJECT`.
    public var name: String
    /// Whether the argument may be left out.
    public var isOptional: Bool
    /// Whether it takes every remaining argument (`NAME...`).
    public var isRepeating: Bool
    /// One line of help.
    public var help: String

    /// A positional argument named `name` in usage and help.
    public init(_ name: String, optional: Bool = false, repeating: Bool = false, help: String) {
        self.name = name
        self.isOptional = optional
        self.isRepeating = repeating
        self.help = help
    }
}

/// A command or subcommand: its arguments, its help text and what it runs.
public struct CommandSpec: Sendable {
    /// The word that selects it, such as `check`.
    public var name: String
    /// One line shown in the parent's command list.
    public var summary: String
    /// Paragraphs shown under the usage line of `--help`.
    public var discussion: String
    /// The options of this command, without the common ones.
    public var options: [OptionSpec]
    /// The positional arguments, in order.
    public var positionals: [PositionalSpec]
    /// The commands beneath this one, such as `debug pep440`.
    public var subcommands: [CommandSpec]
    /// Runs the command; `nil` for a group that only holds subcommands.
    public var run: (@Sendable (ParsedArguments, Console) throws -> ExitStatus)?

    /// A command selected by `name`; `run` is `nil` for a group of subcommands.
    public init(
        name: String, summary: String, discussion: String = "", options: [OptionSpec] = [],
        positionals: [PositionalSpec] = [], subcommands: [CommandSpec] = [],
        run: (@Sendable (ParsedArguments, Console) throws -> ExitStatus)? = nil
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
        self.subcommands = subcommands
        self.run = run
    }

    /// The options accepted on every command.
    static let commonOptions: [OptionSpec] = [
        OptionSpec("--help", short: "-h", help: "Show help for this command."),
        OptionSpec(
            "--color", value: "WHEN", help: "Colour output: auto (default), always or never."),
        OptionSpec("--verbose", short: "-v", help: "Print debug lines on stderr."),
    ]

    /// Every option this command accepts, its own first.
    var allOptions: [OptionSpec] { options + Self.commonOptions }
}

/// The process exit status; see PRODUCT.md for the meaning of each.
public enum ExitStatus: Int32, Sendable {
    /// The project is ready, or the command succeeded.
    case success = 0
    /// Blockers were found or no solution exists.
    case notReady = 1
    /// Bad input or usage.
    case usage = 2
    /// The package index or network failed.
    case network = 3
}
