import PythonPackaging
import Testing

@testable import Poetry

@Suite struct LockGraphTests {
    static func scenario() throws -> LockGraph {
        let lock = try PoetryLock(parsing: try Fixtures.text("scenario-before/poetry.lock"))
        let pyproject = try Pyproject(
            parsing: try Fixtures.text("scenario-before/pyproject.toml"))
        return try LockGraph(lock: lock, pyproject: pyproject)
    }

    static let debian = try! TargetEnvironment(python: "3.14", platform: "debian")
        .markerEnvironment
    static let windows = try! TargetEnvironment(python: "3.10", platform: "win_amd64")
        .markerEnvironment

    @Test func chainsToPinnedPackage() throws {
        let chains = try Self.scenario().chains(to: "grpcio")
        let descriptions = chains.map(\.description)
        #expect(
            descriptions.contains(
                "main: rates-service → shippo-core[http,proto] ==1.0.20230105120000,"
                    + " shippo-core 1.0.20230105120000 → grpcio ==1.54.2"))
        #expect(
            descriptions.contains(
                "main: rates-service → shippo-core[http,proto] ==1.0.20230105120000,"
                    + " shippo-core 1.0.20230105120000 → grpcio-tools ==1.54.2,"
                    + " grpcio-tools 1.54.2 → grpcio >=1.54.2"))
        #expect(chains.allSatisfy { $0.package == "grpcio" && $0.applies == nil })
        #expect(chains.allSatisfy { $0.steps.first?.parentVersion == nil })
    }

    @Test func chainStepsApplyWithExtrasAlongTheChain() throws {
        let chains = try Self.scenario().chains(to: "grpcio-tools", environment: Self.debian)
        let viaExtra = try #require(chains.first)
        #expect(viaExtra.steps.map(\.requirement).last == "grpcio-tools ==1.54.2")
        #expect(viaExtra.steps.last?.marker == "extra == \"proto\"")
        // shippo-core is asked for with the proto extra, so its optional requirement holds.
        #expect(viaExtra.applies == true)
    }

    @Test func unknownPackageHasNoChains() throws {
        #expect(try Self.scenario().chains(to: "not-locked").isEmpty)
    }

    @Test func chainLimit() throws {
        #expect(try Self.scenario().chains(to: "grpcio", limit: 1).count == 1)
    }

    // MARK: - Small graphs

    /// A graph of the given lock text under a one-dependency project.
    static func graph(
        project dependencies: String, lock packages: String
    ) throws -> LockGraph {
        let pyproject = try Pyproject(
            parsing: "[tool.poetry]\nname = \"app\"\n[tool.poetry.dependencies]\n" + dependencies)
        let lock = try PoetryLock(
            parsing: packages
                + "\n[metadata]\nlock-version = \"2.0\"\ncontent-hash = \"x\"\n")
        return try LockGraph(lock: lock, pyproject: pyproject)
    }

    @Test func markersDecideWhetherEdgesApply() throws {
        let graph = try Self.graph(
            project: #"click = "^8""#,
            lock: """
                [[package]]
                name = "click"
                version = "8.1.7"
                [package.dependencies]
                colorama = {version = "*", markers = "platform_system == \\"Windows\\""}
                [[package]]
                name = "colorama"
                version = "0.4.6"
                """)
        let chain = try #require(graph.chains(to: "colorama", environment: Self.debian).first)
        #expect(chain.description == "main: app → click ^8, click 8.1.7 → colorama")
        #expect(chain.steps.map(\.applies) == [true, false])
        #expect(graph.chains(to: "colorama", environment: Self.windows).first?.applies == true)
        #expect(graph.installedPackages(environment: Self.debian).map(\.name) == ["click"])
        #expect(
            graph.installedPackages(environment: Self.windows).map(\.name)
                == ["click", "colorama"])
    }

    @Test func optionalRequirementsNeedTheirExtra() throws {
        let lock = """
            [[package]]
            name = "requests"
            version = "2.31.0"
            [package.dependencies]
            PySocks = {version = ">=1.5.6,!=1.5.7", optional = true}
            idna = ">=2.5,<4"
            [package.extras]
            socks = ["PySocks (>=1.5.6,!=1.5.7)"]
            [[package]]
            name = "pysocks"
            version = "1.7.1"
            [[package]]
            name = "idna"
            version = "3.6"
            """
        let plain = try Self.graph(project: #"requests = "^2""#, lock: lock)
        #expect(
            plain.installedPackages(environment: Self.debian).map(\.name) == ["requests", "idna"])
        let socks = try Self.graph(
            project: #"requests = { version = "^2", extras = ["socks"] }"#, lock: lock)
        #expect(
            socks.installedPackages(environment: Self.debian).map(\.name)
                == ["requests", "pysocks", "idna"])
        #expect(socks.chains(to: "pysocks", environment: Self.debian).first?.applies == true)
        #expect(plain.chains(to: "pysocks", environment: Self.debian).first?.applies == false)
    }

    @Test func projectExtrasAndPythonRestrictions() throws {
        let graph = try Self.graph(
            project: """
                python = "^3.9"
                redis = { version = "^5", optional = true }
                tomli = { version = "^2", python = "<3.11" }
                backport = { version = "1", python = "~3.10 || ^3.15" }
                [tool.poetry.extras]
                cache = ["redis"]
                """,
            lock: """
                [[package]]
                name = "redis"
                version = "5.0.0"
                [[package]]
                name = "tomli"
                version = "2.0.1"
                [[package]]
                name = "backport"
                version = "1"
                """)
        #expect(graph.installedPackages(environment: Self.debian).isEmpty)
        #expect(
            graph.installedPackages(environment: Self.windows).map(\.name)
                == ["tomli", "backport"])
        #expect(
            graph.installedPackages(environment: Self.debian, extras: ["cache"]).map(\.name)
                == ["redis"])
    }

    @Test func cyclesEndTheSearch() throws {
        let graph = try Self.graph(
            project: #"a = "1""#,
            lock: """
                [[package]]
                name = "a"
                version = "1"
                [package.dependencies]
                b = "1"
                [[package]]
                name = "b"
                version = "1"
                [package.dependencies]
                a = "1"
                c = "1"
                [[package]]
                name = "c"
                version = "1"
                """)
        #expect(
            graph.chains(to: "c").map(\.description)
                == ["main: app → a ==1, a 1 → b ==1, b 1 → c ==1"])
        #expect(graph.installedPackages(environment: Self.debian).map(\.name) == ["a", "b", "c"])
    }

    @Test func invalidMarkerIsAnError() throws {
        #expect(throws: PoetryError.self) {
            try Self.graph(
                project: #"a = { version = "1", markers = "python_version >>> '3'" }"#,
                lock: "[[package]]\nname = \"a\"\nversion = \"1\"\n")
        }
    }
}

@Suite struct LargeLockGraphTests {
    @Test func manyChainsAreDistinctAndStopAtTheLimit() throws {
        let folder = "real-locks/poetry-2.5.1-omega"
        let graph = try LockGraph(
            lock: try PoetryLock(parsing: try TestResources.text("\(folder)/poetry.lock")),
            pyproject: try Pyproject(parsing: try TestResources.text("\(folder)/pyproject.toml")))
        let all = graph.chains(to: "typing-extensions", groups: ["main", "dev", "docs"])
        #expect(all.count > 100)
        #expect(
            graph.chains(to: "typing-extensions", groups: ["main", "dev", "docs"], limit: 10)
                .count == 10)
        #expect(Set(all.map(\.description)).count == all.count)
        let environment = try TargetEnvironment(python: "3.14", platform: "debian")
        let installed = graph.installedPackages(environment: environment.markerEnvironment)
        #expect(installed.count > 150 && installed.count < graph.lock.packages.count)
    }
}
