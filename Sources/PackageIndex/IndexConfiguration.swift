import Foundation

/// Everything about how the index client works, apart from which sources it asks.
public struct IndexConfiguration: Sendable {
    /// Parallelism, timeouts, retries and size limits.
    public var http = HTTPConfiguration()
    /// The disk cache root; `nil` disables the cache.
    public var cacheDirectory: URL?
    /// Whether the cache answers alone, is revalidated, or is all there is.
    public var mode: CacheMode = .normal
    /// A recorded snapshot consulted before any source (`--index-snapshot DIR`).
    public var snapshot: SnapshotIndex?
    /// Where credentials are looked up (`POETRY_HTTP_BASIC_…`, `HOME`, `NETRC`).
    public var environment: [String: String]
    /// The netrc file; `nil` means `$NETRC` or `~/.netrc`.
    public var netrcPath: String?
    /// Seconds a project page stays fresh when the server states no lifetime.
    public var pageLifetime: TimeInterval = 600
    /// Whether wheels' `<file-url>.metadata` is tried even when the index does not
    /// advertise it (some mirrors serve it without saying so); a 404 means unknown.
    public var triesUnadvertisedMetadata = true
    /// Whether a wheel without a metadata file has its `METADATA` read from the archive
    /// with HTTP range requests, as installers do.
    public var readsWheelMetadata = true
    /// Receives one line per request and notable event, URLs redacted; the CLI
    /// shows them as `debug:` lines.
    public var log: (@Sendable (String) -> Void)?
    /// Receives the request counts after each request to the network; the CLI draws
    /// them as a progress line on a terminal.
    public var progress: (@Sendable (IndexProgress) -> Void)?

    /// The defaults over `environment`, with the cache in its default directory.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        http.caBundle = ["SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "PIP_CERT"].lazy
            .compactMap { environment[$0] }.first { !$0.isEmpty }
        self.cacheDirectory = HTTPCache.defaultDirectory(environment: environment)
    }
}

/// How far the client's network work has come.
public struct IndexProgress: Sendable, Hashable {
    /// Requests sent so far.
    public var started: Int
    /// Requests answered so far.
    public var finished: Int
    /// Response bytes received so far.
    public var bytes: Int
}
