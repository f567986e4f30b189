import Foundation
import Testing

@testable import PreflightCLI

/// `preflight check` with the package index: the embedded snapshot in Indexes/, offline.
@Suite struct CheckIndexTests {
    static let root = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let indexes = root.appending(path: "Indexes").path
    static let scenario = root.appending(path: "Fixtures/scenario-before").path

    /// Runs the tool on a thread of its own: commands that ask the index wait for it,
    /// which must not block a thread of the cooperative pool the tests run on.
    static func run(_ arguments: [String]) async -> (PreflightCLI.ExitStatus, CapturedConsole) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let captured = CapturedConsole()
                let status = runPreflight(arguments, console: captured.console, environment: [:])
                continuation.resume(returning: (status, captured))
            }
        }
    }

    /// Each finding of a JSON report by package name: its reason and fix.
    static func findings(_ json: String) throws -> [String: (reason: String, fix: String)] {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var found: [String: (reason: String, fix: String)] = [:]
        for key in ["blockers", "warnings"] {
            for case let finding as [String: Any] in object[key] as? [Any] ?? [] {
                guard let name = finding["name"] as? String else { continue }
                found[name] = (finding["reason"] as? String ?? "", finding["fix"] as? String ?? "")
            }
        }
        return found
    }

    struct FixCase: Sendable, CustomStringConvertible {
        var platform: String
        var package: String
        var fix: String
        var description: String { "\(package) on \(platform)" }
    }

    /// The scenario's facts, as the recorded index states them.
    static let fixCases: [FixCase] = [
        FixCase(
            platform: "debian", package: "grpcio",
            fix: "grpcio 1.75.1 is the first release with a wheel for cp314-manylinux_2_36_x86_64"),
        FixCase(
            platform: "debian", package: "greenlet",
            fix:
                "greenlet 3.2.3 is the first release with a wheel for cp314-manylinux_2_36_x86_64"),
        FixCase(
            platform: "alpine", package: "grpcio",
            fix: "grpcio 1.75.1 is the first release with a wheel for cp314-musllinux_1_2_x86_64"),
        FixCase(
            platform: "alpine", package: "greenlet",
            fix: "greenlet 3.2.4 is the first release with a wheel for cp314-musllinux_1_2_x86_64"),
        FixCase(
            platform: "alpine", package: "grpcio-tools",
            fix: "grpcio-tools 1.75.1 is the first release with a wheel for cp314-musllinux"),
    ]

    @Test(arguments: fixCases)
    func snapshotNamesTheFirstReleaseWithAWheel(_ test: FixCase) async throws {
        let (status, captured) = await Self.run([
            "check", Self.scenario, "--platform", test.platform, "--index-snapshot",
            Self.indexes, "--format", "json",
        ])
        #expect(status == .notReady)
        #expect(captured.errorText == "")
        let finding = try #require(try Self.findings(captured.outputText)[test.package])
        #expect(finding.reason == "no-compatible-wheel")
        #expect(finding.fix.hasPrefix(test.fix), "\(finding.fix)")
    }

    @Test func pinsStillNameThePackageThatMustMove() async throws {
        let (_, captured) = await Self.run([
            "check", Self.scenario, "--index-snapshot", Self.indexes,
        ])
        #expect(
            captured.outputText.contains(
                "shippo-core 1.0.20230105120000 pins `grpcio ==1.54.2`, so shippo-core must"))
    }

    @Test func offlineIsTheLockAlone() async throws {
        let (status, captured) = await Self.run([
            "check", Self.scenario, "--offline", "--format", "json",
        ])
        #expect(status == .notReady)
        #expect(captured.errorText == "")
        let grpcio = try #require(try Self.findings(captured.outputText)["grpcio"])
        #expect(grpcio.fix.hasPrefix("needs a release of grpcio with a wheel for cp314; run"))
    }

    @Test func aMissingSnapshotNamedOnTheCommandLineExitsWith3() async {
        let (status, captured) = await Self.run([
            "check", Self.scenario, "--index-snapshot", "/nonexistent/snapshot",
        ])
        #expect(status == .network)
        #expect(captured.outputText == "")
        #expect(
            captured.errorText
                == "error: cannot use '/nonexistent/snapshot': no such snapshot directory\n")
    }

    @Test func packagesMissingFromTheSnapshotKeepTheLocksAdvice() async throws {
        let empty = FileManager.default.temporaryDirectory
            .appending(path: "preflight-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let (status, captured) = await Self.run([
            "check", Self.scenario, "--index-snapshot", empty.path, "--format", "json",
        ])
        #expect(status == .notReady)
        #expect(
            captured.errorText.hasPrefix(
                "warning: the package index could not answer for confluent-kafka, greenlet,"
                    + " grpcio and 3 more: "))
        let grpcio = try #require(try Self.findings(captured.outputText)["grpcio"])
        #expect(grpcio.fix.hasPrefix("needs a release of grpcio"))
    }

    /// A release with only an sdist, while a later release ships platform wheels.
    @Test func sdistOnlyBecomesNativeWhenOtherReleasesShipWheels() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appending(path: "preflight-native-\(UUID().uuidString)")
        let snapshot = folder.appending(path: "snapshot")
        try FileManager.default.createDirectory(at: snapshot, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        [tool.poetry]
        name = "natsvc"
        version = "0.1.0"
        package-mode = false

        [tool.poetry.dependencies]
        python = ">=3.11"
        natpkg = "1.0"
        """.write(to: folder.appending(path: "pyproject.toml"), atomically: true, encoding: .utf8)
        try """
        [[package]]
        name = "natpkg"
        version = "1.0"
        description = ""
        optional = false
        python-versions = ">=3.8"
        groups = ["main"]
        files = [
            {file = "natpkg-1.0.tar.gz", hash = "sha256:00"},
        ]

        [metadata]
        lock-version = "2.1"
        python-versions = ">=3.11"
        content-hash = "0"
        """.write(to: folder.appending(path: "poetry.lock"), atomically: true, encoding: .utf8)
        try """
        {"name": "natpkg", "base": "https://files.example/", "metadata": {}, "files": [
          {"filename": "natpkg-1.0.tar.gz", "path": ""},
          {"filename": "natpkg-1.1-cp314-cp314-manylinux_2_17_x86_64.whl", "path": ""},
          {"filename": "natpkg-1.1.tar.gz", "path": ""}]}
        """.write(to: snapshot.appending(path: "natpkg.json"), atomically: true, encoding: .utf8)

        var (status, captured) = await Self.run([
            "check", folder.path, "--offline", "--format", "json",
        ])
        #expect(try Self.findings(captured.outputText)["natpkg"]?.reason == "sdist-only")

        (status, captured) = await Self.run([
            "check", folder.path, "--index-snapshot", snapshot.path, "--format", "json",
        ])
        #expect(status == .notReady)
        let natpkg = try #require(try Self.findings(captured.outputText)["natpkg"])
        #expect(natpkg.reason == "sdist-only-native")
        #expect(
            natpkg.fix
                == "natpkg 1.1 is the first release with a wheel for cp314-manylinux_2_36_x86_64"
                + " (and the newest); pyproject.toml pins it (`natpkg ==1.0`)")
    }

    @Test func versionsReadsTheSourcesOfAProject() async {
        var (status, captured) = await Self.run([
            "versions", "shippo-core", "--project", Self.scenario, "--index-snapshot",
            Self.indexes,
        ])
        #expect(status == .success)
        #expect(captured.outputText.contains("newest: 2.0.20251110090000"))

        (status, captured) = await Self.run([
            "versions", "shippo-core", "--project", "/nonexistent/project",
        ])
        #expect(status == .usage)
        #expect(
            captured.errorText
                == "error: invalid value '/nonexistent/project' for '--project': expected a"
                + " folder with a pyproject.toml\n")
    }

    @Test func versionsAnswersFromTheSnapshot() async {
        let (status, captured) = await Self.run([
            "versions", "grpcio", "--index-snapshot", Self.indexes + "/pypi", "--python", "3.14",
            "--platform", "alpine",
        ])
        #expect(status == .success)
        #expect(captured.errorText == "")
        #expect(captured.outputText.hasPrefix("grpcio for Python 3.14 on "))
        #expect(captured.outputText.contains("first compatible release: 1.75.1; newest: "))
        #expect(captured.outputText.contains("  1.74.0 "))
    }
}
