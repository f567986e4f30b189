/// What the command line asks for once parsed.
public enum Invocation: Sendable {
    /// Run `command` with `arguments`.
    case run(CommandSpec, ParsedArguments)
    /// Show the help of the command reached by `path`.
    case help(CommandSpec, path: [String])
    /// Print the tool's version.
    case version
}

/// Parses `arguments` (without the program name) against the command tree under `root`.
///
/// Accepts `--opt value`, `--opt=value`, `-h`, and `--` to end options; an unknown
/// command or option is reported with the closest valid spelling.
public func parseArguments(_ arguments: [String], root: CommandSpec) throws(UsageError)
    -> Invocation
{
    var command = root
    var parsed = ParsedArguments()
    var wantsHelp = false
    var optionsEnded = false
    var index = 0

    while index < arguments.count {
        let argument = arguments[index]
        index += 1

        // A command word selects a subcommand while the current command has some.
        if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
            if !optionsEnded, !command.subcommands.isEmpty, parsed.positionals.isEmpty {
                guard let sub = command.subcommands.first(where: { $0.name == argument }) else {
                    if command.run != nil, !command.positionals.isEmpty {
                        parsed.positionals.append(argument)
                        continue
                    }
                    let names = command.subcommands.map(\.name)
                    throw .unknownCommand(
                        argument, suggestion: closestMatch(to: argument, among: names),
                        path: (["preflight"] + parsed.commandPath).joined(separator: " "))
                }
                command = sub
                parsed.commandPath.append(sub.name)
                continue
            }
            parsed.positionals.append(argument)
            continue
        }
        if argument == "--" {
            optionsEnded = true
            continue
        }

        // `--version` is understood by the root command only.
        if argument == "--version", parsed.commandPath.isEmpty { return .version }

        // An option, with its value inline or in the next argument.
        let (name, inlineValue) = splitOption(argument)
        let options = command.allOptions
        guard let option = options.first(where: { $0.name == name || $0.shortName == name })
        else {
            let names = options.map(\.name) + (parsed.commandPath.isEmpty ? ["--version"] : [])
            throw .unknownOption(name, suggestion: closestMatch(to: name, among: names))
        }
        if option.name == "--help" {
            wantsHelp = true
            continue
        }
        guard option.takesValue else {
            if inlineValue != nil { throw .unexpectedValue(option: option.name) }
            parsed.flags.insert(option.name)
            continue
        }
        let value: String
        if let inlineValue {
            value = inlineValue
        } else if index < arguments.count, !looksLikeOption(arguments[index]) {
            value = arguments[index]
            index += 1
        } else {
            throw .missingValue(option: option.name)
        }
        if parsed.values[option.name] != nil, !option.isRepeatable {
            parsed.values[option.name] = [value]
        } else {
            parsed.values[option.name, default: []].append(value)
        }
    }

    if wantsHelp || command.run == nil { return .help(command, path: parsed.commandPath) }
    try validate(parsed, against: command)
    return .run(command, parsed)
}

/// Splits `--name=value` into its name and value.
private func splitOption(_ argument: String) -> (String, String?) {
    guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
        return (argument, nil)
    }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
}

/// Whether `argument` reads as an option rather than a value (`-1` is a value).
private func looksLikeOption(_ argument: String) -> Bool {
    guard argument.hasPrefix("-"), argument.count > 1 else { return false }
    return !(argument.dropFirst().first?.isNumber ?? false)
}

/// Checks the positional count and the values of the common options.
private func validate(_ parsed: ParsedArguments, against command: CommandSpec)
    throws(UsageError)
{
    if let color = parsed.value("--color"), !["auto", "always", "never"].contains(color) {
        throw .invalidValue(option: "--color", value: color, expected: "auto, always or never")
    }
    let required = command.positionals.filter { !$0.isOptional }
    if parsed.positionals.count < required.count {
        throw .missingArgument(required[parsed.positionals.count].name)
    }
    let repeats = command.positionals.last?.isRepeating ?? false
    if !repeats, parsed.positionals.count > command.positionals.count {
        throw .unexpectedArgument(parsed.positionals[command.positionals.count])
    }
}
