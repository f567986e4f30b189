import Foundation
import Preflight
import Testing

@testable import PreflightCLI

/// Runs `preflight debug pep440` and `preflight debug poetry-constraint` over
/// the committed reference vectors, through the command line.
@Suite struct DebugToolVectorTests {
    struct VectorSet: Sendable, CustomStringConvertible {
        var tool: String
        var prefix: String
        var description: String { prefix }
    }

    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: [
        VectorSet(tool: "pep440", prefix: "PythonPackagingTests/Resources/pep440/parse"),
        VectorSet(tool: "pep440", prefix: "PythonPackagingTests/Resources/pep440/compare"),
        VectorSet(tool: "pep440", prefix: "PythonPackagingTests/Resources/pep440/contains"),
        VectorSet(tool: "pep440", prefix: "PythonPackagingTests/Resources/pep440/filter"),
        VectorSet(
            tool: "poetry-constraint",
            prefix: "PoetryTests/Resources/poetry-constraint/constraint"),
    ])
    func answersLikeTheReference(_ set: VectorSet) throws {
        let base = Self.testsFolder.appendingPathComponent(set.prefix)
        let requests = try String(
            contentsOf: base.appendingPathExtension("requests.jsonl"), encoding: .utf8)
        let expected = try String(
            contentsOf: base.appendingPathExtension("responses.jsonl"), encoding: .utf8
        )
        .split(separator: "\n").map(String.init)
        let captured = CapturedConsole(input: requests)
        #expect(runPreflight(["debug", set.tool], console: captured.console) == .success)
        let answers = captured.outputText.split(separator: "\n").map(String.init)
        #expect(answers.count == expected.count)
        var failures = 0
        for (index, (answer, reference)) in zip(answers, expected).enumerated() {
            let ours = try JSONValue(parsing: answer)
            let theirs = try JSONValue(parsing: reference)
            let agrees =
                theirs["valid"] == .bool(false) ? ours["valid"] == .bool(false) : ours == theirs
            if !agrees {
                failures += 1
                if failures <= 10 { Issue.record("line \(index + 1): \(answer) vs \(reference)") }
            }
        }
        #expect(failures == 0)
    }

    @Test func badRequestLinesAnswerInvalidAndTheBatchGoesOn() {
        let captured = CapturedConsole(
            input: "not json\n{\"op\":\"frobnicate\"}\n{\"op\":\"parse\",\"version\":\"1.0\"}\n")
        #expect(runPreflight(["debug", "pep440"], console: captured.console) == .success)
        let lines = captured.outputText.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("{\"valid\":false,\"error\":"))
        #expect(lines[1].hasPrefix("{\"valid\":false,\"error\":\"expected 'op' to be"))
        #expect(lines[2].hasPrefix("{\"valid\":true,\"normalized\":\"1.0\""))
    }
}
