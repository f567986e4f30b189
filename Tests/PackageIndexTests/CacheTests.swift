import Foundation
import PythonPackaging
import Testing

@testable import PackageIndex

@Suite struct CacheTests {
    func demoJSON() throws -> Data {
        try fixture("simple/demo/index.json", in: "index")
    }

    func jsonResponse(_ headers: [(String, String)]) throws -> ServedResponse {
        ServedResponse(
            status: 200,
            headers: [("Content-Type", "application/vnd.pypi.simple.v1+json")] + headers,
            body: try demoJSON())
    }

    @Test func revalidatesWithETag() async throws {
        let index = try FixtureIndex()
        let cache = try temporaryDirectory()
        let source = IndexSource(name: "f", url: index.base() + "/simple/")
        index.script(
            "/simple/demo/",
            [
                try jsonResponse([("ETag", "\"v1\""), ("Cache-Control", "max-age=0")]),
                ServedResponse(status: 304, headers: [("ETag", "\"v1\"")]),
            ])
        _ = try await makeClient([source], cache: cache).project("demo")
        let page = try await makeClient([source], cache: cache).project("demo")
        #expect(page.files.count == 4)
        let requests = index.requests(to: "/simple/demo/")
        #expect(requests.count == 2)
        #expect(requests[1].headers["if-none-match"] == "\"v1\"")
    }

    @Test func revalidatesWithLastModified() async throws {
        let index = try FixtureIndex()
        let cache = try temporaryDirectory()
        let source = IndexSource(name: "f", url: index.base() + "/simple/")
        let date = "Wed, 21 Oct 2015 07:28:00 GMT"
        index.script(
            "/simple/demo/",
            [try jsonResponse([("Last-Modified", date), ("Cache-Control", "no-cache")])])
        index.script("/simple/demo/", [ServedResponse(status: 304)])
        _ = try await makeClient([source], cache: cache).project("demo")
        #expect(try await makeClient([source], cache: cache).project("demo").files.count == 4)
        #expect(index.requests(to: "/simple/demo/").last?.headers["if-modified-since"] == date)
    }

    @Test func freshEntriesAnswerWithoutTheNetwork() async throws {
        let index = try FixtureIndex()
        let cache = try temporaryDirectory()
        let source = IndexSource(name: "f", url: index.base() + "/simple/")
        index.script("/simple/demo/", [try jsonResponse([("Cache-Control", "max-age=600")])])
        _ = try await makeClient([source], cache: cache).project("demo")
        _ = try await makeClient([source], cache: cache).project("demo")
        #expect(index.requests(to: "/simple/demo/").count == 1)

        // Refresh mode asks again even though the entry is fresh.
        _ = try await makeClient([source], mode: .refresh, cache: cache).project("demo")
        #expect(index.requests(to: "/simple/demo/").count == 2)
    }

    @Test func pagesWithoutLifetimeUseTheHeuristic() async throws {
        let index = try FixtureIndex()
        let cache = try temporaryDirectory()
        let source = IndexSource(name: "f", url: index.base() + "/simple/")
        _ = try await makeClient([source], cache: cache).project("demo")
        _ = try await makeClient([source], cache: cache).project("demo")
        #expect(index.requests(to: "/simple/demo/").count == 1)
        _ = try await makeClient([source], cache: cache) { $0.pageLifetime = 0 }.project("demo")
        #expect(index.requests(to: "/simple/demo/").count == 2)
    }

    @Test func offlineUsesTheCacheAndNamesThePackageOnAMiss() async throws {
        let index = try FixtureIndex()
        let cache = try temporaryDirectory()
        let source = IndexSource(name: "f", url: index.base() + "/simple/")
        let online = makeClient([source], cache: cache)
        let files = try await online.project("demo").files
        _ = try await online.metadata(for: files[1])

        let offline = makeClient([source], mode: .offline, cache: cache) { $0.pageLifetime = 0 }
        #expect(try await offline.project("demo").files.count == 4)
        #expect(try await offline.metadata(for: files[1])?.version == "1.0")
        #expect(index.server.requests.count == 2)

        do {
            _ = try await offline.project("htmlonly")
            Issue.record("expected an offline miss")
        } catch {
            #expect(
                error.description == """
                    'htmlonly' is not in the cache or a snapshot \
                    ('\(index.base())/simple/htmlonly/') and offline mode forbids the network; \
                    run once online or pass '--index-snapshot DIR'
                    """)
        }
    }

    @Test func metadataIsCachedForever() async throws {
        let index = try FixtureIndex()
        let cache = try temporaryDirectory()
        let source = IndexSource(name: "f", url: index.base() + "/simple/")
        let files = try await makeClient([source], cache: cache).project("demo").files
        for _ in 0..<2 {
            let client = makeClient([source], mode: .refresh, cache: cache)
            #expect(try await client.metadata(for: files[1])?.version == "1.0")
        }
        #expect(index.requests(to: "/files/demo-1.0-py3-none-any.whl.metadata").count == 1)
    }

    @Test func clearRemovesEverything() async throws {
        let index = try FixtureIndex()
        let cache = try temporaryDirectory()
        let source = IndexSource(name: "f", url: index.base() + "/simple/")
        let client = makeClient([source], cache: cache)
        _ = try await client.project("demo")
        #expect(try client.clearCache() == 2)
        await #expect(throws: IndexError.self) {
            try await makeClient([source], mode: .offline, cache: cache).project("demo")
        }
    }

    @Test(arguments: [
        (["PREFLIGHT_CACHE_DIR": "/x/c", "XDG_CACHE_HOME": "/y", "HOME": "/h"], "/x/c"),
        (["XDG_CACHE_HOME": "/y", "HOME": "/h"], "/y/preflight"),
        (["HOME": "/h"], "/h/.cache/preflight"),
    ])
    func defaultDirectory(environment: [String: String], path: String) {
        #expect(HTTPCache.defaultDirectory(environment: environment).path == path)
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(
            SHA256.hexDigest(of: Array("".utf8))
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hexDigest(of: Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(
            SHA256.hexDigest(of: long)
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct SourcePriorityTests {
    @Test func mergesPrimarySourcesInOrder() async throws {
        let index = try FixtureIndex()
        let client = makeClient([
            IndexSource(name: "a", url: index.base() + "/simple/"),
            IndexSource(name: "b", url: index.base() + "/mirror/simple/"),
        ])
        let page = try await client.project("demo")
        #expect(page.files.map(\.sourceName) == ["a", "a", "a", "a", "b", "b", "b", "b"])
        #expect(page.versions == ["1.0", "1.1", "1.2"])
    }

    @Test func supplementalOnlyWhenNothingFoundEarlier() async throws {
        let index = try FixtureIndex()
        let found = makeClient([
            IndexSource(name: "a", url: index.base() + "/simple/"),
            IndexSource(name: "s", url: index.base() + "/mirror/simple/", priority: .supplemental),
        ])
        #expect(try await found.project("demo").files.allSatisfy { $0.sourceName == "a" })
        #expect(index.requests(to: "/mirror/simple/demo/").isEmpty)

        let missing = makeClient([
            IndexSource(name: "a", url: index.base() + "/empty/simple/"),
            IndexSource(name: "s", url: index.base() + "/mirror/simple/", priority: .supplemental),
        ])
        #expect(try await missing.project("demo").files.allSatisfy { $0.sourceName == "s" })
    }

    @Test func explicitOnlyWhenNamed() async throws {
        let index = try FixtureIndex()
        let client = makeClient([
            IndexSource(name: "a", url: index.base() + "/empty/simple/"),
            IndexSource(name: "x", url: index.base() + "/simple/", priority: .explicit),
        ])
        await #expect(throws: IndexError.packageNotFound("demo", sources: ["a"])) {
            try await client.project("demo")
        }
        #expect(try await client.project("demo", source: "X").files.count == 4)
        await #expect(throws: IndexError.invalidSource("no source named 'y' is declared")) {
            try await client.project("demo", source: "y")
        }
    }

    struct PoetryCase: Sendable, CustomTestStringConvertible {
        var declarations: [SourceDeclaration]
        var expected: [String]
        var testDescription: String { expected.joined(separator: ",") }
    }

    @Test(arguments: [
        PoetryCase(declarations: [], expected: ["PyPI:primary"]),
        PoetryCase(
            declarations: [SourceDeclaration(name: "corp", url: "https://c/simple/")],
            expected: ["corp:primary"]),
        PoetryCase(
            declarations: [
                SourceDeclaration(name: "corp", url: "https://c/", priority: "supplemental")
            ],
            expected: ["PyPI:primary", "corp:supplemental"]),
        PoetryCase(
            declarations: [
                SourceDeclaration(name: "corp", url: "https://c/", priority: "explicit"),
                SourceDeclaration(name: "PyPI", priority: "supplemental"),
                SourceDeclaration(name: "mirror", url: "https://m/"),
            ],
            expected: ["corp:explicit", "PyPI:supplemental", "mirror:primary"]),
        PoetryCase(
            declarations: [
                SourceDeclaration(name: "two", url: "https://t/"),
                SourceDeclaration(name: "one", url: "https://o/", isDefault: true),
                SourceDeclaration(name: "old", url: "https://s/", isSecondary: true),
            ],
            expected: ["one:primary", "two:primary", "old:primary"]),
    ])
    func appliesPoetryRules(_ testCase: PoetryCase) throws {
        let sources = try IndexSource.poetrySources(testCase.declarations)
        #expect(sources.map { "\($0.name):\($0.priority.rawValue)" } == testCase.expected)
    }

    @Test func rejectsUnusableDeclarations() {
        #expect(throws: IndexError.invalidSource("at least one source must not be 'explicit'")) {
            try IndexSource.poetrySources([
                SourceDeclaration(name: "PyPI", priority: "explicit"),
                SourceDeclaration(name: "c", url: "https://c/", priority: "explicit"),
            ])
        }
        #expect(throws: IndexError.invalidSource("the PyPI source cannot have a custom url")) {
            try IndexSource.poetrySources([SourceDeclaration(name: "pypi", url: "https://x/")])
        }
        #expect(
            throws: IndexError.invalidSource(
                "unknown priority 'default' for source 'c': expected 'primary', "
                    + "'supplemental' or 'explicit'")
        ) {
            try IndexSource.poetrySources([
                SourceDeclaration(name: "c", url: "https://c/", priority: "default")
            ])
        }
    }

    @Test func commandLineOverrides() {
        let sources = IndexSource.commandLine(
            indexURL: "https://i/simple/", extraIndexURLs: ["https://e/simple/"])
        #expect(sources.map(\.name) == ["index-url", "extra-index-url"])
        #expect(IndexSource.commandLine(indexURL: nil, extraIndexURLs: []) == [.pypi])
    }
}
