import TOML
import Testing

@testable import Poetry

@Suite struct PoetryLockTests {
    // MARK: - Real locks

    /// Every lock that a real Poetry wrote, with the pyproject.toml it was made from.
    static let realLocks: [String] = (try? TestResources.folders("real-locks")) ?? []

    @Test func realLocksArePresent() {
        #expect(Self.realLocks.count >= 13)
    }

    @Test(arguments: realLocks)
    func realLockParsesAndIsFresh(_ folder: String) throws {
        let text = try TestResources.text("real-locks/\(folder)/poetry.lock")
        let lock = try PoetryLock(parsing: text)
        let pyproject = try TOMLTable(
            parsing: try TestResources.text("real-locks/\(folder)/pyproject.toml"))

        // The folder is named poetry-<version>-<project>.
        let writer = folder.split(separator: "-")[1]
        if lock.lockVersion != .version11 { #expect(lock.generatedBy.map { $0[...] } == writer) }
        #expect(try lock.isFresh(for: pyproject))
        let project = try Pyproject(document: pyproject)
        let graph = try LockGraph(lock: lock, pyproject: project)
        // Every locked package is reached from the project's groups.
        let root = Set(project.groups.map(\.name))
        for package in lock.packages {
            let chains = graph.chains(to: package.name, groups: Array(root), limit: 1)
            #expect(!chains.isEmpty, "\(package.name)")
        }
        let scheme = try #require(ContentHashScheme(poetryVersion: String(writer)))
        #expect(try ContentHash.compute(pyproject: pyproject, scheme: scheme) == lock.contentHash)

        for package in lock.packages {
            #expect(!package.name.isEmpty && !package.version.isEmpty)
            if lock.lockVersion == .version21 {
                #expect(!package.groups.isEmpty, "\(package.name)")
            }
        }
    }

    @Test func lockVersionsOfRealLocks() throws {
        let expected: [String: PoetryLock.LockVersion] = [
            "poetry-1.1.15-delta": .version11, "poetry-1.8.5-alpha": .version20,
            "poetry-2.5.1-alpha": .version21,
        ]
        for (folder, version) in expected {
            let lock = try PoetryLock(
                parsing: try TestResources.text("real-locks/\(folder)/poetry.lock"))
            #expect(lock.lockVersion == version, "\(folder)")
        }
    }

    @Test func newerHashRejectsLockFromOlderPoetryWithChangedGroups() throws {
        // gamma has [dependency-groups]: its 2.2.1 lock is fresh for Poetry 2.5 (which
        // falls back to the old hash for locks from before 2.3), but not for 2.5's own
        // hash, and a 2.5.1 lock is not fresh by 2.2's rules.
        let pyproject = try TOMLTable(
            parsing: try TestResources.text("real-locks/poetry-2.2.1-gamma/pyproject.toml"))
        let old = try PoetryLock(
            parsing: try TestResources.text("real-locks/poetry-2.2.1-gamma/poetry.lock"))
        let new = try PoetryLock(
            parsing: try TestResources.text("real-locks/poetry-2.5.1-gamma/poetry.lock"))
        #expect(try old.isFresh(for: pyproject, checkedBy: .poetry23))
        #expect(try new.isFresh(for: pyproject, checkedBy: .poetry23))
        #expect(try !new.isFresh(for: pyproject, checkedBy: .poetry2))
        #expect(old.contentHash != new.contentHash)
        // A 1.8 lock of a project with [project] keys is stale for Poetry 2.
        let beta = try TOMLTable(
            parsing: try TestResources.text("real-locks/poetry-2.5.1-beta/pyproject.toml"))
        let stale = PoetryLock(
            lockVersion: .version20, generatedBy: "1.8.5", pythonVersions: "*",
            contentHash: try ContentHash.compute(pyproject: beta, scheme: .poetry1), packages: [])
        #expect(try stale.isFresh(for: beta))
        #expect(try !stale.isFresh(for: beta, checkedBy: .poetry23))
    }

    /// Poetry counts a lock without a content-hash as stale; it is read, never fresh.
    @Test func lockWithoutContentHashIsNeverFresh() throws {
        let lock = try PoetryLock(parsing: "[metadata]\nlock-version = \"2.1\"\n")
        #expect(lock.contentHash.isEmpty)
        for scheme in ContentHashScheme.allCases {
            #expect(
                try !lock.isFresh(for: TOMLTable(parsing: "[tool.poetry]\n"), checkedBy: scheme))
        }
    }

    /// Lock-version 1.1 keeps every release's files under one name: with several releases,
    /// each gets the files whose names carry its version (and those without one).
    @Test func lockVersion11SplitsFilesBetweenReleases() throws {
        let lock = try PoetryLock(
            parsing: """
                [[package]]
                name = "Foo"
                version = "1.0"
                [[package]]
                name = "foo"
                version = "2.0.0"
                [[package]]
                name = "bar"
                version = "1"
                [metadata]
                lock-version = "1.1"
                content-hash = "x"
                [metadata.files]
                foo = [
                    {file = "foo-1.0-py3-none-any.whl", hash = "a"},
                    {file = "Foo-2.0-cp313-cp313-win_amd64.whl", hash = "b"},
                    {file = "foo-2.tar.gz", hash = "c"},
                    {file = "foo-latest.zip", hash = "d"},
                    {file = "foo.exe", hash = "e"},
                ]
                bar = [{file = "bar-2-py3-none-any.whl", hash = "f"}]
                """)
        #expect(
            lock.packages.map { $0.files.map(\.name) } == [
                ["foo-1.0-py3-none-any.whl", "foo-latest.zip", "foo.exe"],
                ["Foo-2.0-cp313-cp313-win_amd64.whl", "foo-2.tar.gz", "foo-latest.zip", "foo.exe"],
                ["bar-2-py3-none-any.whl"],
            ])
    }

    // MARK: - Each format

    @Test func lockVersion11() throws {
        let lock = try PoetryLock(parsing: try TestResources.text("locks/v1.1.lock"))
        #expect(lock.lockVersion == .version11)
        #expect(lock.generatedBy == nil)
        #expect(lock.pythonVersions == "^3.7")
        #expect(lock.extras == ["http": ["requests"]])
        #expect(lock.packages.map(\.name) == ["Flask", "click", "mylib", "requests"])

        let flask = try #require(lock.packages(named: "flask").first)
        #expect(flask.category == "main")
        #expect(flask.normalizedName == "flask")
        #expect(flask.files.map(\.name) == ["Flask-2.0.3-py3-none-any.whl"])
        #expect(flask.dependencies.map(\.name) == ["click", "itsdangerous", "Jinja2", "Werkzeug"])
        #expect(flask.extras["async"] == ["asgiref (>=3.2)"])
        #expect(flask.position == FilePosition(file: "poetry.lock", line: 1, column: 1))

        let click = try #require(lock.packages(named: "Click").first)
        #expect(click.files.count == 2)
        #expect(
            click.dependencies.first
                == LockedDependency(
                    name: "colorama", constraint: "*", markers: "platform_system == \"Windows\"",
                    position: FilePosition(file: "poetry.lock", line: 28, column: 1)))

        let mylib = try #require(lock.packages(named: "mylib").first)
        #expect(mylib.category == "dev" && mylib.isDevelop)
        #expect(mylib.source == LockedSource(type: "directory", url: "../mylib"))
        #expect(!mylib.isFromIndex)

        let requests = try #require(lock.packages(named: "requests").first)
        #expect(requests.isOptional)
        #expect(requests.dependencies.map(\.constraint) == [">=2017.4.17", ">=2.5,<3", ">=2.5,<4"])
        #expect(requests.dependencies[2].markers == "python_version >= \"3\"")
        #expect(requests.dependencies[2].position?.line == 56)
    }

    @Test func lockVersion20() throws {
        let lock = try PoetryLock(parsing: try TestResources.text("locks/v2.0.lock"))
        #expect(lock.lockVersion == .version20)
        #expect(lock.generatedBy == "1.8.3")
        let shippo = try #require(lock.packages(named: "shippo_core").first)
        #expect(shippo.version == "1.0.20230105120000")
        #expect(
            shippo.source
                == LockedSource(
                    type: "legacy", url: "https://pypi.internal.example/simple",
                    reference: "internal"))
        #expect(shippo.isFromIndex)
        #expect(shippo.dependencies[1].extras == ["fast"])
        #expect(shippo.dependencies[1].constraint == ">=4.21,<5")

        let tool = try #require(lock.packages(named: "tool").first)
        #expect(tool.source?.resolvedReference == "5d3c1a9e0f7b2c4d6e8f0a1b3c5d7e9f1a2b3c4d")
        #expect(tool.source?.subdirectory == "python")
        #expect(!tool.isFromIndex && !tool.isDevelop)
    }

    @Test func lockVersion21() throws {
        let lock = try PoetryLock(parsing: try TestResources.text("locks/v2.1.lock"))
        #expect(lock.lockVersion == .version21)
        let colorama = try #require(lock.packages(named: "colorama").first)
        #expect(colorama.groups == ["main", "dev"])
        #expect(colorama.markers.marker(forGroup: "dev") == "sys_platform == \"win32\"")
        #expect(colorama.markers.marker(forGroup: "main") == "platform_system == \"Windows\"")
        #expect(colorama.markers.marker(forGroup: "docs") == nil)

        let click = try #require(lock.packages(named: "click").first)
        #expect(click.markers == .unconditional)

        let archive = try #require(lock.packages(named: "archive").first)
        #expect(archive.markers == .all("extra == \"arch\""))
        #expect(archive.files.first?.url == "https://example.com/archive-1.0.tar.gz")
        #expect(!archive.isFromIndex)
    }

    @Test(
        arguments: [
            (
                "# This file is automatically @generated by Poetry 2.5.1 and should not be "
                    + "changed by hand.\n",
                "2.5.1"
            ),
            ("# @generated by Poetry 1.8.0b1 and\r\n[x]", "1.8.0b1"),
            ("[[package]]\n# generated by Poetry 1.0", nil),
            ("", nil),
            ("# Poetry ", nil),
        ] as [(String, String?)])
    func generatorVersion(_ text: String, _ version: String?) {
        #expect(PoetryLock.generator(of: text) == version)
    }

    // MARK: - Errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var lock: String
        var message: String
        var testDescription: String { message }
    }

    @Test func tomlErrorKeepsPosition() {
        #expect {
            try PoetryLock(parsing: "[metadata]\nlock-version = 'x\n")
        } throws: { error in
            "\(error)".hasPrefix("poetry.lock:2:18: ")
        }
    }

    @Test(arguments: [
        ErrorCase(
            lock: "[metadata]\nlock-version = \"3.0\"\ncontent-hash = \"x\"\n",
            message:
                "poetry.lock:2:16: lock-version '3.0' is not supported; expected 1.1, 2.0 or 2.1"),
        ErrorCase(
            lock: "[metadata]\nlock-version = \"1.0\"\ncontent-hash = \"x\"\n",
            message:
                "poetry.lock:2:16: lock-version '1.0' is not supported; expected 1.1, 2.0 or 2.1"),
        ErrorCase(lock: "[[package]]\nname = \"x\"\n", message: "missing table 'metadata'"),
        ErrorCase(
            lock: "metadata = 3\n",
            message: "poetry.lock:1:12: expected a table for 'metadata', found integer"),
        ErrorCase(
            lock: "[metadata]\ncontent-hash = \"x\"\n",
            message: "poetry.lock:1:1: missing key 'metadata.lock-version'"),
        ErrorCase(
            lock: "[metadata]\nlock-version = 2.1\n",
            message:
                "poetry.lock:2:16: expected a string for 'metadata.lock-version', found float"),
        ErrorCase(
            lock:
                "[[package]]\nname = \"six\"\n\n[metadata]\nlock-version = \"2.1\"\n"
                + "content-hash = \"x\"\n",
            message: "poetry.lock:1:1: missing key 'package 'six'.version'"),
        ErrorCase(
            lock: "[[package]]\nname = \"six\"\nversion = \"1\"\n[package.dependencies]\nidna = 3\n"
                + "[metadata]\nlock-version = \"2.1\"\ncontent-hash = \"x\"\n",
            message: "poetry.lock:5:8: expected a string, table or array for "
                + "'package 'six'.dependencies.idna', found integer"),
        ErrorCase(
            lock: "[[package]]\nname = \"six\"\nversion = \"1\"\nmarkers = [\"a\"]\n"
                + "[metadata]\nlock-version = \"2.1\"\ncontent-hash = \"x\"\n",
            message: "poetry.lock:4:11: expected a string or table for 'package 'six'.markers', "
                + "found array"),
        ErrorCase(
            lock: "[[package]]\nname = \"six\"\nversion = \"1\"\nfiles = [\"six.whl\"]\n"
                + "[metadata]\nlock-version = \"2.1\"\ncontent-hash = \"x\"\n",
            message: "poetry.lock:4:10: expected a table in 'package 'six'.files', found string"),
    ])
    func errorMessage(_ test: ErrorCase) {
        #expect(throws: (any Error).self) { try PoetryLock(parsing: test.lock) }
        do {
            _ = try PoetryLock(parsing: test.lock)
        } catch {
            #expect(error.description == test.message)
        }
    }
}
