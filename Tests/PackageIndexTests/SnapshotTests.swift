import Foundation
import PythonPackaging
import Testing

@testable import PackageIndex

@Suite struct SnapshotTests {
    @Test func recordsAndReadsBackThroughTheClient() async throws {
        let index = try FixtureIndex()
        let directory = try temporaryDirectory()
        let online = makeClient([IndexSource(name: "fixture", url: index.base() + "/simple/")])
        let records = try await online.recordSnapshot(
            ["Demo", "htmlonly"], to: directory, metadata: .all)
        #expect(records.map(\.name) == ["demo", "htmlonly"])
        #expect(records.map(\.fileCount) == [4, 1])
        // demo 1.2's advertised metadata fails its hash, so only 1.0 and 1.1 are known.
        #expect(records[0].metadataCount == 2)
        #expect(records[0].unknownCount == 1)

        let snapshot = try SnapshotIndex(directory: directory)
        let offline = makeClient([], mode: .offline) { $0.snapshot = snapshot }
        let live = try await online.project("demo")
        let recorded = try await offline.project("demo")
        #expect(recorded.files.map(\.filename) == live.files.map(\.filename))
        #expect(recorded.files.map(\.url) == live.files.map(\.url))
        #expect(recorded.files.map(\.requiresPython) == live.files.map(\.requiresPython))
        #expect(recorded.files.map(\.isYanked) == live.files.map(\.isYanked))
        #expect(recorded.files.map(\.sourceName) == ["fixture", "fixture", "fixture", "fixture"])

        let release = try #require(recorded.releases.first { $0.version == (try? Version("1.0")) })
        let metadata = try #require(try await offline.metadata(forRelease: release.files))
        #expect(metadata.requiresDist == ["six>=1.0", #"idna; extra == "net""#])
        #expect(metadata.requiresPython == ">=3.8")

        await #expect(throws: IndexError.self) { try await offline.project("absent") }
    }

    /// Project files may be gzip-compressed, and a directory of snapshots is searched
    /// folder by folder.
    @Test func readsCompressedProjectsInNestedSnapshots() throws {
        let root = try temporaryDirectory()
        let nested = root.appending(path: "private")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let json =
            Array(
                #"{"name":"demo","files":[{"filename":"demo-1.0.tar.gz","url":"https://x/d"}],"#
                    .utf8) + Array(#""metadata":{}}"#.utf8)

        // gzip with a file name in the header and one stored DEFLATE block.
        let length = UInt16(json.count)
        var gzip: [UInt8] = [0x1f, 0x8b, 8, 8, 0, 0, 0, 0, 0, 3] + Array("demo.json".utf8) + [0]
        gzip += [1, UInt8(length & 0xff), UInt8(length >> 8)]
        gzip += [~UInt8(length & 0xff), ~UInt8(length >> 8)] + json + Array(repeating: 0, count: 8)
        try Data(gzip).write(to: nested.appending(path: "demo.json.gz"))
        try Data("not gzip".utf8).write(to: root.appending(path: "bad.json.gz"))

        let snapshot = try SnapshotIndex(directory: root)
        let page = try #require(try snapshot.page(for: "Demo"))
        #expect(page.files.map(\.filename) == ["demo-1.0.tar.gz"])
        #expect(try snapshot.page(for: "absent") == nil)
        #expect(
            throws: IndexError.storage(
                path: root.appending(path: "bad.json.gz").path, detail: "not a gzip file")
        ) { try snapshot.page(for: "bad") }
    }

    @Test func missingDirectoryIsAnError() {
        #expect(
            throws: IndexError.storage(
                path: "/nonexistent/snap", detail: "no such snapshot directory")
        ) {
            try SnapshotIndex(directory: URL(fileURLWithPath: "/nonexistent/snap"))
        }
    }

    @Test func corruptFileIsAnError() throws {
        let directory = try temporaryDirectory()
        try Data("{".utf8).write(to: directory.appendingPathComponent("bad.json"))
        let snapshot = try SnapshotIndex(directory: directory)
        #expect(throws: IndexError.self) { try snapshot.page(for: "Bad") }
    }

    @Test(arguments: [
        (SnapshotMetadataSelection.newest(2), ["1.1", "2.0", "3.0rc1"]),
        (.newest(0), ["3.0rc1"]),
        (.all, ["1.0", "1.1", "1.2", "2.0", "3.0rc1"]),
        (.none, []),
    ])
    func selectsReleases(selection: SnapshotMetadataSelection, expected: [String]) throws {
        let files = ["1.0", "1.1", "1.2", "2.0", "3.0rc1"].map { version in
            DistributionFile(
                filename: "x-\(version).tar.gz", url: "https://h/x-\(version).tar.gz",
                isYanked: version == "1.2")
        }
        let releases = ProjectPage(name: "x", files: files).releases
        #expect(select(releases, by: selection).map(\.version.description) == expected)
        let spec = try SpecifierSet(">=1.1,<3")
        #expect(
            select(releases, by: .matching(spec)).map(\.version.description) == [
                "1.1", "1.2", "2.0",
            ])
    }
}

@Suite struct PrefetchTests {
    @Test func prefetchedPagesAreFetchedOnce() async throws {
        let index = try FixtureIndex()
        let client = makeClient([IndexSource(name: "f", url: index.base() + "/simple/")])
        client.prefetch(["demo", "htmlonly", "demo"])
        #expect(try await client.project("demo").files.count == 4)
        #expect(try await client.project("htmlonly").files.count == 1)
        #expect(index.requests(to: "/simple/demo/").count == 1)
        #expect(index.requests(to: "/simple/htmlonly/").count == 1)
    }
}

@Suite struct ProgressTests {
    final class Recorder: @unchecked Sendable {
        let lock = NSLock()
        var seen: [IndexProgress] = []
        func add(_ progress: IndexProgress) {
            lock.lock()
            seen.append(progress)
            lock.unlock()
        }
    }

    @Test func reportsRequestCountsAndBytes() async throws {
        let index = try FixtureIndex()
        let recorder = Recorder()
        let client = makeClient([IndexSource(name: "f", url: index.base() + "/simple/")]) {
            $0.progress = { recorder.add($0) }
        }
        let files = try await client.project("demo").files
        _ = try await client.metadata(for: files[1])
        let last = try #require(recorder.seen.last)
        #expect(last.started == 2)
        #expect(last.finished == 2)
        #expect(last.bytes > 900)
        #expect(recorder.seen.count == 4)
    }
}
