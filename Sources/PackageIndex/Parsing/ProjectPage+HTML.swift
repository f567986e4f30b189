import Foundation

extension ProjectPage {
    /// Reads a PEP 503 HTML project page, tolerating the HTML real indexes serve.
    ///
    /// Every `<a href>` is a file: its URL resolved against `<base href>` or `pageURL`,
    /// its `#algo=digest` fragment the hash, and the `data-requires-python`,
    /// `data-yanked` and `data-core-metadata` / `data-dist-info-metadata` attributes
    /// read with HTML entities decoded (PEP 592, PEP 658, PEP 714).
    public init(html data: Data, pageURL: String, name: String) {
        var scanner = HTMLScanner(bytes: Array(data))
        var base = URL(string: pageURL)
        var files: [DistributionFile] = []
        var apiVersion: String?

        while let tag = scanner.nextTag() {
            switch tag.name {
            case "base":
                if let href = tag.attributes["href"] {
                    base = URL(string: href, relativeTo: base)?.absoluteURL ?? base
                }
            case "meta" where tag.attributes["name"] == "pypi:repository-version":
                apiVersion = tag.attributes["content"]
            case "a":
                let text = scanner.textUntilClosing("a")
                if let href = tag.attributes["href"], !href.isEmpty,
                    let file = makeFile(href: href, text: text, tag: tag, base: base)
                {
                    files.append(file)
                }
            default:
                continue
            }
        }
        self.init(name: name, files: files, apiVersion: apiVersion)
    }
}

/// The file an anchor describes, or `nil` when it names no file.
private func makeFile(href: String, text: String, tag: HTMLTag, base: URL?) -> DistributionFile? {
    let (url, fragment) = resolveFileURL(href, against: base)
    var filename = URL(string: url)?.lastPathComponent ?? ""
    if filename.isEmpty || filename == "/" {
        filename = text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    guard !filename.isEmpty else { return nil }

    // The fragment carries at most one digest: `sha256=…`.
    var hashes: [String: String] = [:]
    if let fragment {
        for part in fragment.split(separator: "&") {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            if pieces.count == 2, knownHashNames.contains(pieces[0].lowercased()) {
                hashes[pieces[0].lowercased()] = pieces[1].lowercased()
            }
        }
    }

    let attributes = tag.attributes
    let requiresPython = attributes["data-requires-python"].flatMap { $0.isEmpty ? nil : $0 }
    let yanked = attributes["data-yanked"]
    let metadata = attributes["data-core-metadata"] ?? attributes["data-dist-info-metadata"]
    return DistributionFile(
        filename: filename, url: url, hashes: hashes, requiresPython: requiresPython,
        isYanked: yanked != nil, yankedReason: yanked.flatMap { $0.isEmpty ? nil : $0 },
        coreMetadata: metadataOffer(metadata))
}

/// Digest algorithms a hash fragment may name (those of `hashlib.algorithms_guaranteed`
/// that indexes use).
private let knownHashNames: Set<String> = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]

/// `data-core-metadata` read as PEP 714 says: `true`, or `algo=digest`.
private func metadataOffer(_ value: String?) -> CoreMetadataOffer {
    guard let value else { return .notAdvertised }
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if trimmed.lowercased() == "false" { return .notAdvertised }
    let pieces = trimmed.split(separator: "=", maxSplits: 1).map(String.init)
    if pieces.count == 2, knownHashNames.contains(pieces[0].lowercased()) {
        return .advertised(hashes: [pieces[0].lowercased(): pieces[1].lowercased()])
    }
    return .advertised(hashes: [:])
}

// MARK: - Scanner

/// A start tag: its lowercase name and attributes (names lowercased, values decoded).
struct HTMLTag {
    var name: String
    var attributes: [String: String]
}

/// A forgiving scanner over HTML bytes that finds start tags and anchor text.
///
/// It skips comments, `<!DOCTYPE>` and `<script>`/`<style>` bodies, and never fails:
/// malformed markup yields fewer tags, not an error.
struct HTMLScanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The next start tag, or `nil` at the end of the input.
    mutating func nextTag() -> HTMLTag? {
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if starts(with: "<!--") {
                skip(past: "-->")
                continue
            }
            index += 1
            guard index < bytes.count, isLetter(bytes[index]) else {
                skip(past: ">")
                continue
            }
            let name = readName()
            let attributes = readAttributes()
            if name == "script" || name == "style" { _ = textUntilClosing(name) }
            return HTMLTag(name: name, attributes: attributes)
        }
        return nil
    }

    /// The decoded text up to `</name>`, which is consumed.
    mutating func textUntilClosing(_ name: String) -> String {
        let start = index
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), starts(with: "</" + name, caseInsensitive: true) {
                let text = decodeEntities(String(decoding: bytes[start..<index], as: UTF8.self))
                skip(past: ">")
                return text
            }
            index += 1
        }
        return decodeEntities(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private mutating func readName() -> String {
        let start = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
            bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: "=")
        {
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
    }

    private mutating func readAttributes() -> [String: String] {
        var attributes: [String: String] = [:]
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                index += 1
            }
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                break
            }
            let name = readName()
            if name.isEmpty {
                index += 1
                continue
            }
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                if attributes[name] == nil { attributes[name] = "" }
                continue
            }
            index += 1
            skipSpaces()
            let value = readValue()
            if attributes[name] == nil { attributes[name] = decodeEntities(value) }
        }
        return attributes
    }

    private mutating func readValue() -> String {
        guard index < bytes.count else { return "" }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote { index += 1 }
            let value = String(decoding: bytes[start..<index], as: UTF8.self)
            if index < bytes.count { index += 1 }
            return value
        }
        let start = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipSpaces() {
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    }

    private mutating func skip(past marker: String) {
        let pattern = Array(marker.utf8)
        while index < bytes.count {
            if matches(pattern, at: index, caseInsensitive: false) {
                index += pattern.count
                return
            }
            index += 1
        }
    }

    private func starts(with prefix: String, caseInsensitive: Bool = false) -> Bool {
        matches(Array(prefix.utf8), at: index, caseInsensitive: caseInsensitive)
    }

    private func matches(_ pattern: [UInt8], at position: Int, caseInsensitive: Bool) -> Bool {
        guard position + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count {
            var byte = bytes[position + offset]
            if caseInsensitive, byte >= 65, byte <= 90 { byte += 32 }
            if byte != pattern[offset] { return false }
        }
        return true
    }
}

private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
}

private func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
}

// MARK: - Entities

/// `text` with HTML character references replaced: the named ones indexes use and
/// every numeric one. Unknown references are kept as written.
func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var rest = Substring(text)
    while let ampersand = rest.firstIndex(of: "&") {
        result += rest[..<ampersand]
        let afterAmpersand = rest.index(after: ampersand)
        let limit = rest.index(afterAmpersand, offsetBy: 12, limitedBy: rest.endIndex)
        let window = rest[afterAmpersand..<(limit ?? rest.endIndex)]
        if let semicolon = window.firstIndex(of: ";"),
            let scalar = entityScalar(String(rest[afterAmpersand..<semicolon]))
        {
            result.unicodeScalars.append(scalar)
            rest = rest[rest.index(after: semicolon)...]
        } else {
            result += "&"
            rest = rest[afterAmpersand...]
        }
    }
    return result + rest
}

private let namedEntities: [String: Unicode.Scalar] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
]

private func entityScalar(_ name: String) -> Unicode.Scalar? {
    if let scalar = namedEntities[name] { return scalar }
    guard name.hasPrefix("#") else { return nil }
    let digits = name.dropFirst()
    let value: UInt32?
    if digits.first == "x" || digits.first == "X" {
        value = UInt32(digits.dropFirst(), radix: 16)
    } else {
        value = UInt32(digits, radix: 10)
    }
    return value.flatMap(Unicode.Scalar.init)
}
