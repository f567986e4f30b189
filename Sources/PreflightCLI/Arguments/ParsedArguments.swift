/// The command line after parsing: the selected command, its options and positionals.
public struct ParsedArguments: Sendable, Equatable {
    /// The command words from the root, such as `["debug", "pep440"]`.
    public var commandPath: [String]
    /// Values of options that take one, by long name, in the order given.
    public var values: [String: [String]]
    /// Flags that were given, by long name.
    public var flags: Set<String>
    /// Positional arguments in order.
    public var positionals: [String]

    /// Parsed arguments with the given parts; all empty by default.
    public init(
        commandPath: [String] = [], values: [String: [String]] = [:], flags: Set<String> = [],
        positionals: [String] = []
    ) {
        self.commandPath = commandPath
        self.values = values
        self.flags = flags
        self.positionals = positionals
    }

    /// The last value given for `option`.
    public func value(_ option: String) -> String? { values[option]?.last }

    /// Whether the flag `option` was given.
    public func has(_ option: String) -> Bool { flags.contains(option) }
}
