import Preflight
import PythonPackaging

/// `preflight check`: will the locked project install on the target, wheels only?
let checkCommand = CommandSpec(
    name: "check",
    summary: "Will the locked project install on the target with wheels only?",
    discussion: """
        Reads pyproject.toml and poetry.lock (or a PEP 751 pylock.toml) and decides, for
        every package that installing the default groups puts on the target, which file
        pip would install. A package whose release has no wheel for the target (so pip
        would compile it from source), a release whose Python range excludes the target,
        and a lock that no longer matches pyproject.toml are blockers; a package that
        installs from source or without its compiled speedups is a warning.

        Unless --offline is given, the package index is asked about each blocked package
        (the project's sources, --index-url, or a snapshot from --index-snapshot or
        `index-snapshot` under [tool.preflight]): the fix then names the first release
        with a wheel for the target, and a release with only an sdist whose other
        releases ship compiled wheels becomes a blocker (sdist-only-native). When the
        index cannot answer, a warning says so and the lock alone decides.

        The target defaults to --python 3.14 --platform debian, or to `python` and
        `platform` under [tool.preflight] in pyproject.toml.

        Exit status: 0 ready, 1 blocked, 2 bad input, 3 an index named on the command
        line cannot be used.
        """,
    options: TargetOptions.specs + GroupOptions.specs + [
        OptionSpec(
            "--format", value: "FORMAT", help: "Report format: text (default), json or markdown.")
    ] + checkIndexOptions,
    positionals: [
        PositionalSpec("PROJECT", optional: true, help: "The project folder (default: .).")
    ],
    run: runCheck
)

/// The report formats of `--format`.
enum ReportFormat: String, CaseIterable {
    case text, json, markdown

    /// The `--format` value, `text` when absent.
    static func parse(_ parsed: ParsedArguments) throws(UsageError) -> ReportFormat {
        guard let value = parsed.value("--format") else { return .text }
        guard let format = ReportFormat(rawValue: value) else {
            throw .invalidValue(
                option: "--format", value: value, expected: "text, json or markdown")
        }
        return format
    }
}

@Sendable private func runCheck(_ parsed: ParsedArguments, console: Console) throws
    -> ExitStatus
{
    let format = try ReportFormat.parse(parsed)
    let groups = try GroupOptions.selection(parsed)
    var report: CheckReport
    do {
        let project = try Project(folder: parsed.positionals.first ?? ".")
        let target = try TargetOptions.target(parsed, project: project)
        console.debug(
            "target: Python \(target.pythonText) on \(target.name), "
                + "\(target.tags.count) supported tags, "
                + "best \(target.tags.first?.description ?? "-")"
        )
        report = try LockCheck.run(project, target: target, groups: groups)
        console.debug(
            "read \(project.folder)/\(project.lockFileName) (lock-version \(report.lockVersion)); "
                + "\(report.packages.count) packages installed for groups "
                + report.groups.joined(separator: ", "))
        switch try consultIndex(report, project: project, parsed: parsed, console: console) {
        case .success(let advised): report = advised
        case .failure(let failure): return failure.status
        }
    } catch let error as CheckError {
        console.error(error.message)
        if let hint = error.hint { console.hint(hint) }
        return .usage
    }

    switch format {
    case .text:
        console.write(
            report.text { text, style in console.styled(text, style.ansi, bold: style.isBold) })
    case .json:
        console.write(report.json.prettyRendered() + "\n")
    case .markdown:
        console.write(report.markdown)
    }
    return report.verdict == .ready ? .success : .notReady
}

extension ReportStyle {
    /// The terminal colour of each part of a report.
    var ansi: ANSIStyle {
        switch self {
        case .blocker: .red
        case .warning: .yellow
        case .ready: .green
        case .emphasis: .plain
        case .secondary: .dim
        }
    }

    /// Whether the part is bold: verdicts, marks and package names.
    var isBold: Bool { self != .secondary && self != .warning }
}
