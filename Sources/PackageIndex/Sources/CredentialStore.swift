import Foundation

/// Finds the credentials for a source: `POETRY_HTTP_BASIC_<NAME>_USERNAME` and
/// `_PASSWORD`, then user info in the source URL, then `~/.netrc`.
struct CredentialStore: Sendable {
    var environment: [String: String]
    var netrc: [NetrcEntry]

    /// A store over `environment`, reading the netrc file at `netrcPath` if it exists
    /// (`$NETRC`, else `~/.netrc`, when `nil`).
    init(environment: [String: String], netrcPath: String? = nil) {
        self.environment = environment
        let home = environment["HOME"] ?? NSHomeDirectory()
        let path = netrcPath ?? environment["NETRC"] ?? home + "/.netrc"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        self.netrc = parseNetrc(text)
    }

    /// The URL to request for `source` (without user info) and its credentials, if any.
    func resolve(_ source: IndexSource) -> (url: String, credentials: Credentials?) {
        guard var components = URLComponents(string: source.url),
            let host = components.host
        else { return (source.url, nil) }
        let userInfo = components.user.map { user in
            (
                user.removingPercentEncoding ?? user,
                (components.password ?? "").removingPercentEncoding ?? ""
            )
        }
        components.user = nil
        components.password = nil
        let url = components.string ?? source.url
        let port = components.port

        let variables = source.credentialVariables
        if let username = environment[variables[0]], !username.isEmpty {
            let password = environment[variables[1]] ?? ""
            return (
                url, Credentials(username: username, password: password, host: host, port: port)
            )
        }
        if let (username, password) = userInfo {
            return (
                url, Credentials(username: username, password: password, host: host, port: port)
            )
        }
        let entry =
            netrc.first { $0.machine?.lowercased() == host.lowercased() }
            ?? netrc.first { $0.machine == nil }
        if let entry, let login = entry.login {
            return (
                url,
                Credentials(username: login, password: entry.password ?? "", host: host, port: port)
            )
        }
        return (url, nil)
    }
}

/// One `machine` (or `default`, with `machine == nil`) block of a netrc file.
struct NetrcEntry: Sendable, Hashable {
    var machine: String?
    var login: String?
    var password: String?
}

/// The entries of a netrc file: whitespace-separated tokens, `machine NAME` or
/// `default` opening an entry, `login`, `password` and `account` inside it, and
/// `macdef` bodies skipped up to the next blank line.
func parseNetrc(_ text: String) -> [NetrcEntry] {
    var entries: [NetrcEntry] = []
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    var tokens: [String] = []
    var inMacro = false
    for line in lines {
        if inMacro {
            if line.allSatisfy(\.isWhitespace) { inMacro = false }
            continue
        }
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        if let position = words.firstIndex(of: "macdef") {
            tokens += words[..<position]
            inMacro = true
            continue
        }
        if words.first?.hasPrefix("#") == true { continue }
        tokens += words
    }

    var index = 0
    func next() -> String? {
        guard index < tokens.count else { return nil }
        defer { index += 1 }
        return tokens[index]
    }
    while let token = next() {
        switch token {
        case "machine":
            entries.append(NetrcEntry(machine: next()))
        case "default":
            entries.append(NetrcEntry(machine: nil))
        case "login" where !entries.isEmpty:
            entries[entries.count - 1].login = next()
        case "password" where !entries.isEmpty:
            entries[entries.count - 1].password = next()
        case "account":
            _ = next()
        default:
            continue
        }
    }
    return entries
}
