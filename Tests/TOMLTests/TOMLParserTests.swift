import Testing

@testable import TOML

@Suite struct TOMLParserTests {
    struct ValueCase: Sendable, CustomStringConvertible {
        var source: String
        var expected: TOMLValue
        var description: String { source }
    }

    static let values: [ValueCase] = [
        ValueCase(source: #"a = "tab\there \"q\" \\""#, expected: "tab\there \"q\" \\"),
        ValueCase(source: #"a = 'C:\Users\nobody'"#, expected: #"C:\Users\nobody"#),
        ValueCase(source: "a = \"\\u00E9\\U0001F600\"", expected: "é😀"),
        ValueCase(source: "a = \"\"\"\n  one\n  two\"\"\"", expected: "  one\n  two"),
        ValueCase(source: "a = \"\"\"fold \\\n    ed\"\"\"", expected: "fold ed"),
        ValueCase(source: "a = \"\"\"\"quoted\"\"\"\"\"", expected: "\"quoted\"\""),
        ValueCase(source: "a = '''\nraw \\n '' '''", expected: "raw \\n '' "),
        ValueCase(source: "a = \"\"\"crlf\r\nline\"\"\"", expected: "crlf\nline"),
        ValueCase(source: "a = 0xDEAD_beef", expected: 0xDEAD_BEEF),
        ValueCase(source: "a = 0o755", expected: 0o755),
        ValueCase(source: "a = 0b1101", expected: 13),
        ValueCase(source: "a = +1_000", expected: 1000),
        ValueCase(source: "a = -9223372036854775808", expected: .integer(.min)),
        ValueCase(source: "a = 9223372036854775807", expected: .integer(.max)),
        ValueCase(source: "a = 6.626e-34", expected: 6.626e-34),
        ValueCase(source: "a = -0.5E+1_0", expected: -0.5e10),
        ValueCase(source: "a = -inf", expected: .float(-.infinity)),
        ValueCase(source: "a = true", expected: true),
        ValueCase(
            source: "a = 1979-05-27T07:32:00.999999-07:00",
            expected: .offsetDateTime(
                TOMLOffsetDateTime(
                    date: TOMLDate(year: 1979, month: 5, day: 27),
                    time: TOMLTime(hour: 7, minute: 32, second: 0, fraction: "999999"),
                    offset: .minutes(-420)))),
        ValueCase(
            source: "a = 2024-02-29 23:59:60",
            expected: .localDateTime(
                TOMLLocalDateTime(
                    date: TOMLDate(year: 2024, month: 2, day: 29),
                    time: TOMLTime(hour: 23, minute: 59, second: 60)))),
        ValueCase(
            source: "a = 1979-05-27",
            expected: .localDate(TOMLDate(year: 1979, month: 5, day: 27))),
        ValueCase(
            source: "a = 07:32:00.5",
            expected: .localTime(TOMLTime(hour: 7, minute: 32, second: 0, fraction: "5"))),
        ValueCase(
            source: "a = [1, 'two', [3.0], {x = 4}]",
            expected: .array([1, "two", .array([3.0]), .table(["x": 4])])),
        ValueCase(source: "a = [\n  1, # one\n  2,\n]", expected: .array([1, 2])),
        ValueCase(
            source: "a = { x = 1, y.z = 'w' }",
            expected: .table(["x": 1, "y": .table(["z": "w"])])),
    ]

    @Test(arguments: values)
    func parsesValue(_ testCase: ValueCase) throws {
        let table = try TOMLTable(parsing: testCase.source)
        #expect(table["a"] == testCase.expected)
    }

    @Test func nanIsAFloat() throws {
        let table = try TOMLTable(parsing: "a = nan\nb = -nan")
        #expect(table["a"]?.float?.isNaN == true)
        #expect(table["b"]?.float?.isNaN == true)
    }

    @Test func buildsNestedTablesInDefinitionOrder() throws {
        let table = try TOMLTable(
            parsing: """
                title = "x"
                [tool.poetry]
                name = "demo"
                [tool.poetry.dependencies]
                python = "^3.10"
                [[package]]
                name = "a"
                [package.extras]
                fast = ["b"]
                [[package]]
                name = "b"
                [fruit]
                apple.color = "red"
                apple.taste.sweet = true
                [fruit.apple.texture]
                smooth = true
                """)
        #expect(table.keys == ["title", "tool", "package", "fruit"])
        #expect(table["tool"]?["poetry"]?["name"]?.string == "demo")
        #expect(table.value(at: ["tool", "poetry", "dependencies", "python"]) == "^3.10")
        let packages = try #require(table["package"]?.array)
        #expect(packages.isArrayOfTables)
        #expect(packages.map { $0["name"]?.string } == ["a", "b"])
        #expect(packages[0]["extras"]?["fast"] == .array(["b"]))
        #expect(table.value(at: ["fruit", "apple", "taste", "sweet"]) == true)
        #expect(table.value(at: ["fruit", "apple", "texture", "smooth"]) == true)
    }

    @Test func recordsPositionsOfKeysValuesAndHeaders() throws {
        let source = """
            # comment
            [tool.poetry]
            name = "démo"  # trailing
              version = "1.0"
            t = { a = "é", b = 2 }
            """
        let table = try TOMLTable(parsing: source)
        let poetry = try #require(table["tool"]?["poetry"]?.table)
        #expect(poetry.span == TOMLSpan(bytes: 10..<23, line: 2, column: 1))
        let name = try #require(poetry.entry(forKey: "name"))
        #expect(name.keySpan == TOMLSpan(bytes: 24..<28, line: 3, column: 1))
        #expect(name.valueSpan == TOMLSpan(bytes: 31..<38, line: 3, column: 8))
        let version = try #require(poetry.entry(forKey: "version"))
        #expect(version.keySpan.line == 4)
        #expect(version.keySpan.column == 3)
        let inline = try #require(poetry["t"]?.table)
        let b = try #require(inline.entry(forKey: "b"))
        #expect(b.keySpan.line == 5)
        #expect(b.keySpan.column == 16)
        #expect(Array(Array(source.utf8)[b.keySpan.bytes]) == Array("b".utf8))
        let header = try #require(table["tool"]?.table?.entry(forKey: "poetry"))
        #expect(header.valueSpan == poetry.span)
    }

    @Test func arraysRecordElementSpans() throws {
        let source = "deps = [\n    \"a\",\n    'b',\n]\n"
        let array = try #require(try TOMLTable(parsing: source)["deps"]?.array)
        #expect(array.span(at: 1) == TOMLSpan(bytes: 22..<25, line: 3, column: 5))
        #expect(array.span?.bytes == 7..<28)
    }

    struct ErrorCase: Sendable, CustomStringConvertible {
        var source: String
        var message: String
        var line: Int
        var column: Int
        var description: String { message }
    }

    static let errors: [ErrorCase] = [
        ErrorCase(
            source: "name \"x\"", message: "expected '=' after key 'name', found '\"'", line: 1,
            column: 6),
        ErrorCase(
            source: "a = 1\na = 2", message: "key 'a' is already defined on line 1", line: 2,
            column: 1),
        ErrorCase(source: "[t]\n[t]", message: "table 't' is already defined", line: 2, column: 2),
        ErrorCase(
            source: "a = {x = 1}\n[a]", message: "table 'a' is already defined as an inline table",
            line: 2, column: 2),
        ErrorCase(
            source: "a = {x = 1}\na.y = 2", message: "cannot add keys to inline table 'a'", line: 2,
            column: 1),
        ErrorCase(
            source: "a = [1]\n[[a]]",
            message: "key 'a' is already defined as an array, not a table", line: 2, column: 3),
        ErrorCase(
            source: "[[a]]\n[a]", message: "table 'a' is already defined as an array of tables",
            line: 2, column: 2),
        ErrorCase(
            source: "[fruit]\napple.color = 'red'\n[fruit.apple]",
            message: "table 'fruit.apple' is already defined by dotted keys", line: 3, column: 8),
        ErrorCase(
            source: "[a.b]\nc = 1\n[a]\nb.d = 2",
            message: "table 'a.b' is defined by a header; dotted keys cannot extend it", line: 4,
            column: 1),
        ErrorCase(
            source: "a.b = 1\n[x]\n[a.b.c]",
            message: "key 'a.b' is already defined as an integer, not a table", line: 3, column: 4),
        ErrorCase(
            source: "a = 0123", message: "leading zeros are not allowed in '0123'", line: 1,
            column: 5),
        ErrorCase(
            source: "a = 9223372036854775808",
            message: "integer '9223372036854775808' does not fit in 64 bits", line: 1, column: 5),
        ErrorCase(source: "a = 1__0", message: "invalid number '1__0'", line: 1, column: 7),
        ErrorCase(source: "a = 1.", message: "invalid float '1.'", line: 1, column: 5),
        ErrorCase(
            source: "a = +0x10", message: "a sign is not allowed on integer '+0x10' in base 16",
            line: 1, column: 5),
        ErrorCase(
            source: "a = \"x", message: "expected '\"' to close string, found end of file", line: 1,
            column: 7),
        ErrorCase(
            source: "a = \"x\nb = 1", message: "expected '\"' to close string, found end of line",
            line: 1, column: 7),
        ErrorCase(
            source: "a = \"\\q\"", message: "invalid escape sequence '\\q'", line: 1, column: 7),
        ErrorCase(
            source: "a = \"\\uD800\"", message: "escape '\\uD800' is not a Unicode scalar value",
            line: 1, column: 6),
        ErrorCase(
            source: "a = 2023-02-29", message: "invalid date '2023-02-29': day 29 is out of range",
            line: 1, column: 13),
        ErrorCase(source: "a = 12:60:00", message: "minute 60 is out of range", line: 1, column: 8),
        ErrorCase(
            source: "a = 1 b = 2", message: "expected end of line after value, found 'b'", line: 1,
            column: 7),
        ErrorCase(
            source: "[a] b = 1", message: "expected end of line after table header, found 'b'",
            line: 1, column: 5),
        ErrorCase(
            source: "a = [1 2]", message: "expected ',' or ']' after array element, found '2'",
            line: 1, column: 8),
        ErrorCase(
            source: "a = {x = 1,}", message: "expected a key, found '}'", line: 1, column: 12),
        ErrorCase(
            source: "a = {x = 1\n}",
            message: "expected ',' or '}' after inline table value, found end of line", line: 1,
            column: 11),
        ErrorCase(
            source: "a = truee", message: "expected a value, found 'truee'", line: 1, column: 5),
        ErrorCase(
            source: "a =", message: "expected a value, found end of file", line: 1, column: 4),
        ErrorCase(
            source: "# bad \u{1}", message: "control character U+0001 is not allowed in a comment",
            line: 1, column: 7),
        ErrorCase(
            source: "a = 'x\u{7F}'",
            message:
                "control character U+007F is not allowed in a literal string; "
                + "write it as an escape",
            line: 1, column: 7),
        ErrorCase(
            source: "a = 1\r", message: "a carriage return must be followed by a line feed",
            line: 1, column: 6),
        ErrorCase(
            source: "[[a]\n", message: "expected ']]' after table header 'a', found end of line",
            line: 1, column: 5),
        ErrorCase(source: "= 1", message: "expected a key, found '='", line: 1, column: 1),
        ErrorCase(source: "ключ = 1", message: "expected a key, found 'к'", line: 1, column: 1),
        ErrorCase(
            source: "s = \"é\" x", message: "expected end of line after value, found 'x'", line: 1,
            column: 9),
    ]

    @Test(arguments: errors)
    func reportsError(_ testCase: ErrorCase) {
        #expect {
            try TOMLTable(parsing: testCase.source)
        } throws: { error in
            guard let error = error as? TOMLError else { return false }
            #expect(error.message == testCase.message)
            #expect(error.line == testCase.line)
            #expect(error.column == testCase.column)
            return true
        }
    }

    @Test func annotatedErrorEchoesTheLineWithACaret() {
        #expect {
            try TOMLTable(parsing: "[tool]\nname \"x\"\n")
        } throws: { error in
            let annotated = (error as? TOMLError)?.annotatedDescription
            #expect(
                annotated == """
                    line 2, column 6: expected '=' after key 'name', found '"'
                    2 | name "x"
                      |      ^
                    """)
            return true
        }
    }

    @Test func rejectsInvalidUTF8() {
        let cases: [([UInt8], String)] = [
            (
                [0x61, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0x22],
                "invalid UTF-8: byte 0xFF cannot start a character"
            ),
            ([0x23, 0xC0, 0x80], "invalid UTF-8: overlong encoding"),
            ([0x23, 0xE0, 0x80, 0x80], "invalid UTF-8: overlong encoding"),
            ([0x23, 0xED, 0xA0, 0x80], "invalid UTF-8: encoded surrogate"),
            ([0x23, 0xF4, 0x90, 0x80, 0x80], "invalid UTF-8: code point above U+10FFFF"),
            ([0x23, 0x80], "invalid UTF-8: unexpected continuation byte 0x80"),
            ([0x23, 0xE2, 0x82], "invalid UTF-8: truncated character at end of file"),
        ]
        for (bytes, message) in cases {
            #expect(throws: TOMLError.self) { try TOMLTable(parsing: bytes) }
            do {
                _ = try TOMLTable(parsing: bytes)
            } catch {
                #expect(error.message == message, "\(bytes)")
            }
        }
    }

    @Test func skipsALeadingByteOrderMark() throws {
        let table = try TOMLTable(parsing: [0xEF, 0xBB, 0xBF] + Array("a = 1".utf8))
        #expect(table["a"] == 1)
        #expect(table.entry(forKey: "a")?.keySpan == TOMLSpan(bytes: 3..<4, line: 1, column: 1))
    }
}
