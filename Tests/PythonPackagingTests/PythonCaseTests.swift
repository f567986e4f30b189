import Testing

@testable import PythonPackaging

@Suite struct PythonCaseTests {
    struct LowerCase: Sendable, CustomStringConvertible {
        var text: String
        var lowered: String
        var description: String { text }
    }

    /// Answers of Python 3.11's `str.lower()`.
    @Test(arguments: [
        LowerCase(text: "ABC", lowered: "abc"),
        LowerCase(text: "\u{391}\u{3A3}", lowered: "\u{3B1}\u{3C2}"),
        LowerCase(text: "\u{3A3}", lowered: "\u{3C3}"),
        LowerCase(text: "x\u{3A3}y", lowered: "x\u{3C3}y"),
        LowerCase(text: "x\u{3A3}.y", lowered: "x\u{3C3}.y"),
        LowerCase(text: "x\u{3A3}'", lowered: "x\u{3C2}'"),
        LowerCase(text: "\u{130}", lowered: "i\u{307}"),
        LowerCase(text: "\u{212A}", lowered: "k"),
        LowerCase(text: "\u{1E9E}", lowered: "\u{DF}"),
        LowerCase(text: "\u{1C89}", lowered: "\u{1C89}"),
        LowerCase(text: "\u{A7CB}", lowered: "\u{A7CB}"),
        LowerCase(text: "\u{295}\u{3A3}", lowered: "\u{295}\u{3C2}"),
        LowerCase(text: "A\u{1171E}\u{3A3}", lowered: "a\u{1171E}\u{3C2}"),
    ])
    func lowercasesAsPython(_ testCase: LowerCase) {
        let lowered = PythonCase.lowercased(testCase.text)
        #expect(lowered.unicodeScalars.elementsEqual(testCase.lowered.unicodeScalars))
    }

    @Test func identifiersFollowUnicode14() {
        #expect(WheelTag.isIdentifier("cp\u{E9}"))
        #expect(!WheelTag.isIdentifier("c\u{200D}p"))
        #expect(!WheelTag.isIdentifier("a\u{30FB}"))
        #expect(!WheelTag.isIdentifier("\u{1C89}"))
        #expect(!WheelTag.isIdentifier("\u{31350}"))
    }

    @Test func arbitraryEqualityComparesScalars() throws {
        #expect(try !SpecifierSet("===\u{E9}").contains("e\u{301}"))
        #expect(try SpecifierSet("===\u{3B1}\u{3C2}").contains("\u{391}\u{3A3}"))
        #expect(try SpecifierSet("===\u{345}").contains("\u{345}"))
        #expect(throws: SpecifierParseError.self) { try SpecifierSet("===a,\u{301}b") }
    }
}
