/// The fields of a distribution's core metadata that resolution needs.
///
/// See the core metadata specification at
/// https://packaging.python.org/en/latest/specifications/core-metadata/;
/// versions 1.0 to 2.4 are read.
public struct CoreMetadata: Sendable, Hashable, Codable {
    /// `Metadata-Version`, such as `2.1`.
    public var metadataVersion: String
    /// `Name` as written.
    public var name: String
    /// `Version` as written.
    public var version: String
    /// Every `Requires-Dist` line, in order: PEP 508 requirement strings.
    public var requiresDist: [String]
    /// `Requires-Python`, when present.
    public var requiresPython: String?
    /// Every `Provides-Extra` line, in order.
    public var providesExtra: [String]

    /// Metadata with the given fields.
    public init(
        metadataVersion: String, name: String, version: String, requiresDist: [String] = [],
        requiresPython: String? = nil, providesExtra: [String] = []
    ) {
        self.metadataVersion = metadataVersion
        self.name = name
        self.version = version
        self.requiresDist = requiresDist
        self.requiresPython = requiresPython
        self.providesExtra = providesExtra
    }
}

extension CoreMetadata {
    /// Parses a METADATA / PKG-INFO document: RFC 822 headers up to the first blank
    /// line, continuation lines folded in; the body is ignored.
    ///
    /// Bytes that are not UTF-8 are replaced rather than rejected, and CRLF line ends
    /// are accepted.
    public init(parsing bytes: some Sequence<UInt8>) throws(IndexError) {
        let text = String(decoding: Array(bytes), as: UTF8.self)
        var headers: [(name: String, value: String)] = []

        // Headers: `Name: value`, a line starting with a space or tab continues one.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { break }
            if line.first == " " || line.first == "\t" {
                guard !headers.isEmpty else {
                    throw .invalidMetadata("expected a header, found continuation '\(line)'")
                }
                headers[headers.count - 1].value += "\n" + line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw .invalidMetadata("expected 'Name: value', found '\(line.prefix(80))'")
            }
            let name = line[..<colon].trimmingSpaces().lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            headers.append((name, value))
        }

        func all(_ name: String) -> [String] {
            headers.filter { $0.name == name }.map { unfold($0.value) }
        }
        func required(_ name: String, _ label: String) throws(IndexError) -> String {
            guard let value = all(name).first, !value.isEmpty else {
                throw .invalidMetadata("expected a '\(label)' header")
            }
            return value
        }

        // Metadata-Version: any 1.x or 2.x is read; a later major version may change
        // what the fields mean.
        let metadataVersion = try required("metadata-version", "Metadata-Version")
        let major = metadataVersion.split(separator: ".").first.flatMap { Int($0) }
        guard let major, (1...2).contains(major) else {
            throw .invalidMetadata("metadata version '\(metadataVersion)' is not supported")
        }
        self.init(
            metadataVersion: metadataVersion,
            name: try required("name", "Name"),
            version: try required("version", "Version"),
            requiresDist: all("requires-dist").filter { !$0.isEmpty },
            requiresPython: all("requires-python").first.flatMap { $0.isEmpty ? nil : $0 },
            providesExtra: all("provides-extra").filter { !$0.isEmpty })
    }
}

/// A folded header value as one line: each line break and the whitespace around it
/// become a single space.
private func unfold(_ value: String) -> String {
    guard value.contains("\n") else { return value }
    return value.split(separator: "\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        .joined(separator: " ")
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" {
            slice = slice.dropLast()
        }
        return String(slice)
    }
}
