import Foundation
import Testing

@testable import PackageIndex

/// Serves the fixture tree `Resources/index` the way a simple repository does.
///
/// Mounts: `/simple/…` and `/files/…` as they are; `/mirror/…` the same tree again;
/// `/private/…` the same tree behind Basic auth `alice:s3cret`; `/empty/…` 404 for
/// everything. JSON is served when `Accept` asks for it and the tree has it, HTML
/// otherwise. Scripted answers for a path are served first, in order.
final class FixtureIndex: @unchecked Sendable {
    static let authorization = "Basic " + Data("alice:s3cret".utf8).base64EncodedString()

    let root: URL
    private let lock = NSLock()
    private var scripts: [String: [ServedResponse]] = [:]
    private(set) var server: LoopbackServer!

    init() throws {
        root = try #require(
            Bundle.module.url(forResource: "index", withExtension: nil, subdirectory: "Resources"))
        server = try LoopbackServer { [unowned self] request in handle(request) }
    }

    deinit { server.stop() }

    /// The base URL through `host`.
    func base(_ host: String = "127.0.0.1") -> String { server.base(host) }

    /// Serves `responses` for `path`, one per request, before the tree answers again.
    func script(_ path: String, _ responses: [ServedResponse]) {
        lock.lock()
        scripts[path, default: []] += responses
        lock.unlock()
    }

    /// The requests made for `path`.
    func requests(to path: String) -> [ServedRequest] {
        server.requests.filter { $0.path == path }
    }

    private func handle(_ request: ServedRequest) -> ServedResponse {
        lock.lock()
        if var queue = scripts[request.path], !queue.isEmpty {
            let next = queue.removeFirst()
            scripts[request.path] = queue
            lock.unlock()
            return next
        }
        lock.unlock()

        var components = request.path.split(separator: "/").map(String.init)
        switch components.first {
        case "empty":
            return .text(404, "not found")
        case "private":
            guard request.headers["authorization"] == Self.authorization else {
                return ServedResponse(
                    status: 401, headers: [("WWW-Authenticate", "Basic realm=\"x\"")])
            }
            components.removeFirst()
        case "mirror":
            components.removeFirst()
        default:
            break
        }
        let path = components.joined(separator: "/")
        let wantsJSON = (request.headers["accept"] ?? "").contains("vnd.pypi.simple.v1+json")
        if components.first == "simple" {
            let folder = root.appendingPathComponent(path)
            let json = folder.appendingPathComponent("index.json")
            let html = folder.appendingPathComponent("index.html")
            if wantsJSON, let data = try? Data(contentsOf: json) {
                return ServedResponse(
                    status: 200, headers: [("Content-Type", "application/vnd.pypi.simple.v1+json")],
                    body: data)
            }
            if let data = try? Data(contentsOf: html) {
                return ServedResponse(
                    status: 200, headers: [("Content-Type", "text/html")], body: data)
            }
            return .text(404, "not found")
        }
        if let data = try? Data(contentsOf: root.appendingPathComponent(path)) {
            if let range = request.headers["range"], !ignoresRanges,
                let (low, high) = byteRange(range, length: data.count)
            {
                return ServedResponse(
                    status: 206,
                    headers: [
                        ("Content-Type", "application/octet-stream"),
                        ("Content-Range", "bytes \(low)-\(high)/\(data.count)"),
                    ],
                    body: data.subdata(in: low..<(high + 1)))
            }
            return ServedResponse(
                status: 200, headers: [("Content-Type", "application/octet-stream")], body: data)
        }
        return .text(404, "not found")
    }

    /// Whether `Range` headers are ignored, as some servers do.
    var ignoresRanges = false

    /// The inclusive byte range a `bytes=a-b` or `bytes=-n` header asks of `length`.
    private func byteRange(_ header: String, length: Int) -> (Int, Int)? {
        guard header.hasPrefix("bytes="), length > 0 else { return nil }
        let spec = header.dropFirst(6).split(separator: "-", omittingEmptySubsequences: false)
        guard spec.count == 2 else { return nil }
        if spec[0].isEmpty, let suffix = Int(spec[1]) {
            return (max(0, length - suffix), length - 1)
        }
        guard let low = Int(spec[0]), low < length else { return nil }
        let high = Int(spec[1]).map { min($0, length - 1) } ?? length - 1
        return low <= high ? (low, high) : nil
    }
}

/// A client for tests: no user environment, a fresh cache directory, quick retries.
func makeClient(
    _ sources: [IndexSource], mode: CacheMode = .normal, cache: URL? = nil,
    environment: [String: String] = [:], configure: (inout IndexConfiguration) -> Void = { _ in }
) -> IndexClient {
    var configuration = IndexConfiguration(
        environment: environment.merging(["HOME": "/nonexistent"]) { a, _ in a })
    configuration.cacheDirectory = cache
    configuration.mode = mode
    configuration.netrcPath = "/nonexistent/.netrc"
    configuration.http.backoffBase = 0.01
    configuration.http.timeout = 5
    configure(&configuration)
    return IndexClient(sources: sources, configuration: configuration)
}

/// A new empty directory under the temporary directory.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("preflight-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
