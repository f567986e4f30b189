import Testing

@testable import PreflightCLI

/// A small command tree that exercises every parsing rule.
private let sampleRoot = CommandSpec(
    name: "preflight", summary: "root",
    subcommands: [
        CommandSpec(
            name: "check", summary: "check",
            options: [
                OptionSpec("--python", value: "VERSION", help: "target"),
                OptionSpec("--with", value: "GROUP", repeatable: true, help: "groups"),
                OptionSpec("--offline", help: "offline"),
            ],
            positionals: [PositionalSpec("PROJECT", optional: true, help: "folder")]
        ) { _, _ in .success },
        CommandSpec(
            name: "debug", summary: "debug",
            subcommands: [CommandSpec(name: "pep440", summary: "pep440") { _, _ in .success }]),
    ])

@Suite struct ArgumentParserTests {
    struct Case: Sendable, CustomStringConvertible {
        var arguments: [String]
        var expected: ParsedArguments
        var description: String { arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        Case(
            arguments: ["check", "--python", "3.14"],
            expected: ParsedArguments(commandPath: ["check"], values: ["--python": ["3.14"]])),
        Case(
            arguments: ["check", "--python=3.14t", "proj"],
            expected: ParsedArguments(
                commandPath: ["check"], values: ["--python": ["3.14t"]], positionals: ["proj"])),
        Case(
            arguments: ["check", "--with", "dev", "--with", "test", "--offline"],
            expected: ParsedArguments(
                commandPath: ["check"], values: ["--with": ["dev", "test"]],
                flags: ["--offline"])),
        Case(
            arguments: ["check", "--", "--odd-folder"],
            expected: ParsedArguments(commandPath: ["check"], positionals: ["--odd-folder"])),
        Case(
            arguments: ["debug", "pep440"],
            expected: ParsedArguments(commandPath: ["debug", "pep440"])),
    ])
    func parsesValidCommandLines(_ sample: Case) throws {
        guard case .run(_, let parsed) = try parseArguments(sample.arguments, root: sampleRoot)
        else {
            Issue.record("expected a command to run")
            return
        }
        #expect(parsed == sample.expected)
    }

    struct FailureCase: Sendable, CustomStringConvertible {
        var arguments: [String]
        var message: String
        var description: String { arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        FailureCase(
            arguments: ["chek"],
            message: "unknown command 'chek' for 'preflight'; did you mean 'check'?"),
        FailureCase(
            arguments: ["check", "--pyhton", "3.14"],
            message: "unknown option '--pyhton'; did you mean '--python'?"),
        FailureCase(arguments: ["check", "--python"], message: "option '--python' needs a value"),
        FailureCase(
            arguments: ["check", "--offline=yes"],
            message: "option '--offline' does not take a value"),
        FailureCase(arguments: ["check", "a", "b"], message: "unexpected argument 'b'"),
        FailureCase(
            arguments: ["check", "--color", "sometimes"],
            message: "invalid value 'sometimes' for '--color': expected auto, always or never"),
        FailureCase(
            arguments: ["debug", "zzz"],
            message: "unknown command 'zzz' for 'preflight debug'"),
    ])
    func reportsUsageErrorsVerbatim(_ sample: FailureCase) {
        #expect(throws: UsageError.self) {
            try parseArguments(sample.arguments, root: sampleRoot)
        }
        do {
            _ = try parseArguments(sample.arguments, root: sampleRoot)
        } catch {
            #expect(error.description == sample.message)
        }
    }

    @Test func helpAndVersionWinOverRunning() throws {
        guard case .help(_, let path) = try parseArguments(["check", "-h"], root: sampleRoot)
        else {
            Issue.record("expected help")
            return
        }
        #expect(path == ["check"])
        guard case .version = try parseArguments(["--version"], root: sampleRoot) else {
            Issue.record("expected version")
            return
        }
        guard case .help = try parseArguments(["debug"], root: sampleRoot) else {
            Issue.record("a group without a subcommand shows its help")
            return
        }
    }

    @Test func suggestsOnlyCloseNames() {
        #expect(closestMatch(to: "resolv", among: ["resolve", "check"]) == "resolve")
        #expect(closestMatch(to: "xyz", among: ["resolve", "check"]) == nil)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("", "abc") == 3)
    }
}
