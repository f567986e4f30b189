import Testing

@testable import Preflight

@Suite struct GroupSelectionTests {
    static let groups: [(name: String, isOptional: Bool)] = [
        ("main", false), ("dev", false), ("docs", true), ("Lint_Tools", false),
    ]

    struct Case: Sendable, CustomStringConvertible {
        var selection: GroupSelection
        var expected: [String]
        var description: String { "\(selection) → \(expected)" }
    }

    @Test(arguments: [
        Case(selection: GroupSelection(), expected: ["dev", "lint-tools", "main"]),
        Case(selection: GroupSelection(only: ["main"]), expected: ["main"]),
        Case(
            selection: GroupSelection(with: ["docs"]),
            expected: ["dev", "docs", "lint-tools", "main"]),
        Case(selection: GroupSelection(without: ["dev", "lint.tools"]), expected: ["main"]),
        Case(
            selection: GroupSelection(all: true), expected: ["dev", "docs", "lint-tools", "main"]),
        Case(
            selection: GroupSelection(with: ["docs"], without: ["docs"]),
            expected: ["dev", "lint-tools", "main"]),
    ])
    func resolves(_ test: Case) throws {
        #expect(try test.selection.resolve(available: Self.groups) == test.expected)
    }

    @Test func unknownGroupListsTheProjectsGroups() {
        #expect(
            throws: CheckError(
                "unknown group 'tests'", hint: "the project has 'main', 'dev', 'docs', 'lint-tools'"
            )
        ) {
            try GroupSelection(with: ["tests"]).resolve(available: Self.groups)
        }
    }
}
