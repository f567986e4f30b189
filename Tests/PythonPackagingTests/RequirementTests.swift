import Testing

@testable import PythonPackaging

@Suite struct RequirementTests {
    struct ParseCase: Sendable, CustomTestStringConvertible {
        var input: String
        var name: String
        var extras: [String] = []
        var specifier = ""
        var url: String?
        var marker: String?
        var testDescription: String { input }
    }

    // Answers checked against packaging 26.4.
    @Test(arguments: [
        ParseCase(input: "  name", name: "name"),
        ParseCase(
            input: "Name.With_Mixed-Case[Extra_One , extra2]  (>=1.0 , <2)",
            name: "Name.With_Mixed-Case", extras: ["Extra_One", "extra2"], specifier: "<2,>=1.0"),
        ParseCase(input: "name>=1,", name: "name", specifier: ">=1"),
        ParseCase(input: "name @ file:///tmp/x.whl", name: "name", url: "file:///tmp/x.whl"),
        ParseCase(
            input: "name@https://x/y.zip ;python_version<\"3\"", name: "name",
            url: "https://x/y.zip", marker: "python_version < \"3\""),
        ParseCase(input: "name;os.name==\"nt\"", name: "name", marker: "os_name == \"nt\""),
        ParseCase(
            input: "name; python_implementation == \"CPython\"", name: "name",
            marker: "platform_python_implementation == \"CPython\""),
        ParseCase(input: "name[]", name: "name"),
        ParseCase(input: "name (==1.0.*)", name: "name", specifier: "==1.0.*"),
        ParseCase(input: "name===abc", name: "name", specifier: "===abc"),
        ParseCase(input: "name; \"FOO\" in extras", name: "name", marker: "\"foo\" in extras"),
        ParseCase(
            input: "name; extra == \"Foo__Bar\" or \"X.Y\" == extra", name: "name",
            marker: "extra == \"foo-bar\" or \"x-y\" == extra"),
        ParseCase(
            input: "name; (os_name==\"a\" or os_name==\"b\") and os_name == \"c\"", name: "name",
            marker: "(os_name == \"a\" or os_name == \"b\") and os_name == \"c\""),
        ParseCase(
            input: "name; os_name==\"a\" or (os_name==\"b\" and (os_name==\"c\"))", name: "name",
            marker: "os_name == \"a\" or (os_name == \"b\" and os_name == \"c\")"),
        ParseCase(input: "name; os_name == \"it's\"", name: "name", marker: "os_name == \"it's\""),
        ParseCase(
            input: #"name; os_name == "\x41\u00e9\N{BULLET}""#, name: "name",
            marker: "os_name == \"A\u{e9}\u{2022}\""),
        ParseCase(
            input: "name;os_name==\"a\"and os_name==\"b\"", name: "name",
            marker: "os_name == \"a\" and os_name == \"b\""),
        ParseCase(
            input: #"name; os_name == "\N{zwj}\N{BYTE ORDER MARK}\N{CJK UNIFIED IDEOGRAPH-04E00}""#,
            name: "name", marker: "os_name == \"\u{200D}\u{FEFF}\u{4E00}\""),
        ParseCase(input: "name !=4.0.0a0,!=4.0.0a", name: "name", specifier: "!=4.0.0a"),
        ParseCase(input: "name ===\u{345}", name: "name", specifier: "===\u{345}"),
        ParseCase(
            input: "name; os_name == '\"\u{301}'", name: "name",
            marker: "os_name == '\"\u{301}'"),
    ])
    func parses(_ example: ParseCase) throws {
        let requirement = try Requirement(parsing: example.input)
        #expect(requirement.name.display == example.name)
        #expect(requirement.extras == example.extras)
        #expect(requirement.specifier.description == example.specifier)
        #expect(requirement.url == example.url)
        #expect(requirement.marker?.description == example.marker)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var input: String
        /// packaging's span for the same input.
        var span: Range<Int>
        var message: String
        var testDescription: String { input }
    }

    // Spans as packaging 26.4 reports them; the messages are ours.
    @Test(arguments: [
        ErrorCase(
            input: "", span: 0..<0,
            message:
                "expected package name at the start of dependency specifier, found end of input"),
        ErrorCase(
            input: "@", span: 0..<0,
            message: "expected package name at the start of dependency specifier, found '@'"),
        ErrorCase(
            input: "name a", span: 5..<5,
            message: """
                expected semicolon (after name with no version specifier) or end, found 'a'
                """),
        ErrorCase(
            input: "name[a b]", span: 7..<7,
            message: "expected comma between extra names, found 'b]'"),
        ErrorCase(
            input: "name[a,]", span: 7..<7, message: "expected extra name after comma, found ']'"),
        ErrorCase(
            input: "name[a", span: 4..<6,
            message: "expected matching ']' for '[', after extras, found end of input"),
        ErrorCase(
            input: "name (>=1", span: 5..<9,
            message: "expected matching ')' for '(', after version specifier, found end of input"),
        ErrorCase(
            input: "name>=1.0.*", span: 4..<10,
            message: "'.*' suffix can only be used with '==' or '!=' operators"),
        ErrorCase(
            input: "name==1.0+l.*", span: 4..<12,
            message: """
                '.*' suffix cannot be used with pre-release, post-release, dev or local versions
                """),
        ErrorCase(
            input: "name<=1.0+local", span: 4..<9,
            message: "local version label can only be used with '==' or '!=' operators"),
        ErrorCase(
            input: "name @", span: 6..<6, message: "expected URL after '@', found end of input"),
        ErrorCase(
            input: "name @ https://x y", span: 7..<17,
            message: "expected semicolon (after URL and whitespace) or end, found 'y'"),
        ErrorCase(
            input: "name; os_name", span: 13..<13,
            message: """
                expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in, \
                found end of input
                """),
        ErrorCase(
            input: "name; os_name == \"a", span: 17..<17,
            message: "expected a marker variable or quoted string, found '\"a'"),
        ErrorCase(
            input: "name; (os_name == \"a\"", span: 6..<21,
            message: "expected matching ')' for '(', after marker expression, found end of input"),
        ErrorCase(
            input: "name; os_name not\"in\" \"a\"", span: 17..<17,
            message: "expected whitespace after 'not', found '\"in\"'"),
        ErrorCase(
            input: "name; os_name == \"\\x4\"", span: 17..<22, message: "invalid quoted string"),
        ErrorCase(
            input: "name; foo == \"a\"", span: 6..<6,
            message: "expected a marker variable or quoted string, found 'foo'"),
        ErrorCase(
            input: "name; os_name == \"a\" xor os_name == \"b\"", span: 21..<21,
            message: "expected end of dependency specifier, found 'xor'"),
        ErrorCase(
            input: "name (>=1) foo", span: 5..<11,
            message: """
                expected comma (within version specifier), semicolon (after version specifier) \
                or end, found 'foo'
                """),
        ErrorCase(
            input: "name===", span: 4..<4,
            message: """
                expected semicolon (after name with no version specifier) or end, found '==='
                """),
    ])
    func rejects(_ example: ErrorCase) {
        #expect(
            throws: RequirementParseError(
                message: example.message, source: example.input, span: example.span)
        ) {
            try Requirement(parsing: example.input)
        }
    }

    @Test func errorEchoesInputWithCarets() {
        #expect(throws: RequirementParseError.self) { try Requirement(parsing: "name (>=1 foo") }
        do {
            _ = try Requirement(parsing: "name[a")
        } catch {
            #expect(
                error.description == """
                    expected matching ']' for '[', after extras, found end of input
                        name[a
                            ^^
                    """)
        }
    }

    @Test func nestingIsLimited() throws {
        let deep =
            String(repeating: "(", count: 200) + "os_name == 'a'"
            + String(repeating: ")", count: 200)
        #expect(try Marker(parsing: deep).description == "os_name == \"a\"")
        let tooDeep = "(" + deep + ")"
        #expect(throws: RequirementParseError.self) { try Marker(parsing: tooDeep) }
    }

    @Test func hostileInputsFailCleanly() {
        let inputs = [
            String(repeating: "a", count: 100_000) + " ==",
            "name==" + String(repeating: "9", count: 10_000),
            "name; os_name == '" + String(repeating: "x", count: 100_000),
            "name; " + Array(repeating: "os_name == 'a'", count: 5_000).joined(separator: " and "),
            "n\u{0}ame", "名前", "name; os_name == '\u{1F600}'", "\u{FEFF}name",
        ]
        for input in inputs {
            _ = try? Requirement(parsing: input)
        }
    }

    struct NameCase: Sendable {
        var written: String
        var normalized: String
        var isValid: Bool
    }

    @Test(arguments: [
        NameCase(written: "Django", normalized: "django", isValid: true),
        NameCase(written: "oslo.concurrency", normalized: "oslo-concurrency", isValid: true),
        NameCase(written: "Foo__Bar-.baz", normalized: "foo-bar-baz", isValid: true),
        NameCase(written: "_not_legal", normalized: "-not-legal", isValid: false),
        NameCase(written: "a", normalized: "a", isValid: true),
        NameCase(written: "", normalized: "", isValid: false),
    ])
    func packageNames(_ example: NameCase) {
        let name = PackageName(example.written)
        #expect(name.normalized == example.normalized)
        #expect(PackageName.isValid(example.written) == example.isValid)
        #expect(name == PackageName(example.normalized))
    }

    @Test func requirementRendersAsPackaging() throws {
        let text = "Foo[b,a] (>=1) @ https://x/y.whl ; os_name=='nt'"
        #expect(throws: RequirementParseError.self) { try Requirement(parsing: text) }
        let withURL = try Requirement(parsing: "Foo[b,a] @ https://x/y.whl ; os_name=='nt'")
        #expect(withURL.description == "Foo[a,b] @ https://x/y.whl ; os_name == \"nt\"")
        let plain = try Requirement(parsing: "Foo[b,a] (>=1,<2) ; os_name=='nt'")
        #expect(plain.description == "Foo[a,b]<2,>=1; os_name == \"nt\"")
    }
}
