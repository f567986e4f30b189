/// One file of a project as a simple repository lists it (PEP 503, PEP 691).
public struct DistributionFile: Sendable, Hashable, Codable {
    /// The file name, such as `grpcio-1.60.0-cp312-cp312-manylinux_2_17_x86_64.whl`.
    public var filename: String
    /// The absolute download URL, without its hash fragment.
    public var url: String
    /// Digests by lowercase algorithm name, such as `["sha256": "…"]`.
    public var hashes: [String: String]
    /// The `Requires-Python` specifier text, when the index gives one.
    public var requiresPython: String?
    /// Whether the file is yanked (PEP 592).
    public var isYanked: Bool
    /// The reason given for yanking, when there is one.
    public var yankedReason: String?
    /// Whether the index advertises the file's core metadata (PEP 658/714).
    public var coreMetadata: CoreMetadataOffer
    /// The size in bytes, when known.
    public var size: Int?
    /// The ISO 8601 upload time, when known.
    public var uploadTime: String?
    /// The name of the source that listed the file; set by the client.
    public var sourceName: String

    /// A file with the given fields; everything but the name and URL is optional.
    public init(
        filename: String, url: String, hashes: [String: String] = [:],
        requiresPython: String? = nil, isYanked: Bool = false, yankedReason: String? = nil,
        coreMetadata: CoreMetadataOffer = .notAdvertised, size: Int? = nil,
        uploadTime: String? = nil, sourceName: String = ""
    ) {
        self.filename = filename
        self.url = url
        self.hashes = hashes
        self.requiresPython = requiresPython
        self.isYanked = isYanked
        self.yankedReason = yankedReason
        self.coreMetadata = coreMetadata
        self.size = size
        self.uploadTime = uploadTime
        self.sourceName = sourceName
    }

    /// Whether the file is a wheel, judged by its extension.
    public var isWheel: Bool { filename.lowercased().hasSuffix(".whl") }

    /// The URL of the file's PEP 658 metadata: the file URL with `.metadata` appended.
    public var metadataURL: String { url + ".metadata" }
}

/// Whether and how an index offers a file's core metadata separately (PEP 658/714).
public enum CoreMetadataOffer: Sendable, Hashable, Codable {
    /// The index says nothing, or says `false`.
    case notAdvertised
    /// The index serves `<file-url>.metadata`, with digests when it gives them.
    case advertised(hashes: [String: String])
}

/// A project's page on a simple repository: its files and, for JSON pages, its versions.
public struct ProjectPage: Sendable, Hashable, Codable {
    /// The project name as the index spells it.
    public var name: String
    /// Every file listed, in index order.
    public var files: [DistributionFile]
    /// The versions listed (PEP 700); empty for HTML pages and older JSON pages.
    public var versions: [String]
    /// The `meta.api-version` of a JSON page, or the `pypi:repository-version` of HTML.
    public var apiVersion: String?

    /// A page with the given fields.
    public init(
        name: String, files: [DistributionFile], versions: [String] = [],
        apiVersion: String? = nil
    ) {
        self.name = name
        self.files = files
        self.versions = versions
        self.apiVersion = apiVersion
    }
}
