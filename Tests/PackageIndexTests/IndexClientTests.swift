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

@Suite struct WheelMetadataTests {
    @Test(arguments: [false, true])
    func readsMETADATAFromTheWheelByRanges(ignoringRanges: Bool) async throws {
        let index = try FixtureIndex()
        index.ignoresRanges = ignoringRanges
        let cache = try temporaryDirectory()
        let client = makeClient(
            [IndexSource(name: "f", url: index.base() + "/simple/")], cache: cache)
        let files = try await client.project("lazy").files
        for file in files {
            let metadata = try #require(try await client.metadata(for: file))
            #expect(metadata.name == "lazy")
            #expect(metadata.requiresDist == ["demo>=1.0", #"six; python_version < "3""#])
        }
        let stored = index.requests(to: "/files/lazy-1.0-py2-none-any.whl")
        #expect(stored.count == (ignoringRanges ? 1 : 2))
        #expect(stored.first?.headers["range"] == "bytes=-65536")

        // Cached: offline answers without asking again.
        let offline = makeClient([], mode: .offline, cache: cache)
        #expect(try await offline.metadata(for: files[0])?.version == "1.0")
    }

    @Test func releaseMetadataTriesOneWheel() async throws {
        let index = try FixtureIndex()
        let client = makeClient([IndexSource(name: "f", url: index.base() + "/simple/")])
        let files = try await client.project("lazy").files
        #expect(try await client.metadata(forRelease: files)?.version == "1.0")
        // The smallest wheel (by listed size) is the one asked.
        #expect(index.requests(to: "/files/lazy-1.0-py2-none-any.whl").isEmpty)
        #expect(index.requests(to: "/files/lazy-1.0-py2-none-any.whl.metadata").isEmpty)
    }

    @Test(arguments: [
        [UInt8](),
        [0x00],
        [0x03],
        [0x05, 0x00, 0x00],
        [0x01, 0x05, 0x00, 0x00, 0x00, 0x41],
        [0xFF, 0xFF, 0xFF, 0xFF],
        Array(repeating: 0x4b, count: 2000),
    ])
    func corruptDeflateStreamsFailCleanly(_ input: [UInt8]) {
        #expect(throws: IndexError.self) { try Inflater.inflate(input, limit: 1 << 20) }
    }

    @Test func inflatesStoredAndFixedBlocks() throws {
        // "hello" as a stored block, then as a fixed-Huffman block (from zlib, raw).
        let stored: [UInt8] = [0x01, 0x05, 0x00, 0xFA, 0xFF] + Array("hello".utf8)
        #expect(try Inflater.inflate(stored, limit: 100) == Array("hello".utf8))
        let fixed: [UInt8] = [0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]
        #expect(try Inflater.inflate(fixed, limit: 100) == Array("hello".utf8))
        #expect(throws: IndexError.self) { try Inflater.inflate(fixed, limit: 3) }
    }
}
