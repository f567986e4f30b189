import Foundation
import PythonPackaging
import TOML
import Testing

@testable import Poetry

/// The whole-project fixtures under the repository's `Fixtures/` folder.
enum Fixtures {
    static let root = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures")

    /// The fixture folders that hold a poetry.lock.
    static let projects: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: root.appending(path: "\($0)/poetry.lock").path)
        }.sorted()
    }()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appending(path: path), encoding: .utf8)
    }

    /// One expected report of a fixture: the installed packages for one target.
    struct Expectation: Decodable, Sendable {
        struct Target: Decodable, Sendable {
            var name: String
        }
        struct Package: Decodable, Sendable, Hashable {
            var name: String
            var version: String
        }
        var target: Target
        var groups: [String]
        var packages: [Package]
    }

    static func expectations(_ project: String) throws -> [Expectation] {
        let folder = root.appending(path: "\(project)/expected")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try files.filter { $0.hasSuffix(".json") }.sorted().map {
            try JSONDecoder().decode(
                Expectation.self, from: Data(contentsOf: folder.appending(path: $0)))
        }
    }
}

@Suite struct FixtureTests {
    @Test func fixturesArePresent() {
        #expect(Fixtures.projects.count >= 10)
    }

    @Test(arguments: Fixtures.projects)
    func lockParsesAndContentHashMatches(_ project: String) throws {
        let lock = try PoetryLock(parsing: try Fixtures.text("\(project)/poetry.lock"))
        let pyproject = try Pyproject(parsing: try Fixtures.text("\(project)/pyproject.toml"))
        // stale-lock is stale on purpose: its pyproject.toml changed after locking.
        #expect(try lock.isFresh(for: pyproject.document) == (project != "stale-lock"))
        let graph = try LockGraph(lock: lock, pyproject: pyproject)
        let groups = pyproject.groups.map(\.name)
        for package in lock.packages {
            #expect(
                !graph.chains(to: package.name, groups: groups, limit: 1).isEmpty,
                "\(package.name) is reached from no project dependency")
        }
    }

    @Test(arguments: Fixtures.projects)
    func installedPackagesMatchGroundTruth(_ project: String) throws {
        let lock = try PoetryLock(parsing: try Fixtures.text("\(project)/poetry.lock"))
        let pyproject = try Pyproject(parsing: try Fixtures.text("\(project)/pyproject.toml"))
        let graph = try LockGraph(lock: lock, pyproject: pyproject)
        for expectation in try Fixtures.expectations(project) {
            let environment = try TargetEnvironment(
                python: "3.14", platform: expectation.target.name)
            let installed = graph.installedPackages(
                groups: expectation.groups, environment: environment.markerEnvironment)
            let found = Set(
                installed.map {
                    Fixtures.Expectation.Package(name: $0.normalizedName, version: $0.version)
                })
            let expected = Set(
                expectation.packages.map {
                    Fixtures.Expectation.Package(
                        name: PackageName.normalize($0.name), version: $0.version)
                })
            #expect(found.subtracting(expected).isEmpty, "\(expectation.target.name): extra")
            #expect(expected.subtracting(found).isEmpty, "\(expectation.target.name): missing")
        }
    }
}
