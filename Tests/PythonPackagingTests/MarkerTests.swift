import Testing

@testable import PythonPackaging

@Suite struct MarkerTests {
    /// A Linux host whose kernel release is not a PEP 440 version.
    static let linux = MarkerEnvironment(preparing: [
        "implementation_name": "cpython", "implementation_version": "3.14.0", "os_name": "posix",
        "platform_machine": "x86_64", "platform_python_implementation": "CPython",
        "platform_release": "5.15.0-1034-azure", "platform_system": "Linux",
        "platform_version": "", "python_full_version": "3.14.0", "python_version": "3.14",
        "sys_platform": "linux",
    ])

    struct EvaluationCase: Sendable, CustomTestStringConvertible {
        var marker: String
        /// The answer with no extra, with extra `foo-bar`, and with extras `foo_bar` and `x`
        /// (`nil`: evaluation fails).
        var results: [Bool?]
        var testDescription: String { marker }
    }

    // Answers from packaging 26.4's Marker.evaluate.
    @Test(arguments: [
        // Versions compare as versions; an invalid specifier falls back to strings.
        EvaluationCase(marker: "python_version > \"3.8\"", results: [true, true, true]),
        EvaluationCase(marker: "python_version > \"3.8.*\"", results: [false, false, false]),
        EvaluationCase(marker: "python_version == \"3.*\"", results: [true, true, true]),
        EvaluationCase(marker: "python_version != \"3.1*\"", results: [true, true, true]),
        EvaluationCase(marker: "python_version == \"3.14.0\"", results: [true, true, true]),
        EvaluationCase(marker: "python_version >= \"3.14.0a1\"", results: [true, true, true]),
        EvaluationCase(
            marker: "python_full_version < \"3.14.0rc1\"", results: [false, false, false]),
        EvaluationCase(marker: "implementation_version == \"3.14\"", results: [true, true, true]),
        EvaluationCase(marker: "python_version === \"3.14\"", results: [true, true, true]),
        // A value that is not a version never satisfies a version specifier.
        EvaluationCase(marker: "platform_release >= \"5.15\"", results: [false, false, false]),
        EvaluationCase(marker: "platform_release < \"6\"", results: [false, false, false]),
        EvaluationCase(
            marker: "platform_release == \"5.15.0-1034-azure\"", results: [true, true, true]),
        // Strings: only equality and containment mean something.
        EvaluationCase(marker: "os_name === \"posix\"", results: [nil, nil, nil]),
        EvaluationCase(marker: "os_name ~= \"posix\"", results: [nil, nil, nil]),
        EvaluationCase(marker: "os_name < \"z\"", results: [false, false, false]),
        EvaluationCase(marker: "os_name <= \"posix\"", results: [true, true, true]),
        EvaluationCase(marker: "\"pos\" in os_name", results: [true, true, true]),
        EvaluationCase(marker: "python_version in \"3.13 3.14\"", results: [true, true, true]),
        EvaluationCase(marker: "\"3.1\" in python_version", results: [true, true, true]),
        // The variable may stand on the right; a literal there is looked up as a name.
        EvaluationCase(marker: "\"3.15\" > python_version", results: [true, true, true]),
        EvaluationCase(marker: "\"os_name\" == \"posix\"", results: [nil, nil, nil]),
        EvaluationCase(marker: "\"3.14\" == \"python_version\"", results: [true, true, true]),
        EvaluationCase(
            marker: "python_version == python_full_version", results: [false, false, false]),
        // Extras: normalized, membership for several, no ordering.
        EvaluationCase(marker: "extra == \"Foo.Bar\"", results: [false, true, true]),
        EvaluationCase(marker: "\"Foo.Bar\" == extra", results: [false, true, true]),
        EvaluationCase(marker: "extra != \"x\"", results: [true, true, false]),
        EvaluationCase(marker: "extra < \"x\"", results: [false, false, nil]),
        // Every comparison is evaluated, even once the answer is known.
        EvaluationCase(
            marker: "os_name == \"posix\" or os_name ~= \"1\"", results: [nil, nil, nil]),
        EvaluationCase(
            marker: "os_name == \"nt\" and extra == \"foo-bar\" or python_version >= \"3\"",
            results: [true, true, true]),
    ])
    func evaluates(_ example: EvaluationCase) throws {
        let marker = try Marker(parsing: example.marker)
        let selections: [[String]] = [[], ["foo-bar"], ["foo_bar", "x"]]
        for (extras, expected) in zip(selections, example.results) {
            let result = try? marker.evaluate(in: MarkerTests.linux, extras: extras)
            #expect(result == expected, "extras \(extras)")
        }
    }

    @Test func missingVariableFailsEvaluation() throws {
        var environment = MarkerTests.linux
        environment["sys_platform"] = nil
        let marker = try Marker(parsing: "sys_platform == 'linux'")
        #expect(throws: MarkerEvaluationError.undefinedVariable("sys_platform")) {
            try marker.evaluate(in: environment)
        }
        let error = MarkerEvaluationError.undefinedVariable("sys_platform")
        #expect(
            error.description
                == "the environment does not define the marker variable 'sys_platform'")
    }

    @Test func setValuedVariables() throws {
        var environment = MarkerTests.linux
        environment["extras"] = .set(["Foo_Bar"])
        environment["dependency_groups"] = .set([])
        #expect(try Marker(parsing: "'foo.bar' in extras").evaluate(in: environment))
        #expect(try !Marker(parsing: "'dev' in dependency_groups").evaluate(in: environment))
        #expect(try Marker(parsing: "'dev' not in dependency_groups").evaluate(in: environment))
        #expect(throws: MarkerEvaluationError.self) {
            try Marker(parsing: "extras == 'foo'").evaluate(in: environment)
        }
    }

    @Test func untaggedBuildVersionIsRepaired() throws {
        let environment = MarkerEnvironment(preparing: [
            "python_full_version": "3.8.10+", "python_version": "3.8",
        ])
        #expect(try Marker(parsing: "python_full_version >= '3.8'").evaluate(in: environment))
    }

    struct RenderCase: Sendable {
        var input: String
        var rendered: String
    }

    // Renderings from packaging 26.4's str(Marker).
    @Test(arguments: [
        RenderCase(input: "((os_name=='a'))", rendered: "os_name == \"a\""),
        RenderCase(
            input: "(os_name=='a') or (os_name=='b' and os_name=='c')",
            rendered: "os_name == \"a\" or (os_name == \"b\" and os_name == \"c\")"),
        RenderCase(
            input: "((os_name=='a' or os_name=='b')) and os_name=='c'",
            rendered: "(os_name == \"a\" or os_name == \"b\") and os_name == \"c\""),
        RenderCase(
            input: "(os_name=='a' and os_name=='b')",
            rendered: "os_name == \"a\" and os_name == \"b\""),
        RenderCase(input: "os.name=='a'", rendered: "os_name == \"a\""),
        RenderCase(
            input: "platform.machine   not   in 'x\"y'",
            rendered: "platform_machine not in 'x\"y'"),
        RenderCase(input: "extra=='Foo__Bar'", rendered: "extra == \"foo-bar\""),
        RenderCase(input: "'Foo.Bar' in extras", rendered: "\"foo-bar\" in extras"),
        RenderCase(input: "sys.platform=='win32'", rendered: "sys_platform == \"win32\""),
    ])
    func renders(_ example: RenderCase) throws {
        #expect(try Marker(parsing: example.input).description == example.rendered)
    }

    @Test func bothQuotesCannotBeRendered() throws {
        let marker = try Marker(parsing: #"os_name == "a\x22b'c""#)
        #expect(marker.renderingProblem != nil)
        let environment = MarkerEnvironment(preparing: ["os_name": "a\"b'c"])
        #expect(try marker.evaluate(in: environment))
        #expect(throws: RequirementParseError.self) { try Marker(parsing: #"os_name == "a\"b""#) }
    }

    @Test func targetEnvironmentValues() throws {
        let target = try TargetEnvironment(python: "3.14t", platform: "alpine-arm64")
        let environment = target.markerEnvironment
        #expect(environment["python_version"] == .string("3.14"))
        #expect(environment["python_full_version"] == .string("3.14.0"))
        #expect(environment["platform_machine"] == .string("aarch64"))
        #expect(environment["sys_platform"] == .string("linux"))
        #expect(environment["extra"] == .string(""))
        let windows = try TargetEnvironment(python: "3.11.4", platform: "win_amd64")
        #expect(windows.markerEnvironment["platform_machine"] == .string("AMD64"))
        #expect(windows.markerEnvironment["os_name"] == .string("nt"))
        let requirement = try Requirement(
            parsing: "pywin32; sys_platform == 'win32' and python_version >= '3.8'")
        #expect(try requirement.applies(in: windows.markerEnvironment))
        #expect(try !requirement.applies(in: environment))
    }
}

extension MarkerTests {
    struct JoinCase: Sendable {
        var lhs: String
        var rhs: String
        var and: String
        var or: String
    }

    // Renderings of packaging 26.4's `Marker(lhs) & Marker(rhs)` and `|`.
    @Test(arguments: [
        JoinCase(
            lhs: "os_name == 'a'", rhs: "os_name == 'b'",
            and: "os_name == \"a\" and os_name == \"b\"", or: "os_name == \"a\" or os_name == \"b\""
        ),
        JoinCase(
            lhs: "os_name == 'a' and os_name == 'b'", rhs: "(os_name == 'c')",
            and: "os_name == \"a\" and os_name == \"b\" and os_name == \"c\"",
            or: "(os_name == \"a\" and os_name == \"b\") or os_name == \"c\""),
        JoinCase(
            lhs: "os_name == 'a' or os_name == 'b'", rhs: "((os_name == 'c' or os_name == 'd'))",
            and:
                "(os_name == \"a\" or os_name == \"b\") and (os_name == \"c\" or os_name == \"d\")",
            or: "os_name == \"a\" or os_name == \"b\" or os_name == \"c\" or os_name == \"d\""),
        JoinCase(
            lhs: "os_name == 'a' and os_name == 'b' or os_name == 'c'", rhs: "extra == 'x'",
            and: "(os_name == \"a\" and os_name == \"b\" or os_name == \"c\") and extra == \"x\"",
            or: "(os_name == \"a\" and os_name == \"b\" or os_name == \"c\") or extra == \"x\""),
    ])
    func joins(_ example: JoinCase) throws {
        let lhs = try Marker(parsing: example.lhs)
        let rhs = try Marker(parsing: example.rhs)
        #expect((lhs && rhs).description == example.and)
        #expect((lhs || rhs).description == example.or)
    }
}
