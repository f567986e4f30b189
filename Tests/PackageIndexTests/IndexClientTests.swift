import Foundation
import Testing

@testable import PackageIndex

@Suite struct IndexClientTests {
    @Test func negotiatesJSONAndResolvesRelativeURLs() async throws {
        let index = try FixtureIndex()
        let client = makeClient([IndexSource(name: "fixture", url: index.base() + "/simple/")])
        let page = try await client.project("Demo")
        #expect(page.apiVersion == "1.1")
        #expect(page.versions == ["1.0", "1.1", "1.2"])
        #expect(page.files.count == 4)
        #expect(page.files[1].url == index.base() + "/files/demo-1.0-py3-none-any.whl")
        #expect(page.files.allSatisfy { $0.sourceName == "fixture" })
        let request = try #require(index.requests(to: "/simple/demo/").first)
        #expect(request.headers["accept"] == IndexClient.simpleAccept)
    }

    @Test func fallsBackToHTML() async throws {
        let index = try FixtureIndex()
        let client = makeClient([IndexSource(name: "fixture", url: index.base() + "/simple")])
        let page = try await client.project("htmlonly")
        #expect(page.files.map(\.url) == [index.base() + "/files/htmlonly-2.0-py3-none-any.whl"])
        #expect(page.files[0].coreMetadata == .advertised(hashes: [:]))
        let metadata = try #require(try await client.metadata(for: page.files[0]))
        #expect(metadata.requiresDist == ["demo"])
    }

    @Test func namesTheSourcesTriedWhenNotFound() async throws {
        let index = try FixtureIndex()
        let client = makeClient([
            IndexSource(name: "first", url: index.base() + "/simple/"),
            IndexSource(
                name: "second", url: index.base() + "/empty/simple/", priority: .supplemental),
        ])
        await #expect(throws: IndexError.packageNotFound("nope", sources: ["first", "second"])) {
            try await client.project("nope")
        }
        let message = IndexError.packageNotFound("nope", sources: ["first", "second"]).description
        #expect(message == "package 'nope' was not found in 'first', 'second'")
    }

    // MARK: - Metadata

    @Test func verifiesAdvertisedMetadataAndTriesUnadvertisedWheels() async throws {
        let index = try FixtureIndex()
        let client = makeClient([IndexSource(name: "fixture", url: index.base() + "/simple/")])
        let files = try await client.project("demo").files

        let advertised = try #require(try await client.metadata(for: files[1]))
        #expect(advertised.version == "1.0")
        #expect(advertised.requiresDist == ["six>=1.0", #"idna; extra == "net""#])
        #expect(advertised.providesExtra == ["net"])

        let unadvertised = try #require(try await client.metadata(for: files[2]))
        #expect(unadvertised.version == "1.1")

        #expect(try await client.metadata(for: files[0]) == nil)

        await #expect {
            try await client.metadata(for: files[3])
        } throws: { error in
            guard case .hashMismatch(let url, _, _) = error as? IndexError else { return false }
            return url == index.base() + "/files/demo-1.2-py3-none-any.whl.metadata"
        }
    }

    @Test func missingUnadvertisedMetadataMeansUnknown() async throws {
        let index = try FixtureIndex()
        let client = makeClient([IndexSource(name: "fixture", url: index.base() + "/simple/")])
        let wheel = DistributionFile(
            filename: "demo-9.0-py3-none-any.whl",
            url: index.base() + "/files/demo-9.0-py3-none-any.whl",
            sourceName: "fixture")
        #expect(try await client.metadata(for: wheel) == nil)
        #expect(try await client.metadata(forRelease: [wheel]) == nil)
    }

    @Test func releaseMetadataPrefersAdvertisedWheels() async throws {
        let index = try FixtureIndex()
        let client = makeClient([IndexSource(name: "fixture", url: index.base() + "/simple/")])
        let files = try await client.project("demo").files
        let metadata = try await client.metadata(forRelease: [files[0], files[2], files[1]])
        #expect(metadata?.version == "1.0")
        #expect(index.requests(to: "/files/demo-1.1-py3-none-any.whl.metadata").isEmpty)
    }
}
