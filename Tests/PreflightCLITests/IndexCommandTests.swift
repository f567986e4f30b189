import Foundation
import Testing

@testable import PreflightCLI

@Suite struct VersionsCommandTests {
    var snapshot: String {
        Bundle.module.url(forResource: "snapshot", withExtension: nil, subdirectory: "Resources")?
            .path ?? "missing"
    }

    func run(_ arguments: [String]) async -> (PreflightCLI.ExitStatus, String, String) {
        await runOffThePool(
            ["versions", "Demo.Pkg", "--index-snapshot", snapshot, "--offline"] + arguments)
    }

    @Test func listsReleasesForAlpine() async {
        let (status, output, errors) = await run(["--platform", "alpine"])
        #expect(status == .success)
        #expect(errors.isEmpty)
        #expect(
            output == """
                demo-pkg for Python 3.14 on alpine
                  1.0      sdist only
                  1.1      sdist only
                  2.0      wheel  demo_pkg-2.0-cp314-cp314-musllinux_1_2_x86_64.whl  (yanked)
                  2.1      wheel  demo_pkg-2.1-cp314-cp314-musllinux_1_2_x86_64.whl
                  2.2      no wheel
                  3.0rc1   wheel  demo_pkg-3.0rc1-py3-none-any.whl
                first compatible release: 2.1; newest: 3.0rc1

                """)
    }

    @Test func rendersJSONWithStableKeys() async {
        let (status, output, _) = await run([
            "--python", "3.12", "--spec", ">=1.1,<2.2", "--format", "json",
        ])
        #expect(status == .success)
        #expect(
            output == """
                {"name":"demo-pkg","target":{"python":"3.12","platform":"debian"},"releases":[\
                {"version":"1.1","yanked":false,"prerelease":false,"compatible":true,\
                "best_file":"demo_pkg-1.1-cp312-cp312-\
                manylinux_2_17_x86_64.manylinux2014_x86_64.whl",\
                "requires_python":">=3.8"},\
                {"version":"2.0","yanked":true,"prerelease":false,"compatible":false,\
                "best_file":null,"requires_python":null},\
                {"version":"2.1","yanked":false,"prerelease":false,"compatible":false,\
                "best_file":null,"requires_python":null}]}

                """)
    }

    @Test func exitsOneWhenNothingFits() async {
        let (status, output, _) = await run(["--spec", "<2"])
        #expect(status == .notReady)
        #expect(output.hasSuffix("no listed release has a wheel for this target\n"))
    }

    @Test func exitsThreeOnAnIndexFailure() async {
        let (status, _, errors) = await runOffThePool(
            ["versions", "surely-absent-project", "--offline", "--index-snapshot", snapshot])
        #expect(status == .network)
        #expect(errors.hasPrefix("error: 'surely-absent-project' is not in the cache"))
    }

    struct UsageCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        UsageCase(
            arguments: ["--format", "xml"],
            message: "error: invalid value 'xml' for '--format': expected text or json\n"),
        UsageCase(
            arguments: ["--python", "2"],
            message: """
                error: invalid value '2' for '--python': expected a Python version such as \
                '3.14', '3.14.2' or '3.14t'

                """),
        UsageCase(
            arguments: ["--platform", "plan9"],
            message: """
                error: invalid value 'plan9' for '--platform': expected debian, debian-arm64, \
                alpine, alpine-arm64 or a platform tag

                """),
        UsageCase(
            arguments: ["--refresh"],
            message: "error: '--offline' cannot be used with '--refresh'\n"),
    ])
    func reportsUsageErrors(_ testCase: UsageCase) async {
        let (status, _, errors) = await run(testCase.arguments)
        #expect(status == .usage)
        #expect(errors == testCase.message)
    }
}

/// Runs the tool on a thread of its own, as the executable does on its main thread:
/// commands wait for index work synchronously, which must not block the pool the
/// tests run on.
func runOffThePool(_ arguments: [String]) async -> (PreflightCLI.ExitStatus, String, String) {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread {
            let captured = CapturedConsole()
            let status = runPreflight(arguments, console: captured.console)
            continuation.resume(returning: (status, captured.outputText, captured.errorText))
        }
    }
}
