import Foundation

/// A response as the client sees it, from the network or the cache.
struct CachedResponse: Sendable {
    var status: Int
    var contentType: String?
    var body: Data
    /// The URL that answered, after redirects.
    var url: String
}

extension IndexClient {
    /// GET `url` through the disk cache, as the cache mode allows.
    ///
    /// Offline, only the cache answers and a miss names `package`. Otherwise a fresh
    /// entry answers (unless refreshing), a stale one is revalidated with its ETag or
    /// Last-Modified, and a 200 replaces it. Only 200 responses are stored.
    func get(
        _ url: String, accept: String?, credentials: Credentials?, package: String,
        isImmutable: Bool, maxBytes: Int? = nil
    ) async throws(IndexError) -> CachedResponse {
        let key = (accept ?? "") + "\n" + url
        let entry = cache?.entry(for: key)
        let now = Date()

        if configuration.mode == .offline {
            guard let entry else { throw .offlineMiss(package: package, url: redacted(url)) }
            return CachedResponse(
                status: 200, contentType: entry.contentType, body: entry.body, url: entry.url)
        }
        // Immutable entries (metadata files) are never asked for again, even when
        // refreshing: an upload's file cannot change.
        if let entry,
            entry.isImmutable
                || (configuration.mode == .normal
                    && entry.isFresh(now: now, heuristic: configuration.pageLifetime))
        {
            configuration.log?("cache hit '\(redacted(url))'")
            return CachedResponse(
                status: 200, contentType: entry.contentType, body: entry.body, url: entry.url)
        }

        let request = HTTPRequest(
            url: url, accept: accept, credentials: credentials, ifNoneMatch: entry?.etag,
            ifModifiedSince: entry?.lastModified, range: nil, maxBytes: maxBytes)
        let started = Date()
        count(answeredWith: nil)
        let response: HTTPResponse
        do {
            response = try await transport.fetch(request)
            count(answeredWith: response.body.count)
        } catch {
            count(answeredWith: 0)
            throw error
        }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        configuration.log?(
            "GET '\(redacted(url))' → \(response.status), \(response.body.count) bytes, "
                + "\(milliseconds) ms")

        if response.status == 304, var entry {
            entry.storedAt = now.timeIntervalSince1970
            let refreshed = CacheEntry(
                url: entry.url, headers: response.headers, body: entry.body,
                isImmutable: isImmutable, now: now)
            entry.maxAge = refreshed.maxAge ?? entry.maxAge
            try? cache?.store(entry, for: key)
            return CachedResponse(
                status: 200, contentType: entry.contentType, body: entry.body, url: entry.url)
        }
        if response.status == 200, let cache {
            let fresh = CacheEntry(
                url: response.url, headers: response.headers, body: response.body,
                isImmutable: isImmutable, now: now)
            do {
                try cache.store(fresh, for: key)
            } catch {
                configuration.log?("\(error)")
            }
        }
        return CachedResponse(
            status: response.status, contentType: response.headers["content-type"],
            body: response.body, url: response.url)
    }
}
