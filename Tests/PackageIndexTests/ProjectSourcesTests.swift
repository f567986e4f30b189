import Foundation
import Poetry
import Testing

@testable import PackageIndex

/// A project's `[[tool.poetry.source]]` entries and `source = "…"` dependencies, served
/// by the loopback fixture index.
@Suite struct ProjectSourcesTests {
    /// pyproject.toml text with `sources` (TOML array-of-tables entries) appended.
    static func pyproject(dependencies: String, sources: String) throws -> Pyproject {
        let text = """
            [tool.poetry]
            name = "svc"
            version = "1.0"

            [tool.poetry.dependencies]
            python = ">=3.11"
            \(dependencies)

            \(sources)
            """
        return try Pyproject(parsing: text)
    }

    @Test func explicitSourceServesOnlyThePackagesThatNameIt() async throws {
        let index = try FixtureIndex()
        let base = index.base()
        let pyproject = try Self.pyproject(
            dependencies: """
                demo = { version = "*", source = "corp" }
                lazy = "*"
                """,
            sources: """
                [[tool.poetry.source]]
                name = "main"
                url = "\(base)/empty/simple/"

                [[tool.poetry.source]]
                name = "fallback"
                url = "\(base)/simple/"
                priority = "supplemental"

                [[tool.poetry.source]]
                name = "corp"
                url = "\(base)/mirror/simple/"
                priority = "explicit"
                """)
        let project = try ProjectSources(pyproject)
        #expect(project.sources.map(\.name) == ["main", "fallback", "corp"])
        #expect(project.namedSource(for: "Demo") == "corp")
        let client = makeClient(project.sources) { _ in }
        let named = IndexClient(
            sources: project.sources, namedSources: project.namedSources,
            configuration: client.configuration)

        // `demo` names the explicit source: only it is asked.
        let demo = try await named.project("demo")
        #expect(demo.files.allSatisfy { $0.sourceName == "corp" })
        #expect(index.requests(to: "/mirror/simple/demo/").count == 1)
        #expect(index.requests(to: "/empty/simple/demo/").isEmpty)
        #expect(index.requests(to: "/simple/demo/").isEmpty)

        // `lazy` names none: the primary source, then the supplemental one; never the
        // explicit source.
        let lazy = try await named.project("lazy")
        #expect(lazy.files.allSatisfy { $0.sourceName == "fallback" })
        #expect(index.requests(to: "/empty/simple/lazy/").count == 1)
        #expect(index.requests(to: "/mirror/simple/lazy/").isEmpty)

        // A package nothing names and no searched source has names the sources tried.
        await #expect(throws: IndexError.packageNotFound("nope", sources: ["main", "fallback"])) {
            try await named.project("nope")
        }
    }

    @Test func primarySourcesAreMergedBeforeSupplementalOnes() async throws {
        let index = try FixtureIndex()
        let base = index.base()
        let pyproject = try Self.pyproject(
            dependencies: "demo = \"*\"",
            sources: """
                [[tool.poetry.source]]
                name = "extra"
                url = "\(base)/empty/simple/"
                priority = "supplemental"

                [[tool.poetry.source]]
                name = "one"
                url = "\(base)/simple/"

                [[tool.poetry.source]]
                name = "two"
                url = "\(base)/mirror/simple/"
                """)
        let project = try ProjectSources(pyproject)
        let client = makeClient(project.sources)
        let page = try await client.project("demo")
        #expect(page.files.count == 8)
        #expect(page.files.prefix(4).allSatisfy { $0.sourceName == "one" })
        #expect(page.files.suffix(4).allSatisfy { $0.sourceName == "two" })
        #expect(index.requests(to: "/empty/simple/demo/").isEmpty)
    }

    struct MappingCase: Sendable, CustomStringConvertible {
        var sources: String
        var expected: [String]
        var description: String { expected.joined(separator: ",") }
    }

    /// Priorities as Poetry 2 orders them (`name:priority`), legacy flags included.
    static let mappingCases: [MappingCase] = [
        MappingCase(
            sources: """
                [[tool.poetry.source]]
                name = "corp"
                url = "https://corp.example/simple/"
                priority = "explicit"
                """,
            expected: ["PyPI:primary", "corp:explicit"]),
        MappingCase(
            sources: """
                [[tool.poetry.source]]
                name = "corp"
                url = "https://corp.example/simple/"
                priority = "supplemental"
                """,
            expected: ["PyPI:primary", "corp:supplemental"]),
        MappingCase(
            sources: """
                [[tool.poetry.source]]
                name = "corp"
                url = "https://corp.example/simple/"
                """,
            expected: ["corp:primary"]),
        MappingCase(
            sources: """
                [[tool.poetry.source]]
                name = "later"
                url = "https://later.example/simple/"
                secondary = true

                [[tool.poetry.source]]
                name = "first"
                url = "https://first.example/simple/"
                default = true
                """,
            expected: ["first:primary", "later:primary"]),
        MappingCase(
            sources: """
                [[tool.poetry.source]]
                name = "corp"
                url = "https://corp.example/simple/"

                [[tool.poetry.source]]
                name = "PyPI"
                priority = "supplemental"
                """,
            expected: ["corp:primary", "PyPI:supplemental"]),
    ]

    @Test(arguments: mappingCases)
    func poetryPriorities(_ test: MappingCase) throws {
        let project = try ProjectSources(Self.pyproject(dependencies: "", sources: test.sources))
        #expect(project.sources.map { "\($0.name):\($0.priority.rawValue)" } == test.expected)
    }

    @Test func aDependencyMustNameADeclaredSource() throws {
        let pyproject = try Self.pyproject(
            dependencies: "demo = { version = \"*\", source = \"shippo\" }", sources: "")
        do {
            _ = try ProjectSources(pyproject)
            Issue.record("expected an error for an undeclared source")
        } catch {
            #expect(
                error.description
                    == "invalid package source: dependency 'demo' names source 'shippo', which "
                    + "pyproject.toml does not declare")
        }
    }
}
