import Testing

@testable import PythonPackaging

@Suite struct VersionTests {
    struct NormalizationCase: Sendable, CustomStringConvertible {
        var input: String
        var normalized: String
        var description: String { input }
    }

    static let normalizationCases: [NormalizationCase] = [
        .init(input: "1.0", normalized: "1.0"),
        .init(input: "v1.0", normalized: "1.0"),
        .init(input: " \t1.0\n", normalized: "1.0"),
        .init(input: "\u{A0}1.0\u{3000}", normalized: "1.0"),
        .init(input: "1.0a.", normalized: "1.0a0"),
        .init(input: "1.0.post.dev", normalized: "1.0.post0.dev0"),
        .init(input: "1!2", normalized: "1!2"),
        .init(input: "0!2", normalized: "2"),
        .init(input: "1.0+abc.007", normalized: "1.0+abc.7"),
        .init(input: "1.0+ABC-0_x", normalized: "1.0+abc.0.x"),
        .init(input: "1.0rev", normalized: "1.0.post0"),
        .init(input: "1.0c1", normalized: "1.0rc1"),
        .init(input: "1.0-r1", normalized: "1.0.post1"),
        .init(input: "1.0_post-2", normalized: "1.0.post2"),
        .init(input: "1.0-1", normalized: "1.0.post1"),
        .init(input: "1.0-0", normalized: "1.0.post0"),
        .init(input: "1.0ALPHA1", normalized: "1.0a1"),
        .init(input: "1.0-beta.2", normalized: "1.0b2"),
        .init(input: "1.0preview3", normalized: "1.0rc3"),
        .init(input: "1.0pre", normalized: "1.0rc0"),
        .init(input: "1.0.0.0", normalized: "1.0.0.0"),
        .init(input: "007.0010", normalized: "7.10"),
        .init(input: "1.0.DEV4", normalized: "1.0.dev4"),
        .init(
            input: "1.123456789012345678901234567890",
            normalized: "1.123456789012345678901234567890"),
        .init(input: "1.0000000000000000000000000000001", normalized: "1.1"),
    ]

    @Test(arguments: normalizationCases)
    func normalizes(_ testCase: NormalizationCase) throws {
        #expect(try Version(testCase.input).description == testCase.normalized)
    }

    @Test(arguments: [
        "", "2004d", "1.0-", "1..0", ".1", "1.", "1.0+", "1.0+abc.", "1!", "vv1",
        "1.0 a1", "1.0a1-", "\u{0661}", "1.0+ä", "1.0.*",
    ])
    func rejects(_ input: String) {
        #expect(throws: VersionParseError.self) { try Version(input) }
    }

    @Test func ordersAsPEP440() throws {
        let ordered = try [
            "0.dev0", "0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
            "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456",
            "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34",
            "1.0.post456", "1.0.15", "1.1.dev1", "1!0.1",
        ].map { try Version($0) }
        for (index, version) in ordered.enumerated() {
            for (otherIndex, other) in ordered.enumerated() {
                #expect((version < other) == (index < otherIndex), "\(version) vs \(other)")
                #expect((version == other) == (index == otherIndex), "\(version) vs \(other)")
            }
        }
    }

    @Test func tenThousandDigitNumbersCompareNumerically() throws {
        let huge = String(repeating: "9", count: 10_000)
        let bigger = "1" + String(repeating: "0", count: 10_000)
        let a = try Version("1.\(huge)")
        let b = try Version("1.\(bigger)")
        #expect(a < b)
        #expect(a.description == "1.\(huge)")
        #expect(try Version("1.000\(huge)") == a)
    }
}
