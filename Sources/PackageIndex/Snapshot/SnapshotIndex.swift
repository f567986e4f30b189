import Foundation

/// One project as a snapshot records it: what resolution and wheel checks need.
///
/// Stored as `<directory>/<normalized-name>.json`. `metadata` maps a file name to the
/// core metadata headers of that file, for the releases that were recorded. To stay
/// small, a file whose URL is `base + path + "/" + filename` stores only `path`, and
/// a file from the project's `source` does not repeat it.
struct SnapshotProject: Codable, Sendable {
    struct File: Codable, Sendable {
        var filename: String
        var url: String?
        var path: String?
        var sha256: String?
        var requiresPython: String?
        var yanked: Bool?
        var yankedReason: String?
        var size: Int?
        var source: String?

        private enum CodingKeys: String, CodingKey {
            case filename, url, path, sha256, size, source, yanked
            case requiresPython = "requires_python"
            case yankedReason = "yanked_reason"
        }
    }

    var name: String
    var source: String?
    var base: String?
    var versions: [String]?
    var files: [File]
    var metadata: [String: String]

    /// The URL of a file stored as a path under `base`.
    private func location(of file: File) -> String {
        let folder = file.path.map { $0.isEmpty ? "" : $0 + "/" } ?? ""
        return (base ?? "") + folder + file.filename
    }

    /// The project as a page of distribution files.
    var page: ProjectPage {
        let files = files.map { file in
            DistributionFile(
                filename: file.filename,
                url: file.url ?? location(of: file),
                hashes: file.sha256.map { ["sha256": $0] } ?? [:],
                requiresPython: file.requiresPython, isYanked: file.yanked ?? false,
                yankedReason: file.yankedReason,
                coreMetadata: metadata[file.filename] == nil
                    ? .notAdvertised : .advertised(hashes: [:]),
                size: file.size, sourceName: file.source ?? source ?? "snapshot")
        }
        return ProjectPage(name: name, files: files, versions: versions ?? [])
    }
}

/// An offline index recorded by `preflight index snapshot`: a directory with one JSON
/// file per project. The client reads it before any network source.
///
/// A directory of snapshots, such as the repository's `Indexes/` with `pypi/` and
/// `shippo/`, is read as one index: a project is looked up in the directory itself,
/// then in each subdirectory in name order.
public final class SnapshotIndex: @unchecked Sendable {
    /// The snapshot directory.
    public let directory: URL
    /// The directories searched: `directory`, then its subdirectories in name order.
    public let directories: [URL]
    private let lock = NSLock()
    private var loaded: [String: SnapshotProject?] = [:]

    /// A snapshot in `directory`; fails when the directory does not exist.
    public init(directory: URL) throws(IndexError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw .storage(path: directory.path, detail: "no such snapshot directory")
        }
        self.directory = directory
        let children =
            (try? FileManager.default.contentsOfDirectory(
                at: directory, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        let subdirectories = children.filter {
            (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
        }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        self.directories = [directory] + subdirectories
    }

    /// The page recorded for `name`, or `nil` when the snapshot lacks the project.
    public func page(for name: String) throws(IndexError) -> ProjectPage? {
        try project(normalizedProjectName(name))?.page
    }

    /// The recorded core metadata text of `file`, when its release was recorded.
    func metadataText(for file: DistributionFile) -> String? {
        lock.lock()
        defer { lock.unlock() }
        for case let project? in loaded.values {
            if let text = project.metadata[file.filename] { return text }
        }
        return nil
    }

    private func project(_ key: String) throws(IndexError) -> SnapshotProject? {
        lock.lock()
        if let cached = loaded[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        guard let (path, data) = try read(key) else {
            lock.lock()
            loaded[key] = .some(nil)
            lock.unlock()
            return nil
        }
        let project: SnapshotProject
        do {
            project = try JSONDecoder().decode(SnapshotProject.self, from: data)
        } catch {
            throw .storage(path: path.path, detail: "not a snapshot project file")
        }
        lock.lock()
        loaded[key] = project
        lock.unlock()
        return project
    }
}

extension SnapshotIndex {
    /// The largest project file a snapshot may inflate to.
    static let inflatedLimit = 256 << 20

    /// The file recorded for `key`, `<key>.json` or gzip-compressed `<key>.json.gz`,
    /// from the first directory that has one; `nil` when none has.
    fileprivate func read(_ key: String) throws(IndexError) -> (URL, Data)? {
        for directory in directories {
            let plain = directory.appendingPathComponent(key + ".json")
            if let data = try? Data(contentsOf: plain) { return (plain, data) }
            let compressed = directory.appendingPathComponent(key + ".json.gz")
            if let data = try? Data(contentsOf: compressed) {
                return (compressed, Data(try Self.gunzip([UInt8](data), path: compressed.path)))
            }
        }
        return nil
    }

    /// The content of a gzip member (RFC 1952): the header skipped, the DEFLATE data
    /// inflated; the trailer is not checked.
    static func gunzip(_ bytes: [UInt8], path: String) throws(IndexError) -> [UInt8] {
        let invalid = IndexError.storage(path: path, detail: "not a gzip file")
        guard bytes.count >= 18, bytes[0] == 0x1f, bytes[1] == 0x8b, bytes[2] == 8 else {
            throw invalid
        }
        let flags = bytes[3]
        var offset = 10

        // Optional header fields: extra data, file name, comment, header CRC.
        if flags & 4 != 0 {
            guard offset + 2 <= bytes.count else { throw invalid }
            offset += 2 + Int(bytes[offset]) + Int(bytes[offset + 1]) << 8
        }
        for flag: UInt8 in [8, 16] where flags & flag != 0 {
            while offset < bytes.count, bytes[offset] != 0 { offset += 1 }
            offset += 1
        }
        if flags & 2 != 0 { offset += 2 }
        guard offset < bytes.count else { throw invalid }
        return try Inflater.inflate(Array(bytes[offset...]), limit: inflatedLimit)
    }
}

/// `name` normalized as PEP 503 asks: lowercase, runs of `-`, `_` and `.` as one `-`.
func normalizedProjectName(_ name: String) -> String {
    var result = ""
    var pendingSeparator = false
    for character in name.lowercased() {
        if character == "-" || character == "_" || character == "." {
            pendingSeparator = true
            continue
        }
        if pendingSeparator, !result.isEmpty { result.append("-") }
        pendingSeparator = false
        result.append(character)
    }
    return result
}
