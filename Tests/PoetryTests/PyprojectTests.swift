import Testing

@testable import Poetry

/// A pyproject.toml whose only dependency line is `line` under `[tool.poetry.dependencies]`.
private func project(dependency line: String) -> String {
    """
    [tool.poetry]
    name = "demo"

    [tool.poetry.dependencies]
    python = "^3.10"
    \(line)
    """
}

@Suite struct PyprojectTests {
    // MARK: - Dependency forms

    struct FormCase: Sendable, CustomTestStringConvertible {
        var line: String
        var expected: PoetryDependency
        var testDescription: String { line }
    }

    /// The location of the dependency on line 6 of ``project(dependency:)``.
    static func at(_ name: String, column: Int = 1, _ extra: String...) -> PoetryDependency.Location
    {
        PoetryDependency.Location(
            position: FilePosition(file: "pyproject.toml", line: 6, column: column),
            keyPath: ["tool", "poetry", "dependencies", name] + extra)
    }

    @Test(arguments: [
        FormCase(
            line: #"httpx = "^0.27""#,
            expected: PoetryDependency(name: "httpx", constraint: "^0.27", location: at("httpx"))),
        FormCase(
            line: #"httpx = { version = "^0.27", extras = ["http2", "socks"] }"#,
            expected: PoetryDependency(
                name: "httpx", constraint: "^0.27", extras: ["http2", "socks"],
                location: at("httpx"))),
        FormCase(
            line: #"uvloop = { version = "*", markers = "sys_platform != 'win32'" }"#,
            expected: PoetryDependency(
                name: "uvloop", markers: "sys_platform != 'win32'", location: at("uvloop"))),
        FormCase(
            line: #"tomli = { version = ">=1.1", python = "<3.11", platform = "linux" }"#,
            expected: PoetryDependency(
                name: "tomli", constraint: ">=1.1", python: "<3.11", platform: "linux",
                location: at("tomli"))),
        FormCase(
            line: #"torch = { version = "2.2.0", source = "pytorch" }"#,
            expected: PoetryDependency(
                name: "torch", constraint: "2.2.0", origin: .index(source: "pytorch"),
                location: at("torch"))),
        FormCase(
            line: #"rich = { version = "^13", optional = true, allow-prereleases = true }"#,
            expected: PoetryDependency(
                name: "rich", constraint: "^13", isOptional: true, allowsPrereleases: true,
                location: at("rich"))),
        FormCase(
            line: #"black = { version = "24.1a1", allows-prereleases = false }"#,
            expected: PoetryDependency(
                name: "black", constraint: "24.1a1", allowsPrereleases: false,
                location: at("black"))),
        FormCase(
            line: #"mylib = { path = "../mylib", develop = true }"#,
            expected: PoetryDependency(
                name: "mylib", origin: .path("../mylib", develop: true), location: at("mylib"))),
        FormCase(
            line: #"flask = { git = "https://github.com/pallets/flask.git", tag = "3.0.0" }"#,
            expected: PoetryDependency(
                name: "flask",
                origin: .git(
                    url: "https://github.com/pallets/flask.git", reference: "3.0.0",
                    subdirectory: nil),
                location: at("flask"))),
        FormCase(
            line: #"c = { git = "https://x/c.git", rev = "abc", subdirectory = "py" }"#,
            expected: PoetryDependency(
                name: "c",
                origin: .git(url: "https://x/c.git", reference: "abc", subdirectory: "py"),
                location: at("c"))),
        FormCase(
            line: #"archive = { url = "https://example.com/archive-1.0.tar.gz" }"#,
            expected: PoetryDependency(
                name: "archive",
                origin: .url("https://example.com/archive-1.0.tar.gz", subdirectory: nil),
                location: at("archive"))),
        FormCase(
            line: #""caf\u00e9" = "1""#,
            expected: PoetryDependency(name: "café", constraint: "1", location: at("café"))),
    ])
    func dependencyForm(_ test: FormCase) throws {
        let pyproject = try Pyproject(parsing: project(dependency: test.line))
        #expect(pyproject.python == "^3.10")
        #expect(pyproject.mainDependencies == [test.expected])
    }

    @Test func multipleConstraints() throws {
        let pyproject = try Pyproject(
            parsing: project(
                dependency: """
                    numpy = [
                        { version = "^1.24", python = "<3.12" },
                        { version = "^2.0", python = ">=3.12" },
                    ]
                    """))
        let numpy = pyproject.mainDependencies
        #expect(numpy.map(\.constraint) == ["^1.24", "^2.0"])
        #expect(numpy.map(\.python) == ["<3.12", ">=3.12"])
        #expect(numpy[1].location.keyPath == ["tool", "poetry", "dependencies", "numpy", "1"])
        #expect(numpy[1].location.position?.line == 8)
        #expect(numpy[1].location.position?.column == 5)
    }

    @Test func nonIndexDependenciesAreReported() throws {
        let pyproject = try Pyproject(
            parsing: project(
                dependency: """
                    a = { path = "../a" }
                    b = { git = "https://x/b.git" }
                    c = { url = "https://x/c.zip" }
                    d = "^1"
                    e = { version = "1", source = "internal" }
                    """))
        #expect(pyproject.mainDependencies.map(\.isFromIndex) == [false, false, false, true, true])
    }

    // MARK: - Errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var text: String
        var message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        ErrorCase(
            text: project(dependency: "httpx = 3"),
            message:
                "pyproject.toml:6:9: expected a string or table for dependency 'httpx', "
                + "found integer"
        ),
        ErrorCase(
            text: project(dependency: "httpx = [\"^1\"]"),
            message:
                "pyproject.toml:6:10: expected a table for each constraint of dependency "
                + "'httpx', found string"
        ),
        ErrorCase(
            text: project(dependency: "httpx = { verison = \"1\" }"),
            message:
                "pyproject.toml:6:11: unknown key 'verison' in dependency 'httpx'; did you "
                + "mean 'version'?"
        ),
        ErrorCase(
            text: project(dependency: "httpx = { version = 1 }"),
            message:
                "pyproject.toml:6:21: expected a string for 'version' of dependency "
                + "'httpx', found integer"
        ),
        ErrorCase(
            text: project(dependency: "httpx = { version = \"1\", optional = \"yes\" }"),
            message:
                "pyproject.toml:6:37: expected a boolean for 'optional' of dependency "
                + "'httpx', found string"
        ),
        ErrorCase(
            text: project(dependency: "httpx = { extras = \"socks\" }"),
            message:
                "pyproject.toml:6:20: expected an array for 'extras' of dependency "
                + "'httpx', found string"
        ),
        ErrorCase(
            text: project(dependency: "x = { path = \"a\", git = \"b\" }"),
            message: "pyproject.toml:6:19: dependency 'x' sets both 'path' and 'git'"),
        ErrorCase(
            text: "[tool.poetry.dependencies]\npython = 3.1\n",
            message: "pyproject.toml:2:10: expected a string for the python constraint, found float"
        ),
        ErrorCase(
            text: "[tool.poetry]\ndependencies = [\"a\"]\n",
            message:
                "pyproject.toml:2:16: expected a table for 'tool.poetry.dependencies', "
                + "found array"),
        ErrorCase(
            text: "[project]\ndependencies = [\"requests >=\"]\n",
            message:
                "pyproject.toml:2:17: invalid dependency 'requests >=': expected semicolon "
                + "(after name with no version specifier) or end, found '>='"
        ),
        ErrorCase(
            text: "[project]\ndependencies = [3]\n",
            message:
                "pyproject.toml:2:17: expected a dependency string in "
                + "'project.dependencies', found integer"
        ),
        ErrorCase(
            text: "[dependency-groups]\ndev = [{ include-group = \"test\" }]\n",
            message: "pyproject.toml:2:8: dependency group 'dev' includes undefined group 'test'"),
        ErrorCase(
            text: "[dependency-groups]\ntests = [\"a\"]\ndev = [{ include-group = \"test\" }]\n",
            message:
                "pyproject.toml:3:8: dependency group 'dev' includes undefined group "
                + "'test'; did you mean 'tests'?"
        ),
        ErrorCase(
            text: "[dependency-groups]\ndev = [{ include = \"test\" }]\n",
            message:
                "pyproject.toml:2:8: expected a dependency string or {include-group = "
                + "\"…\"} in 'dependency-groups.dev', found a table with keys 'include'"
        ),
        ErrorCase(
            text: "[dependency-groups]\ndev = [1]\n",
            message:
                "pyproject.toml:2:8: expected a dependency string or {include-group = "
                + "\"…\"} in 'dependency-groups.dev', found integer"
        ),
        ErrorCase(
            text:
                "[dependency-groups]\na = [{ include-group = \"b\" }]\nb = [{ "
                + "include-group = \"c\" }]\nc = [{ include-group = \"a\" }]\n",
            message:
                "pyproject.toml:4:6: dependency groups include each other in a cycle: 'a' "
                + "→ 'b' → 'c' → 'a'"
        ),
        ErrorCase(
            text: "[dependency-groups]\na = [\"x\", { include-group = \"A\" }]\n",
            message:
                "pyproject.toml:2:11: dependency groups include each other in a cycle: "
                + "'a' → 'A'"),
        ErrorCase(
            text:
                "[tool.poetry.group.a]\ninclude-groups = [\"b\"]\n[tool.poetry.group.b]\n"
                + "include-groups = [\"a\"]\n",
            message:
                "pyproject.toml:4:19: dependency groups include each other in a cycle: 'a' "
                + "→ 'b' → 'a'"
        ),
        ErrorCase(
            text: "[[tool.poetry.source]]\nname = \"x\"\npriority = \"secondery\"\n",
            message:
                "pyproject.toml:3:12: expected 'primary', 'supplemental' or 'explicit' for "
                + "the priority of source 'x', found 'secondery'"
        ),
        ErrorCase(
            text: "[[tool.poetry.source]]\nurl = \"https://x\"\n",
            message: "pyproject.toml:1:1: missing key 'tool.poetry.source.name'"),
        ErrorCase(
            text: "[tool.poetry.group.dev]\noptional = 1\n",
            message:
                "pyproject.toml:2:12: expected a boolean for "
                + "'tool.poetry.group.dev.optional', found integer"
        ),
    ])
    func errorMessage(_ test: ErrorCase) {
        #expect(throws: PoetryError.self) { try Pyproject(parsing: test.text) }
        do {
            _ = try Pyproject(parsing: test.text)
        } catch {
            #expect(error.description == test.message)
        }
    }

    @Test(arguments: [
        (#"httpx = "~>1.0""#, 9), (#"httpx = { version = "latest" }"#, 21),
        (#"httpx = """#, 9),
    ])
    func invalidConstraint(_ line: String, _ column: Int) {
        #expect {
            try Pyproject(parsing: project(dependency: line))
        } throws: { error in
            "\(error)".hasPrefix("pyproject.toml:6:\(column): invalid version constraint '")
                && "\(error)".contains("' for dependency 'httpx': ")
        }
    }

    @Test(arguments: [" ^ 1.0 ", "*", ">=1,<2 || 3.*", "~=2.0", "1.2.3"])
    func constraintsPoetryAccepts(_ constraint: String) throws {
        let pyproject = try Pyproject(parsing: project(dependency: "httpx = \"\(constraint)\""))
        #expect(pyproject.mainDependencies.first?.parsedConstraint != nil)
    }

    /// TOML errors keep the TOML module's message and gain the file name.
    @Test func tomlErrorNamesTheFile() {
        #expect {
            try Pyproject(parsing: "[tool.poetry]\nname = \"x\"\nname = \"y\"\n")
        } throws: { error in
            "\(error)".hasPrefix("pyproject.toml:3:1: ") && "\(error)".contains("already defined")
        }
    }

    // MARK: - Groups

    @Test func poetryGroupsAndLegacyDevelopmentDependencies() throws {
        let pyproject = try Pyproject(
            parsing: """
                [tool.poetry.dependencies]
                python = "^3.11"
                fastapi = "^0.110"

                [tool.poetry.group.test.dependencies]
                pytest = "^8.0"

                [tool.poetry.group.docs]
                optional = true

                [tool.poetry.group.docs.dependencies]
                mkdocs = "^1.5"

                [tool.poetry.group.ci]
                include-groups = ["test"]

                [tool.poetry.group.ci.dependencies]
                coverage = "^7"

                [tool.poetry.dev-dependencies]
                black = "^24"
                """)
        #expect(pyproject.groups.map(\.name) == ["main", "test", "docs", "ci", "dev"])
        #expect(pyproject.groups.map(\.isOptional) == [false, false, true, false, false])
        #expect(pyproject.group(named: "CI")?.includedGroups == ["test"])
        #expect(pyproject.dependencies(inGroup: "ci").map(\.name) == ["coverage", "pytest"])
        #expect(pyproject.group(named: "dev")?.dependencies.map(\.name) == ["black"])
        let pytest = try #require(pyproject.group(named: "test")?.dependencies.first)
        #expect(
            pytest.location.keyPath == [
                "tool", "poetry", "group", "test", "dependencies", "pytest",
            ])
        #expect(
            pytest.location.position == FilePosition(file: "pyproject.toml", line: 6, column: 1))
    }

    @Test func standardDependencyGroupsWithPoetrySettings() throws {
        let pyproject = try Pyproject(
            parsing: """
                [project]
                name = "demo"
                dependencies = ["attrs"]

                [dependency-groups]
                test = ["pytest>=8", "coverage[toml]"]
                docs = ["mkdocs"]
                dev = [{ include-group = "test" }, "ipython"]

                [tool.poetry.group.docs]
                optional = true

                [tool.poetry.group.docs.dependencies]
                mkdocs = { version = "^1.5", source = "mirror" }
                unused = "1"
                """)
        #expect(pyproject.groups.map(\.name) == ["main", "test", "docs", "dev"])
        let docs = try #require(pyproject.group(named: "docs"))
        #expect(docs.isOptional)
        #expect(docs.dependencies.map(\.constraint) == ["^1.5"])
        #expect(docs.dependencies.first?.origin == .index(source: "mirror"))
        #expect(docs.ignoredDependencies.map(\.name) == ["unused"])
        #expect(
            pyproject.dependencies(inGroup: "dev").map(\.name) == ["ipython", "pytest", "coverage"])
        let coverage = try #require(pyproject.group(named: "test")?.dependencies[1])
        #expect(coverage.extras == ["toml"])
        #expect(coverage.location.keyPath == ["dependency-groups", "test", "1"])
        #expect(coverage.location.position?.column == 22)
    }

    // MARK: - [project]

    @Test func projectWithPoetryEnrichment() throws {
        let pyproject = try Pyproject(
            parsing: """
                [project]
                name = "demo"
                requires-python = ">=3.10,<4"
                dependencies = [
                    "requests>=2.31",
                    "torch (>=2.2)",
                    "uvloop>=0.19; sys_platform != 'win32'",
                    "mylib",
                    "pkg @ git+https://github.com/x/pkg.git@v1.2#subdirectory=py",
                ]

                [project.optional-dependencies]
                pg = ["psycopg[binary]>=3.1"]

                [tool.poetry]
                package-mode = false

                [tool.poetry.dependencies]
                torch = { source = "pytorch" }
                mylib = { path = "../mylib", develop = true }
                requests = { version = "^2.32", allow-prereleases = true }
                ignored = "^1"

                [[tool.poetry.source]]
                name = "pytorch"
                url = "https://download.pytorch.org/whl/cpu"
                priority = "explicit"
                """)
        #expect(pyproject.name == "demo")
        #expect(pyproject.requiresPython == ">=3.10,<4")
        #expect(pyproject.python == nil)
        #expect(!pyproject.isPackageMode)
        let main = pyproject.mainDependencies
        #expect(main.map(\.name) == ["requests", "torch", "uvloop", "mylib", "pkg", "psycopg"])
        #expect(main[0].constraint == ">=2.31,^2.32")
        #expect(main[0].allowsPrereleases == true)
        #expect(
            main[0].enrichedBy.first?.keyPath == ["tool", "poetry", "dependencies", "requests"])
        #expect(main[1].origin == .index(source: "pytorch"))
        #expect(main[2].markers == #"sys_platform != "win32""#)
        #expect(main[3].origin == .path("../mylib", develop: true))
        #expect(
            main[4].origin
                == .git(url: "https://github.com/x/pkg.git", reference: "v1.2", subdirectory: "py"))
        #expect(main[5].isOptional && main[5].extra == "pg" && main[5].extras == ["binary"])
        #expect(pyproject.group(named: "main")?.ignoredDependencies.map(\.name) == ["ignored"])
        #expect(pyproject.extras.map(\.name) == ["pg"])
        #expect(pyproject.extras.first?.packages == ["psycopg"])
        #expect(
            pyproject.sources
                == [
                    PackageSource(
                        name: "pytorch", url: "https://download.pytorch.org/whl/cpu",
                        priority: .explicit,
                        position: FilePosition(file: "pyproject.toml", line: 24, column: 1))
                ])
    }

    @Test func projectWithoutDependenciesLeavesMainGroupToPoetry() throws {
        let pyproject = try Pyproject(
            parsing: """
                [project]
                name = "demo"
                dynamic = ["dependencies"]

                [tool.poetry.dependencies]
                python = "^3.9"
                requests = "^2.0"

                [tool.poetry.extras]
                all = ["requests"]
                """)
        #expect(pyproject.mainDependencies.map(\.name) == ["requests"])
        #expect(pyproject.python == "^3.9")
        #expect(pyproject.extras.first?.name == "all")
    }

    @Test(arguments: [
        ("dependencies = []", ["all"]),
        ("dependencies = [\"redis\"]", []),
        ("dynamic = [\"dependencies\"]", ["all"]),
    ])
    func poetryExtrasUnlessProjectDeclaresDependencies(_ line: String, _ extras: [String]) throws {
        let pyproject = try Pyproject(
            parsing: """
                [project]
                name = "demo"
                \(line)

                [tool.poetry.extras]
                all = ["redis"]
                """)
        #expect(pyproject.extras.map(\.name) == extras)
    }

    @Test func sourcesWithLegacyFlags() throws {
        let pyproject = try Pyproject(
            parsing: """
                [[tool.poetry.source]]
                name = "corp"
                url = "https://corp.example/simple/"
                default = true

                [[tool.poetry.source]]
                name = "extra"
                url = "https://extra.example/simple/"
                secondary = true

                [[tool.poetry.source]]
                name = "PyPI"
                priority = "supplemental"

                [[tool.poetry.source]]
                name = "mirror"
                url = "https://mirror.example/simple/"
                """)
        #expect(
            pyproject.sources.map(\.priority) == [.default, .secondary, .supplemental, .primary])
        #expect(
            pyproject.sources.map(\.url) == [
                "https://corp.example/simple/", "https://extra.example/simple/", nil,
                "https://mirror.example/simple/",
            ])
    }

    @Test func contentHashOfPyproject() throws {
        let text = try TestResources.text("real-locks/poetry-2.5.1-alpha/pyproject.toml")
        let lock = try PoetryLock(
            parsing: try TestResources.text("real-locks/poetry-2.5.1-alpha/poetry.lock"))
        #expect(try Pyproject(parsing: text).contentHash() == lock.contentHash)
    }
}
