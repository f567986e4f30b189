import Poetry
import Testing

@testable import Preflight

@Suite struct PoetryInstallationTests {
    static let debian = try! CheckTarget(python: "3.14", platform: "debian")

    /// The installed `name version` list and each package's groups for a small project.
    static func install(
        project: String, lock: String, groups: [String] = ["main"],
        target: CheckTarget = debian
    ) throws -> [String: [String]] {
        let pyproject = try Pyproject(
            parsing: "[tool.poetry]\nname = \"app\"\nversion = \"1.0\"\n" + project)
        let lock = try PoetryLock(
            parsing: lock + "\n[metadata]\nlock-version = \"2.1\"\npython-versions = \"*\"\n"
                + "content-hash = \"x\"\n")
        let installation = PoetryInstallation(
            lock: lock, pyproject: pyproject, groups: groups, target: target,
            projectName: "app", projectVersion: "1.0")
        var result: [String: [String]] = [:]
        for (index, groups) in installation.groupsByPackage {
            let package = lock.packages[index]
            result["\(package.name) \(package.version)"] = groups.sorted()
        }
        return result
    }

    @Test func markersOfEdgesAndPythonRestrictions() throws {
        let installed = try Self.install(
            project: "[tool.poetry.dependencies]\nclick = \"^8\"\n",
            lock: """
                [[package]]
                name = "click"
                version = "8.1.7"
                [package.dependencies]
                colorama = {version = "*", markers = "platform_system == \\"Windows\\""}
                tomli = {version = ">=1", python = "<3.11"}
                typing-extensions = {version = ">=4", python = "^3.8"}
                [[package]]
                name = "colorama"
                version = "0.4.6"
                [[package]]
                name = "tomli"
                version = "2.0.1"
                [[package]]
                name = "typing-extensions"
                version = "4.12.2"
                """)
        #expect(installed == ["click 8.1.7": ["main"], "typing-extensions 4.12.2": ["main"]])
    }

    /// An extra asked of a package enables its optional requirements, and the extras its
    /// `[package.extras]` entries name are asked of those packages in turn.
    @Test func extrasFollowTheChain() throws {
        let installed = try Self.install(
            project:
                "[tool.poetry.dependencies]\nfastapi = {version = \"*\", extras = [\"all\"]}\n",
            lock: """
                [[package]]
                name = "fastapi"
                version = "0.115.0"
                [package.dependencies]
                uvicorn = {version = ">=0.12", optional = true, extras = []}
                [package.extras]
                all = ["uvicorn[standard] (>=0.12)"]
                [[package]]
                name = "uvicorn"
                version = "0.30.0"
                [package.dependencies]
                uvloop = {version = ">=0.14", optional = true, markers = "extra == \\"standard\\""}
                httptools = {version = ">=0.5", optional = true, markers = "extra == \\"other\\""}
                [package.extras]
                standard = ["uvloop (>=0.14)"]
                other = ["httptools (>=0.5)"]
                [[package]]
                name = "uvloop"
                version = "0.20.0"
                [[package]]
                name = "httptools"
                version = "0.6.1"
                """)
        #expect(installed.keys.sorted() == ["fastapi 0.115.0", "uvicorn 0.30.0", "uvloop 0.20.0"])
    }

    /// An extra that asks for other extras of its own package (dask's `complete`) turns
    /// them on, transitively, as Poetry installs it.
    @Test func extrasOfThePackageItself() throws {
        let installed = try Self.install(
            project:
                "[tool.poetry.dependencies]\ndask = {version = \"*\", extras = [\"Complete\"]}\n",
            lock: """
                [[package]]
                name = "dask"
                version = "2026.8.0"
                [package.dependencies]
                numpy = {version = ">=1.24", optional = true, markers = "extra == \\"array\\""}
                pandas = {version = ">=2", optional = true, markers = "extra == \\"dataframe\\""}
                bokeh = {version = ">=3", optional = true, markers = "extra == \\"diagnostics\\""}
                lz4 = {version = ">=4", optional = true, markers = "extra == \\"complete\\""}
                [package.extras]
                array = ["numpy (>=1.24)"]
                complete = ["Dask[dataframe] ; python_version >= \\"3.10\\"", "lz4 (>=4)"]
                dataframe = ["dask[array]", "pandas (>=2)"]
                diagnostics = ["bokeh (>=3)"]
                [[package]]
                name = "numpy"
                version = "2.3.0"
                [[package]]
                name = "pandas"
                version = "3.0.0"
                [[package]]
                name = "bokeh"
                version = "3.8.0"
                [[package]]
                name = "lz4"
                version = "4.4.0"
                """)
        #expect(
            installed.keys.sorted() == [
                "dask 2026.8.0", "lz4 4.4.0", "numpy 2.3.0", "pandas 3.0.0",
            ])
    }

    /// Several locked versions of one name: the requirement's constraint chooses, then the
    /// lock markers of the group being walked.
    @Test func severalVersionsOfOneName() throws {
        let installed = try Self.install(
            project: """
                [tool.poetry.dependencies]
                numpy = [
                    {version = "^1.26", python = "<3.12"},
                    {version = "^2.1", python = ">=3.12"},
                ]
                [tool.poetry.group.dev.dependencies]
                legacy = "*"
                """,
            lock: """
                [[package]]
                name = "numpy"
                version = "1.26.4"
                groups = ["main"]
                markers = "python_version < \\"3.12\\""
                [[package]]
                name = "numpy"
                version = "2.4.6"
                groups = ["main", "dev"]
                markers = {main = "python_version >= \\"3.12\\"", \
                dev = "sys_platform == \\"win32\\""}
                [[package]]
                name = "legacy"
                version = "1.0"
                groups = ["dev"]
                [package.dependencies]
                numpy = "*"
                """,
            groups: ["dev", "main"])
        #expect(installed == ["numpy 2.4.6": ["main"], "legacy 1.0": ["dev"]])
    }

    @Test func missingNamesAreRecorded() throws {
        let pyproject = try Pyproject(
            parsing: "[tool.poetry]\nname = \"app\"\n[tool.poetry.dependencies]\nrich = \"^14\"\n")
        let lock = try PoetryLock(
            parsing: "[metadata]\nlock-version = \"2.1\"\npython-versions = \"*\"\n"
                + "content-hash = \"x\"\n")
        let installation = PoetryInstallation(
            lock: lock, pyproject: pyproject, groups: ["main"], target: Self.debian,
            projectName: "app", projectVersion: nil)
        #expect(installation.missing == ["rich"])
        #expect(installation.groupsByPackage.isEmpty)
    }

    /// Chains come shortest first and survive cycles in the lock.
    @Test func chainsShortestFirstThroughCycles() throws {
        let pyproject = try Pyproject(
            parsing:
                "[tool.poetry]\nname = \"app\"\n[tool.poetry.dependencies]\na = \"*\"\nc = \"1\"\n")
        let lock = try PoetryLock(
            parsing: """
                [[package]]
                name = "a"
                version = "1"
                [package.dependencies]
                b = ">=1"
                [[package]]
                name = "b"
                version = "1"
                [package.dependencies]
                a = "*"
                c = "1"
                [[package]]
                name = "c"
                version = "1"
                [metadata]
                lock-version = "2.1"
                python-versions = "*"
                content-hash = "x"
                """)
        let installation = PoetryInstallation(
            lock: lock, pyproject: pyproject, groups: ["main"], target: Self.debian,
            projectName: "app", projectVersion: nil)
        let chains = installation.chains(to: 2, depths: installation.depths())
        #expect(
            chains.map { $0.map(\.description).joined(separator: ", ") } == [
                "app → c ==1", "app → a, a 1 → b >=1, b 1 → c ==1",
            ])
    }

    /// A lock nesting thousands of packages in one line is walked without deep recursion,
    /// and only packages within ``PoetryInstallation/longestChain`` get chains.
    @Test func deepLinesOfRequirementsHaveBoundedChains() throws {
        let count = 3_000
        var text = ""
        for index in 0..<count {
            text += "[[package]]\nname = \"p\(index)\"\nversion = \"1\"\n"
            if index + 1 < count { text += "[package.dependencies]\np\(index + 1) = \"*\"\n" }
        }
        let installation = try PoetryInstallation(
            lock: PoetryLock(
                parsing: text + "[metadata]\nlock-version = \"2.1\"\ncontent-hash = \"x\"\n"),
            pyproject: Pyproject(parsing: "[tool.poetry.dependencies]\np0 = \"*\"\n"),
            groups: ["main"], target: Self.debian, projectName: "app", projectVersion: nil)
        #expect(installation.groupsByPackage.count == count)
        let depths = installation.depths()
        let limit = PoetryInstallation.longestChain
        #expect(installation.chains(to: limit - 1, depths: depths).map(\.count) == [limit])
        #expect(installation.chains(to: limit, depths: depths).isEmpty)
        #expect(installation.chains(to: count - 1, depths: depths).isEmpty)
    }

    struct PlatformCase: Sendable, CustomStringConvertible {
        var platform: String
        var allowsLinux: Bool
        var description: String { platform }
    }

    /// `platform` as poetry-core turns it into `sys_platform` markers.
    @Test(arguments: [
        PlatformCase(platform: "linux", allowsLinux: true),
        PlatformCase(platform: "darwin", allowsLinux: false),
        PlatformCase(platform: "linux || darwin", allowsLinux: true),
        PlatformCase(platform: "win32 | linux", allowsLinux: true),
        PlatformCase(platform: "win32||darwin", allowsLinux: false),
        PlatformCase(platform: "!=win32", allowsLinux: true),
        PlatformCase(platform: "!= linux", allowsLinux: false),
        PlatformCase(platform: "!=win32,!=darwin", allowsLinux: true),
        PlatformCase(platform: "== linux", allowsLinux: true),
        PlatformCase(platform: "*", allowsLinux: true),
        PlatformCase(platform: "Linux", allowsLinux: false),
        PlatformCase(platform: "linux darwin", allowsLinux: false),
    ])
    func platformRestrictions(_ test: PlatformCase) throws {
        let installed = try Self.install(
            project: "[tool.poetry.dependencies]\nsix = {version = \"*\", platform = \""
                + test.platform + "\"}\n",
            lock: "[[package]]\nname = \"six\"\nversion = \"1\"\n")
        #expect((installed["six 1"] != nil) == test.allowsLinux)
    }
}
