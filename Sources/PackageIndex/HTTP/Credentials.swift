import Foundation

/// A user name and password for HTTP Basic authentication, bound to one host.
///
/// The client sends them only to `host` (and `port`, when set); a redirect elsewhere
/// drops them. `description` never shows the password.
public struct Credentials: Sendable, Hashable, CustomStringConvertible {
    /// The user name.
    public var username: String
    /// The password.
    public var password: String
    /// The lowercase host the credentials belong to.
    public var host: String
    /// The port they belong to, or `nil` for the scheme's default.
    public var port: Int?

    /// Credentials for `host`.
    public init(username: String, password: String, host: String, port: Int? = nil) {
        self.username = username
        self.password = password
        self.host = host.lowercased()
        self.port = port
    }

    /// The `Authorization` header value.
    var authorization: String {
        "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    /// Whether a request to `url` may carry these credentials.
    func applies(to url: URL) -> Bool {
        guard url.host?.lowercased() == host else { return false }
        return port == nil || effectivePort(url) == port
    }

    public var description: String { "credentials for '\(username)@\(host)'" }
}

/// The port `url` connects to, defaulted from its scheme.
func effectivePort(_ url: URL) -> Int? {
    if let port = url.port { return port }
    switch url.scheme?.lowercased() {
    case "https": return 443
    case "http": return 80
    default: return nil
    }
}
