import Foundation
import PythonPackaging

/// How the client uses its disk cache and the network.
public enum CacheMode: String, Sendable, Hashable {
    /// Fresh entries answer directly; stale ones are revalidated.
    case normal
    /// Every entry is revalidated (`--refresh`).
    case refresh
    /// Only the cache and snapshots answer; a miss is an error (`--offline`).
    case offline
}

/// One cached response: its body and what revalidation needs.
struct CacheEntry: Codable, Sendable {
    var url: String
    var storedAt: Double
    var contentType: String?
    var etag: String?
    var lastModified: String?
    /// `Cache-Control: max-age`, in seconds.
    var maxAge: Double?
    /// `no-cache` or `no-store` was given: revalidate every time.
    var mustRevalidate: Bool
    /// The body never changes (a metadata file of an immutable upload).
    var isImmutable: Bool
    var body: Data = Data()

    private enum CodingKeys: String, CodingKey {
        case url, storedAt, contentType, etag, lastModified, maxAge, mustRevalidate, isImmutable
    }

    /// Whether the entry may answer without asking the server, `heuristic` seconds
    /// being the lifetime of a response that states none.
    func isFresh(now: Date, heuristic: TimeInterval) -> Bool {
        if isImmutable { return true }
        if mustRevalidate { return false }
        return now.timeIntervalSince1970 - storedAt < (maxAge ?? heuristic)
    }
}

/// A disk cache of HTTP responses under one directory: `http/<sha256>.json` holds the
/// validators, `http/<sha256>.body` the bytes. Writes are atomic renames, so a crash
/// leaves either the old entry or the new one.
struct HTTPCache: Sendable {
    /// The cache root, such as `~/.cache/preflight`.
    let directory: URL

    /// The default root: `PREFLIGHT_CACHE_DIR`, else `$XDG_CACHE_HOME/preflight`, else
    /// `~/.cache/preflight`.
    static func defaultDirectory(environment: [String: String]) -> URL {
        if let explicit = environment["PREFLIGHT_CACHE_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("preflight")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/preflight")
    }

    private func paths(for key: String) -> (meta: URL, body: URL) {
        let name = SHA256.hexDigest(of: Array(key.utf8))
        let folder = directory.appendingPathComponent("http")
        return (
            folder.appendingPathComponent(name + ".json"),
            folder.appendingPathComponent(name + ".body")
        )
    }

    /// The entry stored under `key`, or `nil` when there is none or it is unreadable.
    func entry(for key: String) -> CacheEntry? {
        let (metaPath, bodyPath) = paths(for: key)
        guard let meta = try? Data(contentsOf: metaPath),
            var entry = try? JSONDecoder().decode(CacheEntry.self, from: meta),
            let body = try? Data(contentsOf: bodyPath)
        else { return nil }
        entry.body = body
        return entry
    }

    /// Stores `entry` under `key`.
    func store(_ entry: CacheEntry, for key: String) throws(IndexError) {
        let (metaPath, bodyPath) = paths(for: key)
        do {
            try FileManager.default.createDirectory(
                at: metaPath.deletingLastPathComponent(), withIntermediateDirectories: true)
            try entry.body.write(to: bodyPath, options: .atomic)
            try JSONEncoder().encode(entry).write(to: metaPath, options: .atomic)
        } catch {
            throw .storage(path: directory.path, detail: "\(error.localizedDescription)")
        }
    }

    /// Removes every entry; returns the number of files removed.
    @discardableResult
    func clear() throws(IndexError) -> Int {
        let folder = directory.appendingPathComponent("http")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        do {
            if FileManager.default.fileExists(atPath: folder.path) {
                try FileManager.default.removeItem(at: folder)
            }
        } catch {
            throw .storage(path: folder.path, detail: "\(error.localizedDescription)")
        }
        return names.count
    }
}

extension CacheEntry {
    /// An entry for a `200` response to `url`, validators and lifetime from `headers`.
    init(url: String, headers: [String: String], body: Data, isImmutable: Bool, now: Date) {
        let control = (headers["cache-control"] ?? "").lowercased()
        var maxAge: Double?
        var mustRevalidate = false
        for directive in control.split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            switch parts[0] {
            case "max-age" where parts.count == 2: maxAge = Double(parts[1])
            case "no-cache", "no-store": mustRevalidate = true
            case "immutable": maxAge = maxAge ?? .greatestFiniteMagnitude
            default: continue
            }
        }
        self.init(
            url: url, storedAt: now.timeIntervalSince1970, contentType: headers["content-type"],
            etag: headers["etag"], lastModified: headers["last-modified"], maxAge: maxAge,
            mustRevalidate: mustRevalidate, isImmutable: isImmutable, body: body)
    }
}
