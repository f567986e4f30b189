import Foundation
import Testing

@testable import PreflightCLI

/// `preflight check` from the command line: exit statuses and messages.
@Suite struct CheckCommandTests {
    static let fixtures = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures").path

    static func run(_ arguments: [String]) -> (PreflightCLI.ExitStatus, CapturedConsole) {
        let captured = CapturedConsole()
        let status = runPreflight(arguments, console: captured.console, environment: [:])
        return (status, captured)
    }

    struct Case: Sendable, CustomStringConvertible {
        var arguments: [String]
        var status: PreflightCLI.ExitStatus
        var output: String = ""
        var errors: String = ""
        var description: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(
            arguments: ["check", "\(fixtures)/modern-ready"], status: .success,
            output: "READY: "),
        Case(
            arguments: ["check", "\(fixtures)/alpine-only-fails"], status: .success,
            output: "READY: "),
        Case(
            arguments: [
                "check", "\(fixtures)/alpine-only-fails", "--platform", "alpine", "--offline",
            ],
            status: .notReady, output: "BLOCKED: "),
        Case(
            arguments: ["check", "\(fixtures)/scenario-before", "--format", "json", "--offline"],
            status: .notReady, output: "{\n  \"project\": {"),
        Case(
            arguments: ["check", "\(fixtures)/scenario-before", "--format=markdown", "--offline"],
            status: .notReady, output: "## ❌ Preflight: blocked"),
        Case(
            arguments: ["check", "\(fixtures)/stale-lock", "--only", "main"],
            status: .notReady, output: "BLOCKED: "),
        Case(
            arguments: ["check", "/nonexistent/project"], status: .usage,
            errors: "error: no such project folder '/nonexistent/project'\n"),
        Case(
            arguments: ["check", "\(fixtures)/targets"], status: .usage,
            errors: """
                error: no pyproject.toml in '\(fixtures)/targets'
                hint: give the folder of a Poetry project: 'preflight check path/to/service'

                """),
        Case(
            arguments: ["check", "\(fixtures)/modern-ready", "--python", "2.7"],
            status: .usage,
            errors: """
                error: expected a Python version such as '3.14', '3.14.2' or '3.14t', found '2.7'

                """),
        Case(
            arguments: ["check", "\(fixtures)/modern-ready", "--platform", "amiga"],
            status: .usage,
            errors: """
                error: unsupported platform 'amiga'; expected debian, debian-arm64, alpine, \
                alpine-arm64 or a platform tag such as 'manylinux_2_28_x86_64'

                """),
        Case(
            arguments: ["check", "\(fixtures)/modern-ready", "--with", "nope"], status: .usage,
            errors: "error: unknown group 'nope'\nhint: the project has 'main', 'dev'\n"),
        Case(
            arguments: ["check", "\(fixtures)/modern-ready", "--only", "main", "--with", "dev"],
            status: .usage, errors: "error: '--only' cannot be used with '--with'\n"),
        Case(
            arguments: ["check", "\(fixtures)/modern-ready", "--format", "yaml"], status: .usage,
            errors: """
                error: invalid value 'yaml' for '--format': expected text, json or markdown

                """),
    ]

    @Test(arguments: cases)
    func exitStatusAndMessages(_ test: Case) {
        let (status, captured) = Self.run(test.arguments)
        #expect(status == test.status)
        #expect(captured.outputText.hasPrefix(test.output))
        if test.output.isEmpty { #expect(captured.outputText.isEmpty) }
        #expect(captured.errorText == test.errors)
    }

    /// Broken files are reported with file, line and column, never a crash.
    @Test func badFilesNameTheirPosition() throws {
        let folder = FileManager.default.temporaryDirectory
            .appending(path: "preflight-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pyproject = folder.appending(path: "pyproject.toml")
        let lock = folder.appending(path: "poetry.lock")

        try "[tool.poetry]\nname = \"x\"\n".write(to: pyproject, atomically: true, encoding: .utf8)
        var (status, captured) = Self.run(["check", folder.path])
        #expect(status == .usage)
        #expect(
            captured.errorText
                == "error: no poetry.lock in '\(folder.path)'\nhint: run 'poetry lock' there first;"
                + " a check reads the lock, not the index\n")

        try "[tool.poetry\n".write(to: pyproject, atomically: true, encoding: .utf8)
        (status, captured) = Self.run(["check", folder.path])
        #expect(status == .usage)
        #expect(captured.errorText.hasPrefix("error: \(folder.path)/pyproject.toml:1:13: "))

        try "[tool.poetry]\nname = \"x\"\n".write(to: pyproject, atomically: true, encoding: .utf8)
        try "".write(to: lock, atomically: true, encoding: .utf8)
        (status, captured) = Self.run(["check", folder.path])
        #expect(status == .usage)
        #expect(
            captured.errorText == "error: \(folder.path)/poetry.lock: missing table 'metadata'\n")

        try "[metadata\n".write(to: lock, atomically: true, encoding: .utf8)
        (status, captured) = Self.run(["check", folder.path])
        #expect(status == .usage)
        #expect(captured.errorText.hasPrefix("error: \(folder.path)/poetry.lock:1:10: "))

        try "[tool.poetry\n".write(to: pyproject, atomically: true, encoding: .utf8)
        (status, captured) = Self.run(["check", folder.path])
        #expect(status == .usage)
        #expect(captured.errorText.hasPrefix("error: \(folder.path)/pyproject.toml:1:13: "))

        try "[tool.preflight]\npython = 3.14\n".write(
            to: pyproject, atomically: true, encoding: .utf8)
        try "[metadata]\nlock-version = \"2.1\"\ncontent-hash = \"x\"\npython-versions = \"*\"\n"
            .write(to: lock, atomically: true, encoding: .utf8)
        (status, captured) = Self.run(["check", folder.path])
        #expect(status == .usage)
        #expect(
            captured.errorText
                == "error: \(folder.path)/pyproject.toml:2:1: expected a string for "
                + "'tool.preflight.python', found float\n")
    }

    /// `[tool.preflight]` sets the default target; options override it.
    @Test func projectSettingsChooseTheTarget() throws {
        let folder = FileManager.default.temporaryDirectory
            .appending(path: "preflight-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = URL(filePath: Self.fixtures).appending(path: "alpine-only-fails")
        var pyproject = try String(
            contentsOf: source.appending(path: "pyproject.toml"), encoding: .utf8)
        pyproject += "\n[tool.preflight]\nplatform = \"alpine\"\n"
        try pyproject.write(
            to: folder.appending(path: "pyproject.toml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: source.appending(path: "poetry.lock"), to: folder.appending(path: "poetry.lock"))

        var (status, captured) = Self.run(["check", folder.path, "--format", "json", "--offline"])
        #expect(captured.outputText.contains("\"name\": \"alpine\""))
        // [tool.preflight] is not hashed by Poetry, so only the wheels block.
        #expect(status == .notReady)
        (status, captured) = Self.run(["check", folder.path, "--platform", "debian"])
        #expect(status == .success)
    }
}
