import Foundation

extension ProjectPage {
    /// Reads a PEP 691 JSON project page (`application/vnd.pypi.simple.v1+json`).
    ///
    /// Relative file URLs are resolved against `pageURL`. Unknown keys are ignored, as
    /// PEP 691 asks of clients.
    public init(json data: Data, pageURL: String) throws(IndexError) {
        let decoded: JSONPage
        do {
            decoded = try JSONDecoder().decode(JSONPage.self, from: data)
        } catch let error as DecodingError {
            throw .malformedResponse(url: redacted(pageURL), detail: describe(error))
        } catch {
            throw .malformedResponse(url: redacted(pageURL), detail: "\(error)")
        }
        let base = URL(string: pageURL)
        var files: [DistributionFile] = []
        files.reserveCapacity(decoded.files.count)
        for file in decoded.files {
            let (url, _) = resolveFileURL(file.url, against: base)
            files.append(
                DistributionFile(
                    filename: file.filename, url: url, hashes: lowercasedKeys(file.hashes),
                    requiresPython: file.requiresPython, isYanked: file.yanked.isYanked,
                    yankedReason: file.yanked.reason,
                    coreMetadata: (file.coreMetadata ?? file.distInfoMetadata)?.offer
                        ?? .notAdvertised,
                    size: file.size, uploadTime: file.uploadTime))
        }
        self.init(
            name: decoded.name, files: files, versions: decoded.versions ?? [],
            apiVersion: decoded.meta?.apiVersion)
    }
}

/// Digest names in lowercase, as PEP 691 recommends and comparisons expect.
func lowercasedKeys(_ hashes: [String: String]) -> [String: String] {
    var result: [String: String] = [:]
    for (key, value) in hashes { result[key.lowercased()] = value.lowercased() }
    return result
}

/// `link` made absolute against `base`, split from its fragment (returned separately).
func resolveFileURL(_ link: String, against base: URL?) -> (url: String, fragment: String?) {
    var text = link
    var fragment: String?
    if let hash = text.firstIndex(of: "#") {
        fragment = String(text[text.index(after: hash)...])
        text = String(text[..<hash])
    }
    if let resolved = URL(string: text, relativeTo: base)?.absoluteURL {
        return (resolved.absoluteString, fragment)
    }
    return (text, fragment)
}

private func describe(_ error: DecodingError) -> String {
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
        .keyNotFound(_, let context), .dataCorrupted(let context):
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        let location = path.isEmpty ? "" : " at '\(path.joined(separator: "."))'"
        return "expected a PEP 691 project page\(location)"
    @unknown default:
        return "expected a PEP 691 project page"
    }
}

// MARK: - Wire format

private struct JSONPage: Decodable {
    struct Meta: Decodable {
        var apiVersion: String?
        enum CodingKeys: String, CodingKey { case apiVersion = "api-version" }
    }
    var name: String
    var files: [JSONFile]
    var versions: [String]?
    var meta: Meta?
}

private struct JSONFile: Decodable {
    var filename: String
    var url: String
    var hashes: [String: String]
    var requiresPython: String?
    var yanked: YankedField
    var coreMetadata: MetadataField?
    var distInfoMetadata: MetadataField?
    var size: Int?
    var uploadTime: String?

    enum CodingKeys: String, CodingKey {
        case filename, url, hashes, yanked, size
        case requiresPython = "requires-python"
        case coreMetadata = "core-metadata"
        case distInfoMetadata = "dist-info-metadata"
        case uploadTime = "upload-time"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        filename = try container.decode(String.self, forKey: .filename)
        url = try container.decode(String.self, forKey: .url)
        hashes = try container.decodeIfPresent([String: String].self, forKey: .hashes) ?? [:]
        requiresPython = try container.decodeIfPresent(String.self, forKey: .requiresPython)
        yanked = try container.decodeIfPresent(YankedField.self, forKey: .yanked) ?? .no
        coreMetadata = try container.decodeIfPresent(MetadataField.self, forKey: .coreMetadata)
        distInfoMetadata = try container.decodeIfPresent(
            MetadataField.self, forKey: .distInfoMetadata)
        size = try? container.decodeIfPresent(Int.self, forKey: .size)
        uploadTime = try? container.decodeIfPresent(String.self, forKey: .uploadTime)
    }
}

/// `yanked`: a Boolean or a reason string (PEP 691); a string means yanked.
private enum YankedField: Decodable {
    case no
    case yes(String?)

    var isYanked: Bool {
        if case .yes = self { return true }
        return false
    }

    var reason: String? {
        if case .yes(let reason) = self { return reason }
        return nil
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = flag ? .yes(nil) : .no
        } else {
            self = .yes(try container.decode(String.self))
        }
    }
}

/// `core-metadata` / `dist-info-metadata`: a Boolean or a dictionary of digests.
private enum MetadataField: Decodable {
    case flag(Bool)
    case hashes([String: String])

    var offer: CoreMetadataOffer {
        switch self {
        case .flag(let available): available ? .advertised(hashes: [:]) : .notAdvertised
        case .hashes(let hashes): .advertised(hashes: lowercasedKeys(hashes))
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else {
            self = .hashes(try container.decode([String: String].self))
        }
    }
}
