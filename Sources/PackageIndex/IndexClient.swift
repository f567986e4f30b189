import Foundation
import PythonPackaging
import Synchronization

/// Reads projects and core metadata from package indexes with Poetry's source rules,
/// through a disk cache, in parallel.
///
/// Safe to share between tasks: concurrent requests for the same page or metadata
/// file are made once.
public final class IndexClient: Sendable {
    /// The sources in search order.
    public let sources: [IndexSource]
    /// The source each package must come from, by normalized name: the dependencies
    /// that name a source with `source = "…"` in pyproject.toml.
    public let namedSources: [String: String]
    /// How the client works.
    public let configuration: IndexConfiguration
    let transport: any HTTPTransport
    let cache: HTTPCache?
    let credentials: CredentialStore
    private let pages = Memo<ProjectPage?>()
    private let metadataFiles = Memo<CoreMetadata?>()
    private let counters = Mutex(IndexProgress(started: 0, finished: 0, bytes: 0))

    /// The `Accept` header of PEP 691: JSON preferred, HTML accepted.
    static let simpleAccept =
        "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, "
        + "text/html;q=0.01"

    /// A client over `sources` (PyPI alone by default); a package in `namedSources`
    /// (normalized name → source name) is looked up in its source alone.
    public init(
        sources: [IndexSource] = [.pypi], namedSources: [String: String] = [:],
        configuration: IndexConfiguration = .init()
    ) {
        self.sources = sources
        self.namedSources = namedSources.reduce(into: [:]) {
            $0[normalizedProjectName($1.key)] = $1.value
        }
        self.configuration = configuration
        self.transport = HTTPFetcher(configuration: configuration.http)
        self.cache = configuration.cacheDirectory.map(HTTPCache.init(directory:))
        self.credentials = CredentialStore(
            environment: configuration.environment, netrcPath: configuration.netrcPath)
    }

    // MARK: - Projects

    /// The files of project `name` from the sources Poetry would search.
    ///
    /// With `source`, or when `namedSources` names one for the package, only that
    /// source is asked (an explicit source needs this). Otherwise every primary source
    /// is asked and their files merged in source order; supplemental sources are asked
    /// in turn only while nothing has been found.
    public func project(_ name: String, source: String? = nil) async throws(IndexError)
        -> ProjectPage
    {
        if let recorded = try configuration.snapshot?.page(for: name) { return recorded }
        let source = source ?? namedSources[normalizedProjectName(name)]

        let candidates: [IndexSource]
        if let source {
            candidates = sources.filter { $0.name.lowercased() == source.lowercased() }
            guard !candidates.isEmpty else {
                throw .invalidSource("no source named '\(source)' is declared")
            }
        } else {
            candidates = sources.filter { $0.priority != .explicit }
        }

        // Primary sources are fetched together; their files are merged in order.
        let primary = candidates.filter { $0.priority != .supplemental }
        var found: [ProjectPage] = []
        let results = await withTaskGroup(of: (Int, Result<ProjectPage?, IndexError>).self) {
            group in
            for (offset, source) in primary.enumerated() {
                group.addTask { (offset, await self.pageResult(name, in: source)) }
            }
            var results: [(Int, Result<ProjectPage?, IndexError>)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        for result in results {
            if let page = try result.get() { found.append(page) }
        }

        // Supplemental sources, one at a time, while nothing has files.
        for source in candidates where source.priority == .supplemental {
            if found.contains(where: { !$0.files.isEmpty }) { break }
            if let page = try await pageResult(name, in: source).get() { found.append(page) }
        }

        guard let first = found.first else {
            throw .packageNotFound(name, sources: candidates.map(\.name))
        }
        var merged = first
        for page in found.dropFirst() {
            merged.files += page.files
            merged.versions += page.versions.filter { !merged.versions.contains($0) }
        }
        return merged
    }

    /// Fetches every project in `names` in parallel (bounded by the HTTP limit).
    public func projects(_ names: [String]) async -> [String: Result<ProjectPage, IndexError>] {
        await withTaskGroup(of: (String, Result<ProjectPage, IndexError>).self) { group in
            for name in Set(names) {
                group.addTask {
                    do throws(IndexError) {
                        return (name, .success(try await self.project(name)))
                    } catch {
                        return (name, .failure(error))
                    }
                }
            }
            var results: [String: Result<ProjectPage, IndexError>] = [:]
            for await (name, result) in group { results[name] = result }
            return results
        }
    }

    /// Starts fetching `names` in the background, so a later `project(_:)` for any of
    /// them finds the page fetched or on its way: a resolver calls this for every
    /// dependency as soon as it learns of it.
    public func prefetch(_ names: some Sequence<String>) {
        for name in names {
            Task { _ = try? await self.project(name) }
        }
    }

    private func pageResult(_ name: String, in source: IndexSource) async
        -> Result<ProjectPage?, IndexError>
    {
        let key = source.name + "\n" + normalizedProjectName(name)
        return await pages.value(for: key) { () async throws(IndexError) -> ProjectPage? in
            try await self.fetchPage(name, in: source)
        }
    }

    /// The page of `name` in `source`, or `nil` when the source does not have it.
    private func fetchPage(_ name: String, in source: IndexSource) async throws(IndexError)
        -> ProjectPage?
    {
        let (root, credentials) = self.credentials.resolve(source)
        let url = (root.hasSuffix("/") ? root : root + "/") + normalizedProjectName(name) + "/"
        let response = try await get(
            url, accept: Self.simpleAccept, credentials: credentials, package: name,
            isImmutable: false)
        switch response.status {
        case 200:
            var page = try decodePage(response, url: response.url, name: name)
            for index in page.files.indices { page.files[index].sourceName = source.name }
            return page
        case 404, 410:
            return nil
        case 401, 403:
            throw .accessDenied(
                status: response.status, url: redacted(url), source: source.name,
                variables: source.credentialVariables)
        default:
            throw .httpStatus(response.status, url: redacted(url))
        }
    }

    private func decodePage(_ response: CachedResponse, url: String, name: String)
        throws(IndexError) -> ProjectPage
    {
        let type = (response.contentType ?? "").lowercased()
        let looksLikeJSON =
            response.body.first { !($0 == 32 || $0 == 10 || $0 == 13 || $0 == 9) }
            == UInt8(ascii: "{")
        if type.contains("json") || (!type.contains("html") && looksLikeJSON) {
            return try ProjectPage(json: response.body, pageURL: url)
        }
        return ProjectPage(html: response.body, pageURL: url, name: name)
    }

    // MARK: - Metadata

    /// The core metadata of `file` through PEP 658/714, or `nil` when the index
    /// offers none ("dependencies unknown": never guessed).
    ///
    /// Advertised metadata is checked against its sha256. A wheel's `.metadata` is
    /// tried even when not advertised; a 404 then means unknown.
    public func metadata(for file: DistributionFile) async throws(IndexError) -> CoreMetadata? {
        if let text = configuration.snapshot?.metadataText(for: file) {
            return try CoreMetadata(parsing: Array(text.utf8))
        }
        return try await metadataFiles.value(for: file.metadataURL) {
            () async throws(IndexError) -> CoreMetadata? in
            try await self.fetchMetadata(for: file)
        }.get()
    }

    /// The core metadata of a release from the first of its `files` that offers it:
    /// advertised wheels, other wheels, then advertised sdists. `nil` when none does.
    public func metadata(forRelease files: [DistributionFile]) async throws(IndexError)
        -> CoreMetadata?
    {
        try await metadataSource(files)?.1
    }

    private func fetchMetadata(for file: DistributionFile) async throws(IndexError)
        -> CoreMetadata?
    {
        let advertised: [String: String]?
        switch file.coreMetadata {
        case .advertised(let hashes): advertised = hashes
        case .notAdvertised: advertised = nil
        }
        let source = sources.first { $0.name == file.sourceName }
        let credentials = source.flatMap { self.credentials.resolve($0).credentials }
        if file.isWheel, let entry = cache?.entry(for: wheelMetadataKey(file)) {
            return try CoreMetadata(parsing: entry.body)
        }

        // PEP 658/714: `<file-url>.metadata`, checked against its advertised digest.
        if advertised != nil || (file.isWheel && configuration.triesUnadvertisedMetadata) {
            let url = file.metadataURL
            let response = try await get(
                url, accept: nil, credentials: credentials, package: file.filename,
                isImmutable: true, maxBytes: 16 << 20)
            switch response.status {
            case 200:
                if let expected = advertised?["sha256"] {
                    let found = SHA256.hexDigest(of: response.body)
                    guard found == expected else {
                        throw .hashMismatch(url: redacted(url), expected: expected, found: found)
                    }
                }
                return try CoreMetadata(parsing: response.body)
            case 401, 403:
                guard advertised == nil else {
                    throw .accessDenied(
                        status: response.status, url: redacted(url), source: file.sourceName,
                        variables: source?.credentialVariables ?? [])
                }
                configuration.log?("no metadata at '\(redacted(url))' (HTTP \(response.status))")
            case 404, 410:
                configuration.log?("no metadata at '\(redacted(url))' (HTTP \(response.status))")
            default:
                throw .httpStatus(response.status, url: redacted(url))
            }
        }

        // The wheel's own METADATA, read with range requests.
        guard file.isWheel, configuration.readsWheelMetadata else { return nil }
        return try await wheelMetadata(file, credentials: credentials)
    }

    /// The cache key of a wheel's METADATA read from the archive.
    private func wheelMetadataKey(_ file: DistributionFile) -> String {
        "wheel-metadata\n" + file.url
    }

    /// A wheel's METADATA read from the archive itself, cached like a metadata file.
    private func wheelMetadata(_ file: DistributionFile, credentials: Credentials?)
        async throws(IndexError) -> CoreMetadata?
    {
        let key = wheelMetadataKey(file)
        if configuration.mode == .offline {
            throw .offlineMiss(package: file.filename, url: redacted(file.url))
        }
        let reader = WheelMetadataReader(
            transport: transport, url: file.url, credentials: credentials)
        count(answeredWith: nil)
        let read: [UInt8]?
        do {
            read = try await reader.read()
            count(answeredWith: read?.count ?? 0)
        } catch {
            count(answeredWith: 0)
            throw error
        }
        guard let bytes = read else {
            configuration.log?("no METADATA readable in '\(redacted(file.url))'")
            return nil
        }
        configuration.log?("read METADATA from '\(redacted(file.url))' by range requests")
        let metadata = try CoreMetadata(parsing: bytes)
        let entry = CacheEntry(
            url: file.url, headers: [:], body: Data(bytes), isImmutable: true, now: Date())
        try? cache?.store(entry, for: key)
        return metadata
    }

    /// The files of a release worth asking for metadata, best first: advertised
    /// wheels, advertised sdists, then one other wheel (the smallest, whose
    /// `.metadata` or archive is read; every wheel of a release carries the same
    /// metadata, so asking more would only repeat failures).
    func rankedForMetadata(_ files: [DistributionFile]) -> [DistributionFile] {
        let advertised = files.filter { $0.coreMetadata != .notAdvertised }
        var ranked = advertised.filter(\.isWheel) + advertised.filter { !$0.isWheel }
        let others = files.filter { $0.isWheel && $0.coreMetadata == .notAdvertised }
        if let smallest = others.min(by: { ($0.size ?? .max) < ($1.size ?? .max) }) {
            ranked.append(smallest)
        }
        return ranked
    }

    /// Counts a request sent (`bytes == nil`) or answered, and reports the totals.
    func count(answeredWith bytes: Int?) {
        let totals = counters.withLock { counters in
            if let bytes {
                counters.finished += 1
                counters.bytes += bytes
            } else {
                counters.started += 1
            }
            return counters
        }
        configuration.progress?(totals)
    }

    // MARK: - Cache

    /// Removes every cached response; returns the number of files removed.
    @discardableResult
    public func clearCache() throws(IndexError) -> Int { try cache?.clear() ?? 0 }
}

/// Results computed once per key, shared by every concurrent asker.
private actor Memo<Value: Sendable> {
    private var tasks: [String: Task<Result<Value, IndexError>, Never>] = [:]

    func value(
        for key: String, compute: @escaping @Sendable () async throws(IndexError) -> Value
    ) async -> Result<Value, IndexError> {
        if let task = tasks[key] { return await task.value }
        let task = Task { () -> Result<Value, IndexError> in
            do throws(IndexError) {
                return .success(try await compute())
            } catch {
                return .failure(error)
            }
        }
        tasks[key] = task
        return await task.value
    }
}
