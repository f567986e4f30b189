import Foundation
import Testing

@testable import Preflight

/// The whole-project fixtures under the repository's `Fixtures/` folder.
enum Fixtures {
    static let root = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures")

    /// `Fixtures/<name>` as a path.
    static func path(_ name: String) -> String { root.appending(path: name).path }

    /// The fixture folders that hold a poetry.lock.
    static let projects: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: root.appending(path: "\($0)/poetry.lock").path)
        }.sorted()
    }()

    static let targets = ["debian", "alpine", "debian-arm64"]

    /// One fixture on one target.
    struct Case: Sendable, CustomStringConvertible {
        var project: String
        var target: String
        var description: String { "\(project) on \(target)" }
    }

    static let cases: [Case] = projects.flatMap { project in
        targets.map { Case(project: project, target: $0) }
    }

    static func expected(_ fixture: Case) throws -> JSONValue {
        let url = root.appending(path: "\(fixture.project)/expected/\(fixture.target).json")
        return try JSONValue(parsing: String(contentsOf: url, encoding: .utf8))
    }
}

/// The real locks of the Poetry module's tests (Poetry 1.8.5 to 2.5.1) with ground truth
/// from Scripts/oracles/real_lock_ground_truth.sh.
enum RealLocks {
    static let locks = Fixtures.root.deletingLastPathComponent()
        .appending(path: "Tests/PoetryTests/Resources/real-locks")
    static let expectations = Fixtures.root.deletingLastPathComponent()
        .appending(path: "Tests/PreflightTests/Resources/real-locks")

    static let cases: [Fixtures.Case] = {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: expectations.path)) ?? []
        return names.sorted().flatMap { name in
            Fixtures.targets.map { Fixtures.Case(project: name, target: $0) }
        }
    }()
}

@Suite struct CheckFixtureTests {
    @Test func everyFixtureHasExpectations() {
        #expect(Fixtures.projects.count >= 10)
    }

    @Test func everyRealLockHasExpectations() {
        #expect(RealLocks.cases.count >= 36)
    }

    /// Verdict, blockers, warnings and packages (with the chosen file and groups) equal
    /// the ground truth of Scripts/oracles/check_ground_truth.py.
    @Test(arguments: Fixtures.cases)
    func matchesGroundTruth(_ fixture: Fixtures.Case) throws {
        try Self.compare(
            folder: Fixtures.path(fixture.project), target: fixture.target,
            expected: try Fixtures.expected(fixture))
    }

    /// The same for real locks written by several Poetry releases.
    @Test(arguments: RealLocks.cases)
    func realLockMatchesGroundTruth(_ fixture: Fixtures.Case) throws {
        let url = RealLocks.expectations.appending(
            path: "\(fixture.project)/\(fixture.target).json")
        try Self.compare(
            folder: RealLocks.locks.appending(path: fixture.project).path,
            target: fixture.target,
            expected: try JSONValue(parsing: String(contentsOf: url, encoding: .utf8)))
    }

    static func compare(folder: String, target name: String, expected: JSONValue) throws {
        let project = try Project(folder: folder)
        let target = try CheckTarget(python: "3.14", platform: name)
        let report = try LockCheck.run(project, target: target)
        let json = report.json

        #expect(json["verdict"] == expected["verdict"])
        #expect(json["groups"] == expected["groups"])
        #expect(json["missing_from_lock"] == expected["missing_from_lock"])
        #expect(report.lockVersion == expected["lock_version"]?.stringValue)
        for key in ["blockers", "warnings"] {
            let found = (json[key]?.arrayValue ?? []).map {
                Self.pick($0, ["name", "version", "reason", "groups"])
            }
            #expect(found == expected[key]?.arrayValue ?? [], "\(key)")
        }
        let packages = (json["packages"]?.arrayValue ?? []).map {
            Self.pick($0, ["name", "version", "file", "groups"])
        }
        let expectedPackages = expected["packages"]?.arrayValue ?? []
        #expect(packages.count == expectedPackages.count)
        for (found, wanted) in zip(packages, expectedPackages) where found != wanted {
            Issue.record("package \(found.rendered()) != \(wanted.rendered())")
        }
    }

    /// The members `keys` of `object`, in that order.
    static func pick(_ object: JSONValue, _ keys: [String]) -> JSONValue {
        .object(keys.map { ($0, object[$0] ?? .null) })
    }
}
