import Foundation
import Testing

@testable import PackageIndex

@Suite struct AuthenticationTests {
    let environment = [
        "POETRY_HTTP_BASIC_MY_CORP_INDEX_USERNAME": "alice",
        "POETRY_HTTP_BASIC_MY_CORP_INDEX_PASSWORD": "s3cret",
    ]

    @Test func sendsEnvironmentCredentialsToTheSourceHost() async throws {
        let index = try FixtureIndex()
        let source = IndexSource(name: "my-corp.index", url: index.base() + "/private/simple/")
        let client = makeClient([source], environment: environment)
        let page = try await client.project("demo")
        #expect(page.files.count == 4)
        let sent = index.requests(to: "/private/simple/demo/").last?.headers["authorization"]
        #expect(sent == FixtureIndex.authorization)
    }

    @Test func namesTheVariablesOnRefusal() async throws {
        let index = try FixtureIndex()
        let source = IndexSource(name: "my-corp.index", url: index.base() + "/private/simple/")
        let client = makeClient([source])
        do {
            _ = try await client.project("demo")
            Issue.record("expected a refusal")
        } catch {
            #expect(
                error.description == """
                    access to '\(index.base())/private/simple/demo/' was refused (HTTP 401); set \
                    'POETRY_HTTP_BASIC_MY_CORP_INDEX_USERNAME' and \
                    'POETRY_HTTP_BASIC_MY_CORP_INDEX_PASSWORD' with credentials for source \
                    'my-corp.index'
                    """)
        }
    }

    @Test func usesURLUserInfoButNeverPrintsIt() async throws {
        let index = try FixtureIndex()
        let url = index.base().replacingOccurrences(of: "http://", with: "http://alice:s3cret@")
        let client = makeClient([IndexSource(name: "corp", url: url + "/private/simple/")])
        #expect(try await client.project("demo").files.count == 4)

        let wrong = index.base().replacingOccurrences(of: "http://", with: "http://alice:wrong@")
        let refused = makeClient([IndexSource(name: "corp", url: wrong + "/private/simple/")])
        do {
            _ = try await refused.project("demo")
            Issue.record("expected a refusal")
        } catch {
            #expect(!error.description.contains("wrong"))
        }
    }

    @Test func readsNetrc() async throws {
        let index = try FixtureIndex()
        let directory = try temporaryDirectory()
        let netrc = directory.appendingPathComponent("netrc")
        try """
        # comment
        machine example.org login bob password nope
        macdef init
        machine 127.0.0.1 login eve password x

        machine 127.0.0.1
            login alice
            password s3cret
        """.write(to: netrc, atomically: true, encoding: .utf8)
        let client = makeClient([IndexSource(name: "corp", url: index.base() + "/private/simple/")])
        {
            $0.netrcPath = netrc.path
        }
        #expect(try await client.project("demo").files.count == 4)
    }

    @Test func redirectKeepsCredentialsOnTheSameHostOnly() async throws {
        let index = try FixtureIndex()
        index.script(
            "/private/simple/demo/",
            [ServedResponse(status: 302, headers: [("Location", "/private/simple/moved/")])])
        index.script(
            "/private/simple/moved/",
            [
                ServedResponse(
                    status: 301,
                    headers: [("Location", index.base("localhost") + "/mirror/simple/demo/")])
            ])
        let source = IndexSource(name: "my-corp.index", url: index.base() + "/private/simple/")
        let client = makeClient([source], environment: environment)
        let page = try await client.project("demo")
        #expect(page.files.first?.url == index.base("localhost") + "/mirror/files/demo-1.0.tar.gz")
        let moved = try #require(index.requests(to: "/private/simple/moved/").first)
        #expect(moved.headers["authorization"] == FixtureIndex.authorization)
        let crossHost = try #require(index.requests(to: "/mirror/simple/demo/").first)
        #expect(crossHost.headers["host"]?.hasPrefix("localhost") == true)
        #expect(crossHost.headers["authorization"] == nil)
    }

    @Test func stopsRedirectLoops() async throws {
        let index = try FixtureIndex()
        let loop = ServedResponse(status: 302, headers: [("Location", "/simple/demo/")])
        index.script("/simple/demo/", Array(repeating: loop, count: 20))
        let client = makeClient([IndexSource(name: "f", url: index.base() + "/simple/")])
        await #expect(throws: IndexError.tooManyRedirects(url: index.base() + "/simple/demo/")) {
            try await client.project("demo")
        }
    }

    @Test(arguments: [
        ("my-corp.index", "POETRY_HTTP_BASIC_MY_CORP_INDEX_USERNAME"),
        ("PyPI", "POETRY_HTTP_BASIC_PYPI_USERNAME"),
        ("a_b-c.d", "POETRY_HTTP_BASIC_A_B_C_D_USERNAME"),
    ])
    func credentialVariableNames(name: String, variable: String) {
        #expect(IndexSource(name: name, url: "https://x/").credentialVariables[0] == variable)
    }

    @Test(arguments: [
        ("https://user:pw@host/simple/", "https://***@host/simple/"),
        ("https://token@host:8080/a@b", "https://***@host:8080/a@b"),
        ("https://host/simple/", "https://host/simple/"),
        ("not a url", "not a url"),
    ])
    func redaction(url: String, expected: String) {
        #expect(redacted(url) == expected)
    }
}

@Suite struct RetryAndLimitTests {
    @Test func retriesServerErrorsAndRateLimits() async throws {
        let index = try FixtureIndex()
        index.script(
            "/simple/demo/",
            [
                .text(503), ServedResponse(status: 429, headers: [("Retry-After", "0")]),
                .text(500),
            ])
        let client = makeClient([IndexSource(name: "f", url: index.base() + "/simple/")])
        #expect(try await client.project("demo").files.count == 4)
        #expect(index.requests(to: "/simple/demo/").count == 4)
    }

    @Test func givesUpAfterTheLastAttempt() async throws {
        let index = try FixtureIndex()
        index.script("/simple/demo/", Array(repeating: .text(502), count: 4))
        let client = makeClient([IndexSource(name: "f", url: index.base() + "/simple/")])
        await #expect(throws: IndexError.httpStatus(502, url: index.base() + "/simple/demo/")) {
            try await client.project("demo")
        }
        #expect(index.requests(to: "/simple/demo/").count == 4)
    }

    @Test func timesOut() async throws {
        let index = try FixtureIndex()
        var slow = ServedResponse.text(200, "{}")
        slow.delay = 3
        index.script("/simple/demo/", [slow])
        let client = makeClient([IndexSource(name: "f", url: index.base() + "/simple/")]) {
            $0.http.timeout = 0.2
            $0.http.maxAttempts = 1
        }
        await #expect(throws: IndexError.timedOut(url: index.base() + "/simple/demo/")) {
            try await client.project("demo")
        }
    }

    @Test func refusesOversizedBodies() async throws {
        let index = try FixtureIndex()
        let client = makeClient([IndexSource(name: "f", url: index.base() + "/simple/")]) {
            $0.http.maxResponseBytes = 100
        }
        await #expect(
            throws: IndexError.responseTooLarge(url: index.base() + "/simple/demo/", limit: 100)
        ) {
            try await client.project("demo")
        }
    }

    @Test func reportsMalformedJSON() async throws {
        let index = try FixtureIndex()
        index.script(
            "/simple/demo/",
            [.text(200, "{\"name\": 3}", type: "application/vnd.pypi.simple.v1+json")])
        let client = makeClient([IndexSource(name: "f", url: index.base() + "/simple/")])
        await #expect {
            try await client.project("demo")
        } throws: { error in
            (error as? IndexError)?.description.hasPrefix("malformed response from") == true
        }
    }

    @Test func reportsConnectionFailures() async throws {
        // A bound socket that never listens refuses connections, and keeps its port
        // from going to another test's server meanwhile.
        let closed = try ClosedPort()
        let base = "http://127.0.0.1:\(closed.port)"
        let client = makeClient([IndexSource(name: "f", url: base + "/simple/")]) {
            $0.http.maxAttempts = 2
        }
        await #expect {
            try await client.project("demo")
        } throws: { error in
            guard case .network(let url, _) = error as? IndexError else { return false }
            return url == base + "/simple/demo/"
        }
        withExtendedLifetime(closed) {}
    }

    @Test func fetchesInParallelWithinTheLimit() async throws {
        let index = try FixtureIndex()
        let client = makeClient([IndexSource(name: "f", url: index.base() + "/simple/")]) {
            $0.http.maxConcurrentRequests = 2
        }
        let results = await client.projects(["demo", "htmlonly", "nope", "Demo"])
        #expect(results.count == 4)
        #expect(try results["demo"]?.get().files.count == 4)
        #expect(try results["htmlonly"]?.get().files.count == 1)
        #expect(index.requests(to: "/simple/demo/").count == 1)
        guard case .failure(.packageNotFound) = results["nope"] else {
            Issue.record("expected not found")
            return
        }
    }
}
