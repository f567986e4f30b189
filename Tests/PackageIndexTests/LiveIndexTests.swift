import Foundation
import PythonPackaging
import Testing

@testable import PackageIndex

/// Checks against the real PyPI; run with `PREFLIGHT_NETWORK_TESTS=1`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PREFLIGHT_NETWORK_TESTS"] == "1"))
struct LiveIndexTests {
    func client() throws -> IndexClient {
        var configuration = IndexConfiguration()
        configuration.cacheDirectory = try temporaryDirectory()
        return IndexClient(sources: [.pypi], configuration: configuration)
    }

    @Test func grpcioReleasesAndWheels() async throws {
        let page = try await client().project("grpcio")
        let releases = page.releases
        let target = try TargetEnvironment(python: "3.12", platform: "debian")
        let release = try #require(releases.first { $0.version == (try? Version("1.60.0")) })
        let wheel = try #require(release.bestWheel(for: target))
        #expect(wheel.filename.contains("cp312-cp312-manylinux"))
        let old = try #require(releases.first { $0.version == (try? Version("1.54.2")) })
        #expect(
            old.bestWheel(for: try TargetEnvironment(python: "3.14", platform: "debian")) == nil)
    }

    @Test func wheelMetadataWithoutAdvertisement() async throws {
        let client = try client()
        let page = try await client.project("requests")
        let release = try #require(page.releases.first { $0.version == (try? Version("2.32.3")) })
        let metadata = try #require(try await client.metadata(forRelease: release.files))
        #expect(metadata.name == "requests")
        #expect(metadata.requiresDist.contains { $0.hasPrefix("urllib3") })
    }

    @Test func htmlFormMatchesJSON() async throws {
        let url = "https://pypi.org/simple/six/"
        let fetcher = HTTPFetcher()
        let json = try await fetcher.fetch(
            HTTPRequest(url: url, accept: "application/vnd.pypi.simple.v1+json"))
        let html = try await fetcher.fetch(HTTPRequest(url: url, accept: "text/html"))
        let fromJSON = try ProjectPage(json: json.body, pageURL: url)
        let fromHTML = ProjectPage(html: html.body, pageURL: url, name: "six")
        func summary(_ page: ProjectPage) -> Set<String> {
            Set(page.files.map { "\($0.filename) \($0.url) \($0.hashes) \($0.isYanked)" })
        }
        #expect(fromJSON.files.count == fromHTML.files.count)
        #expect(summary(fromJSON) == summary(fromHTML))
    }
}
