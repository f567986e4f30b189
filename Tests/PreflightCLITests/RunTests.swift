import Foundation
import Testing

@testable import PreflightCLI

/// Captures what a run writes, for verbatim comparison.
final class CapturedConsole: @unchecked Sendable {
    var output = Data()
    var errors = Data()
    let input: Data

    init(input: String = "") { self.input = Data(input.utf8) }

    lazy var console = Console(
        input: { [input] in input }, output: { [unowned self] in output.append($0) },
        error: { [unowned self] in errors.append($0) })

    var outputText: String { String(decoding: output, as: UTF8.self) }
    var errorText: String { String(decoding: errors, as: UTF8.self) }
}

@Suite struct RunTests {
    @Test func unknownCommandExitsWithUsageStatus() {
        let captured = CapturedConsole()
        let status = runPreflight(["frobnicate"], console: captured.console)
        #expect(status == .usage)
        #expect(captured.errorText.hasPrefix("error: unknown command 'frobnicate'"))
        #expect(captured.outputText.isEmpty)
    }

    @Test func versionPrintsOneLine() {
        let captured = CapturedConsole()
        #expect(runPreflight(["--version"], console: captured.console) == .success)
        #expect(captured.outputText == "preflight \(preflightVersion)\n")
    }

    @Test func everyCommandHasHelp() {
        func visit(_ command: CommandSpec, path: [String]) {
            let captured = CapturedConsole()
            #expect(runPreflight(path + ["--help"], console: captured.console) == .success)
            #expect(captured.outputText.hasPrefix("usage: preflight"))
            for sub in command.subcommands { visit(sub, path: path + [sub.name]) }
        }
        visit(rootCommand, path: [])
    }
}

@Suite struct DebugProtocolTests {
    @Test func aLineThatIsNotJSONAnswersInvalidAndTheBatchGoesOn() {
        let captured = CapturedConsole(
            input: "not json\n{\"op\":\"compare\",\"a\":\"1.0\",\"b\":\"1.0.0\"}\n")
        #expect(runPreflight(["debug", "pep440"], console: captured.console) == .success)
        #expect(
            captured.outputText == """
                {"valid":false,"error":"invalid JSON request: expected a value at byte 0"}
                {"result":0}

                """)
    }
}
