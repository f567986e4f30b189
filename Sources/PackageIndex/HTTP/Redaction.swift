import Foundation

/// `url` safe to print: any user name and password replaced by `***`.
///
/// Every message and log line of this module passes URLs through this function, so
/// credentials written into a source URL never reach a terminal or a report.
public func redacted(_ url: String) -> String {
    guard let schemeEnd = url.range(of: "://") else { return url }
    let authorityStart = schemeEnd.upperBound
    let rest = url[authorityStart...]
    let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
    let authority = rest[..<authorityEnd]
    guard let at = authority.lastIndex(of: "@") else { return url }
    return String(url[..<authorityStart]) + "***" + String(url[at...])
}
