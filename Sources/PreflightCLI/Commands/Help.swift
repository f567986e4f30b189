/// The `--help` text of `command`, reached through `path` from the root.
func helpText(for command: CommandSpec, path: [String]) -> String {
    let invocation = (["preflight"] + path).joined(separator: " ")
    var lines: [String] = []

    // Usage line: subcommand placeholder, options, positionals.
    var usage = "usage: \(invocation)"
    if !command.subcommands.isEmpty { usage += " <command>" }
    if !command.options.isEmpty { usage += " [options]" }
    for positional in command.positionals {
        let name = positional.name + (positional.isRepeating ? "..." : "")
        usage += positional.isOptional ? " [\(name)]" : " \(name)"
    }
    lines.append(usage)
    lines.append("")
    lines.append(command.summary)
    if !command.discussion.isEmpty {
        lines.append("")
        lines.append(command.discussion)
    }

    // Sections: commands, arguments, options.
    if !command.subcommands.isEmpty {
        lines.append("")
        lines.append("commands:")
        lines += table(command.subcommands.map { ($0.name, $0.summary) })
    }
    if !command.positionals.isEmpty {
        lines.append("")
        lines.append("arguments:")
        lines += table(command.positionals.map { ($0.name, $0.help) })
    }
    var options = command.allOptions
    if path.isEmpty { options.append(OptionSpec("--version", help: "Print the version.")) }
    lines.append("")
    lines.append("options:")
    lines += table(
        options.map { option in
            var label = option.shortName.map { "\($0), " } ?? ""
            label += option.name
            if let value = option.valueName { label += " \(value)" }
            return (label, option.help)
        })
    if !command.subcommands.isEmpty {
        lines.append("")
        lines.append("See '\(invocation) <command> --help' for a command's own options.")
    }
    return lines.joined(separator: "\n") + "\n"
}

/// Two aligned columns, indented by two spaces.
private func table(_ rows: [(String, String)]) -> [String] {
    let width = min(28, rows.map(\.0.count).max() ?? 0)
    return rows.map { label, text in
        let padding = String(repeating: " ", count: max(1, width - label.count + 2))
        if label.count > width {
            return "  \(label)\n" + String(repeating: " ", count: width + 4) + text
        }
        return "  \(label)\(padding)\(text)"
    }
}
