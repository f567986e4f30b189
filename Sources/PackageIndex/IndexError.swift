/// Everything that can go wrong while talking to a package index, its cache or a snapshot.
///
/// Messages are one lowercase phrase; URLs in them are always redacted.
public enum IndexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No source that may serve `package` knows it.
    case packageNotFound(String, sources: [String])
    /// The index refused the request (401 or 403); `variables` are the ones to set.
    case accessDenied(status: Int, url: String, source: String, variables: [String])
    /// Any other unexpected HTTP status.
    case httpStatus(Int, url: String)
    /// The response could not be read as the format it claims to be.
    case malformedResponse(url: String, detail: String)
    /// The response is larger than the client accepts.
    case responseTooLarge(url: String, limit: Int)
    /// No answer in time.
    case timedOut(url: String)
    /// A connection-level failure.
    case network(url: String, detail: String)
    /// Redirects went on too long or in a loop.
    case tooManyRedirects(url: String)
    /// Offline mode asked for something neither the cache nor a snapshot holds.
    case offlineMiss(package: String, url: String)
    /// A metadata file does not hash to what the index promised.
    case hashMismatch(url: String, expected: String, found: String)
    /// A core metadata document is not valid.
    case invalidMetadata(String)
    /// A source definition or command-line index option is not usable.
    case invalidSource(String)
    /// Reading or writing the cache or a snapshot failed.
    case storage(path: String, detail: String)

    public var description: String {
        switch self {
        case .packageNotFound(let name, let sources):
            let tried = sources.map { "'\($0)'" }.joined(separator: ", ")
            return "package '\(name)' was not found in \(tried.isEmpty ? "any source" : tried)"
        case .accessDenied(let status, let url, let source, let variables):
            let names = variables.map { "'\($0)'" }.joined(separator: " and ")
            return """
                access to '\(url)' was refused (HTTP \(status)); set \(names) \
                with credentials for source '\(source)'
                """
        case .httpStatus(let status, let url):
            return "unexpected HTTP status \(status) from '\(url)'"
        case .malformedResponse(let url, let detail):
            return "malformed response from '\(url)': \(detail)"
        case .responseTooLarge(let url, let limit):
            return "response from '\(url)' is larger than the limit of \(limit) bytes"
        case .timedOut(let url):
            return "request to '\(url)' timed out"
        case .network(let url, let detail):
            return "network failure for '\(url)': \(detail)"
        case .tooManyRedirects(let url):
            return "too many redirects from '\(url)'"
        case .offlineMiss(let package, let url):
            return """
                '\(package)' is not in the cache or a snapshot ('\(url)') and offline mode \
                forbids the network; run once online or pass '--index-snapshot DIR'
                """
        case .hashMismatch(let url, let expected, let found):
            return "'\(url)' has sha256 '\(found)', expected '\(expected)'"
        case .invalidMetadata(let detail):
            return "invalid core metadata: \(detail)"
        case .invalidSource(let detail):
            return "invalid package source: \(detail)"
        case .storage(let path, let detail):
            return "cannot use '\(path)': \(detail)"
        }
    }
}
