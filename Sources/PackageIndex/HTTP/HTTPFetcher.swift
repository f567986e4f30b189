import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How the HTTP layer behaves: limits, timeouts and retries.
public struct HTTPConfiguration: Sendable {
    /// Requests in flight at once.
    public var maxConcurrentRequests = 16
    /// Seconds without progress before a request fails; whole seconds, at least one
    /// (libcurl under `URLSession` truncates fractions, and zero fails at once).
    public var timeout: TimeInterval = 30
    /// Tries per request, counting the first.
    public var maxAttempts = 4
    /// The first retry's delay in seconds; each later one doubles it.
    public var backoffBase: TimeInterval = 0.25
    /// The longest delay between tries, even when `Retry-After` asks for more.
    public var maxBackoff: TimeInterval = 10
    /// The largest response body accepted, in bytes.
    public var maxResponseBytes = 256 << 20
    /// Redirects followed per request.
    public var maxRedirects = 10
    /// The `User-Agent` header.
    public var userAgent = "preflight"
    /// The CA bundle the environment asks for (`SSL_CERT_FILE`, `REQUESTS_CA_BUNDLE`,
    /// `PIP_CERT`), named in TLS failures: `URLSession` on Linux verifies against the
    /// system trust store only, so a bundle outside it must be added to that store.
    public var caBundle: String?

    /// The defaults: 16 parallel requests, 30 s timeout, 4 tries, 256 MiB bodies.
    public init() {}
}

/// One GET request.
struct HTTPRequest: Sendable {
    var url: String
    var accept: String?
    var credentials: Credentials?
    var ifNoneMatch: String?
    var ifModifiedSince: String?
    /// A `Range` header value, such as `bytes=-65536`.
    var range: String?
    /// The largest body accepted; `nil` uses the configuration's limit.
    var maxBytes: Int?
}

/// A response after redirects: its status, lowercase header names and body.
struct HTTPResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data
    /// The URL that answered, after redirects.
    var url: String
}

/// Something that answers HTTP requests; the seam the index client fetches through.
protocol HTTPTransport: Sendable {
    /// Performs `request`, following redirects and retrying transient failures.
    func fetch(_ request: HTTPRequest) async throws(IndexError) -> HTTPResponse
}

/// The HTTP layer over `URLSession`: bounded parallelism, retries with exponential
/// backoff on 429, 5xx and dropped connections, redirects followed by hand so
/// credentials never leave their host, and a cap on body sizes.
final class HTTPFetcher: HTTPTransport {
    let configuration: HTTPConfiguration
    private let timeout: TimeInterval
    private let limiter: AsyncLimiter
    private let session: URLSession
    private let delegate: SessionDelegate

    init(configuration: HTTPConfiguration = HTTPConfiguration()) {
        self.configuration = configuration
        self.timeout = max(1, configuration.timeout.rounded(.up))
        self.limiter = AsyncLimiter(limit: configuration.maxConcurrentRequests)
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = timeout
        sessionConfiguration.timeoutIntervalForResource = timeout * 8
        sessionConfiguration.httpMaximumConnectionsPerHost = configuration.maxConcurrentRequests
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.urlCache = nil
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.urlCredentialStorage = nil
        let delegate = SessionDelegate()
        self.delegate = delegate
        self.session = URLSession(
            configuration: sessionConfiguration, delegate: delegate, delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    func fetch(_ request: HTTPRequest) async throws(IndexError) -> HTTPResponse {
        var current = request
        var visited: Set<String> = []
        for _ in 0...configuration.maxRedirects {
            let response = try await fetchWithRetries(current)
            guard [301, 302, 303, 307, 308].contains(response.status),
                let location = response.headers["location"],
                let base = URL(string: current.url),
                let next = URL(string: location, relativeTo: base)?.absoluteURL,
                next.scheme == "http" || next.scheme == "https"
            else { return response }

            // Credentials stay with their host: a redirect elsewhere drops them.
            if let credentials = current.credentials, !credentials.applies(to: next) {
                current.credentials = nil
            }
            guard visited.insert(next.absoluteString).inserted else { break }
            current.url = next.absoluteString
        }
        throw .tooManyRedirects(url: redacted(request.url))
    }

    private func fetchWithRetries(_ request: HTTPRequest) async throws(IndexError)
        -> HTTPResponse
    {
        var attempt = 0
        while true {
            attempt += 1
            let isLast = attempt >= configuration.maxAttempts
            do {
                let response = try await perform(request)
                let transient = response.status == 429 || (500...599).contains(response.status)
                if !transient || isLast { return response }
                await pause(attempt: attempt, retryAfter: response.headers["retry-after"])
            } catch let error as IndexError {
                if isLast { throw error }
                // Dropped connections and timeouts are worth another try; refused TLS
                // and unknown hosts will fail the same way again.
                switch error {
                case .network(_, let detail) where detail.contains("trust store"):
                    throw error
                case .network(_, "unknown host"):
                    throw error
                case .network, .timedOut: await pause(attempt: attempt, retryAfter: nil)
                default: throw error
                }
            } catch {
                throw .network(url: redacted(request.url), detail: "\(error)")
            }
        }
    }

    /// Sleeps before try `attempt + 1`: exponential backoff, or `Retry-After` seconds.
    private func pause(attempt: Int, retryAfter: String?) async {
        var delay = configuration.backoffBase * Double(1 << min(attempt - 1, 16))
        if let retryAfter, let seconds = Double(retryAfter.trimmingCharacters(in: .whitespaces)) {
            delay = max(delay, seconds)
        }
        delay = min(delay, configuration.maxBackoff)
        try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
    }

    /// One exchange, no redirects followed, within a concurrency slot.
    private func perform(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let url = URL(string: request.url), url.scheme == "http" || url.scheme == "https"
        else {
            throw IndexError.invalidSource("'\(redacted(request.url))' is not an http(s) URL")
        }
        var urlRequest = URLRequest(url: url, timeoutInterval: timeout)
        urlRequest.setValue(configuration.userAgent, forHTTPHeaderField: "User-Agent")
        if let accept = request.accept { urlRequest.setValue(accept, forHTTPHeaderField: "Accept") }
        if let credentials = request.credentials, credentials.applies(to: url) {
            urlRequest.setValue(credentials.authorization, forHTTPHeaderField: "Authorization")
        }
        if let etag = request.ifNoneMatch {
            urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match")
        }
        if let date = request.ifModifiedSince {
            urlRequest.setValue(date, forHTTPHeaderField: "If-Modified-Since")
        }
        if let range = request.range { urlRequest.setValue(range, forHTTPHeaderField: "Range") }

        await limiter.acquire()
        let outcome = await delegate.run(
            session.dataTask(with: urlRequest),
            limit: request.maxBytes ?? configuration.maxResponseBytes)
        await limiter.release()

        switch outcome {
        case .success(let response, let body):
            var headers: [String: String] = [:]
            for (key, value) in response.allHeaderFields {
                if let key = key as? String, let value = value as? String {
                    headers[key.lowercased()] = value
                }
            }
            return HTTPResponse(
                status: response.statusCode, headers: headers, body: body, url: request.url)
        case .tooLarge(let limit):
            throw IndexError.responseTooLarge(url: redacted(request.url), limit: limit)
        case .failure(let error):
            throw classify(error, url: request.url, caBundle: configuration.caBundle)
        }
    }
}

/// The index error for a transport failure.
private func classify(_ error: any Error, url: String, caBundle: String?) -> IndexError {
    let safeURL = redacted(url)
    guard let urlError = error as? URLError else {
        return .network(url: safeURL, detail: "\(error.localizedDescription)")
    }
    let description = urlError.localizedDescription.lowercased()
    let tlsCodes: Set<URLError.Code> = [
        .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
        .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid,
    ]
    if tlsCodes.contains(urlError.code) || description.contains("ssl")
        || description.contains("certificate")
    {
        var detail = "\(description) (the system trust store does not accept the server)"
        if let caBundle {
            detail += """
                ; '\(caBundle)' is not read by URLSession on Linux: add its certificates to \
                the system store (update-ca-certificates)
                """
        }
        return .network(url: safeURL, detail: detail)
    }
    switch urlError.code {
    case .timedOut: return .timedOut(url: safeURL)
    case .cannotFindHost, .dnsLookupFailed: return .network(url: safeURL, detail: "unknown host")
    case .cannotConnectToHost: return .network(url: safeURL, detail: "connection refused")
    case .networkConnectionLost: return .network(url: safeURL, detail: "connection lost")
    default:
        return .network(url: safeURL, detail: description)
    }
}

// MARK: - Session delegate

/// How one data task ended.
private enum TaskOutcome: Sendable {
    case success(HTTPURLResponse, Data)
    case tooLarge(Int)
    case failure(any Error)
}

/// Collects each task's response and body, refuses redirects (the fetcher follows them
/// itself) and cancels a task whose body outgrows its limit.
private final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct State {
        var limit: Int
        var body = Data()
        var response: HTTPURLResponse?
        var exceeded = false
        var wasChallenged = false
        var continuation: CheckedContinuation<TaskOutcome, Never>
    }

    private let lock = NSLock()
    private var states: [Int: State] = [:]

    func run(_ task: URLSessionDataTask, limit: Int) async -> TaskOutcome {
        await withCheckedContinuation { continuation in
            lock.lock()
            states[task.taskIdentifier] = State(limit: limit, continuation: continuation)
            lock.unlock()
            task.resume()
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    // A 401 with `WWW-Authenticate` is an answer, not a challenge to take up: the
    // fetcher sends credentials itself. Declining ends the task with a cancellation
    // that `didCompleteWithError` turns back into the 401 response.
    func urlSession(
        _ session: URLSession, task: URLSessionTask,
        didReceive challenge: URLAuthenticationChallenge,
        completionHandler:
            @escaping @Sendable (
                URLSession.AuthChallengeDisposition, URLCredential?
            ) -> Void
    ) {
        lock.lock()
        states[task.taskIdentifier]?.wasChallenged = true
        lock.unlock()
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        lock.lock()
        let limit = states[dataTask.taskIdentifier]?.limit ?? 0
        states[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
        let tooLarge = response.expectedContentLength > Int64(limit)
        if tooLarge { states[dataTask.taskIdentifier]?.exceeded = true }
        lock.unlock()
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        guard var state = states[dataTask.taskIdentifier] else {
            lock.unlock()
            return
        }
        state.body.append(data)
        let exceeded = state.body.count > state.limit
        if exceeded {
            state.exceeded = true
            state.body = Data()
        }
        states[dataTask.taskIdentifier] = state
        lock.unlock()
        if exceeded { dataTask.cancel() }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?
    ) {
        lock.lock()
        let state = states.removeValue(forKey: task.taskIdentifier)
        lock.unlock()
        guard let state else { return }
        let response = state.response ?? (task.response as? HTTPURLResponse)
        if state.exceeded {
            state.continuation.resume(returning: .tooLarge(state.limit))
        } else if state.wasChallenged, let response {
            state.continuation.resume(returning: .success(response, state.body))
        } else if let error {
            state.continuation.resume(returning: .failure(error))
        } else if let response {
            state.continuation.resume(returning: .success(response, state.body))
        } else {
            state.continuation.resume(returning: .failure(URLError(.badServerResponse)))
        }
    }
}
