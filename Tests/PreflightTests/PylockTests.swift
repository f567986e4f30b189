import Foundation
import Testing

@testable import Preflight

@Suite struct PylockTests {
    static func project() throws -> Project {
        let url = try #require(
            Bundle.module.url(
                forResource: "pylock-project", withExtension: nil, subdirectory: "Resources"))
        return try Project(folder: url.path)
    }

    @Test func readsPackagesMarkersAndFiles() throws {
        let report = try LockCheck.run(
            try Self.project(), target: try CheckTarget(python: "3.14", platform: "debian"))
        #expect(report.lockFile == "pylock.toml")
        #expect(report.lockVersion == "1.0")
        #expect(report.groups == ["dev"])
        #expect(report.verdict == .blocked)
        #expect(
            report.packages.map { "\($0.name) \($0.version) \($0.groups) \($0.file ?? "-")" } == [
                "docopt 0.6.2 [\"main\"] docopt-0.6.2.tar.gz",
                "grpcio 1.54.2 [\"main\"] grpcio-1.54.2.tar.gz",
                "httpx 0.28.1 [\"main\"] httpx-0.28.1-py3-none-any.whl",
                "pytest 8.3.4 [\"dev\"] pytest-8.3.4-py3-none-any.whl",
                "ujson 5.10.0 [\"main\"] "
                    + "ujson-5.10.0-cp314-cp314-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            ])
        #expect(report.blockers.map(\.name) == ["grpcio"])
        #expect(report.blockers.first?.reason == .noCompatibleWheel)
        #expect(
            report.blockers.first?.detail
                == "wheels for cp311 on manylinux_2_17 x86_64 and musllinux_1_1 x86_64; none for "
                + "cp314; pip would compile grpcio-1.54.2.tar.gz from source")
        #expect(report.warnings.map(\.reason) == [.sdistOnly])
    }

    @Test func groupsAndTargetChangeTheInstalledSet() throws {
        let report = try LockCheck.run(
            try Self.project(), target: try CheckTarget(python: "3.14", platform: "win_amd64"),
            groups: GroupSelection(without: ["dev"]))
        #expect(report.groups == [])
        #expect(report.packages.map(\.name) == ["docopt", "grpcio", "httpx", "pywin32", "ujson"])
        // ujson has no Windows wheel and no sdist in this lock.
        #expect(report.blockers.map(\.name) == ["grpcio", "ujson"])
    }

    @Test func pythonRangeOfTheLockIsChecked() throws {
        let report = try LockCheck.run(
            try Self.project(), target: try CheckTarget(python: "3.10", platform: "debian"))
        let project = try #require(report.blockers.first { $0.name == "label-printer" })
        #expect(project.reason == .requiresPython)
        #expect(project.version == "1.2.0")
        #expect(
            project.detail
                == "the lock was made for Python >=3.11 (requires-python of pylock.toml), which"
                + " excludes 3.10.0")
    }

    struct BadLock: Sendable {
        var text: String
        var message: String
    }

    @Test(arguments: [
        BadLock(
            text: "lock-version = 2",
            message: "pylock.toml:1:1: expected a string for 'lock-version', found integer"),
        BadLock(
            text: "lock-version = \"2.0\"",
            message: "pylock.toml: lock-version '2.0' is not supported; expected 1.x"),
        BadLock(
            text: "lock-version = \"1.0\"\npackages = 3",
            message: "pylock.toml:2:1: expected an array of tables for 'packages', found integer"),
        BadLock(
            text: "lock-version = \"1.0\"\n[[packages]]\nname = \"a\"\nwheels = \"x\"",
            message: "pylock.toml:4:1: expected an array of tables for 'wheels', found string"),
        BadLock(
            text: "lock-version = \"1.0\"\n[x",
            message: "pylock.toml:2:3: expected ']' after table header 'x', found end of file"),
    ])
    func badLocksAreErrors(_ bad: BadLock) {
        #expect(throws: CheckError(bad.message)) {
            try Pylock(parsing: bad.text, file: "pylock.toml")
        }
    }
}
