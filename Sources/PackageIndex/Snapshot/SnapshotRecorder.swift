import Foundation
import PythonPackaging

/// Which releases of a project a snapshot records core metadata for. Every file of
/// every release is recorded regardless; metadata is what costs requests and space.
public enum SnapshotMetadataSelection: Sendable, Hashable {
    /// The newest `count` releases that are neither yanked nor pre-releases, plus the
    /// newest release of any kind.
    case newest(Int)
    /// The releases whose version the specifiers allow (pre-releases included).
    case matching(SpecifierSet)
    /// Every release.
    case all
    /// No release: files only.
    case none
}

/// What recording one project produced.
public struct SnapshotRecord: Sendable, Hashable {
    /// The project name as the index spells it.
    public var name: String
    /// Files recorded.
    public var fileCount: Int
    /// Releases whose metadata was recorded.
    public var metadataCount: Int
    /// Releases selected whose files offer no metadata ("dependencies unknown").
    public var unknownCount: Int
    /// Bytes written.
    public var bytes: Int
}

extension IndexClient {
    /// Records `names` into the snapshot directory `directory`, one JSON file per
    /// project, fetching metadata for the releases `selection` picks (in parallel).
    public func recordSnapshot(
        _ names: [String], to directory: URL, metadata selection: SnapshotMetadataSelection
    ) async throws(IndexError) -> [SnapshotRecord] {
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true)
        } catch {
            throw .storage(path: directory.path, detail: error.localizedDescription)
        }
        var records: [SnapshotRecord] = []
        for name in names {
            records.append(try await record(name, to: directory, selection: selection))
        }
        return records
    }

    private func record(
        _ name: String, to directory: URL, selection: SnapshotMetadataSelection
    ) async throws(IndexError) -> SnapshotRecord {
        let page = try await project(name)
        let releases = page.releases
        let chosen = select(releases, by: selection)

        // Metadata for the chosen releases, fetched together.
        let found = await withTaskGroup(of: (String, String)?.self) { group in
            for release in chosen {
                group.addTask {
                    guard let (file, metadata) = try? await self.metadataSource(release.files)
                    else { return nil }
                    return (file.filename, compactText(metadata))
                }
            }
            var found: [String: String] = [:]
            for await case (let filename, let text)? in group { found[filename] = text }
            return found
        }

        let source = page.files.first?.sourceName
        let base = commonBase(page.files)
        let files = page.files.map { file in
            var path: String?
            if let base, file.url.hasPrefix(base), file.url.hasSuffix("/" + file.filename) {
                let folder = file.url.dropFirst(base.count).dropLast(file.filename.count)
                path = String(folder.hasSuffix("/") ? folder.dropLast() : folder)
            }
            return SnapshotProject.File(
                filename: file.filename, url: path == nil ? file.url : nil, path: path,
                sha256: file.hashes["sha256"], requiresPython: file.requiresPython,
                yanked: file.isYanked ? true : nil, yankedReason: file.yankedReason,
                size: file.size, source: file.sourceName == source ? nil : file.sourceName)
        }
        let project = SnapshotProject(
            name: page.name, source: source, base: base,
            versions: page.versions.isEmpty ? nil : page.versions, files: files,
            metadata: found)
        let path = directory.appendingPathComponent(normalizedProjectName(name) + ".json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(project)
            try data.write(to: path, options: .atomic)
        } catch {
            throw .storage(path: path.path, detail: error.localizedDescription)
        }
        return SnapshotRecord(
            name: page.name, fileCount: files.count, metadataCount: found.count,
            unknownCount: chosen.count - found.count, bytes: data.count)
    }

    /// The metadata of a release and the file it came from (see `metadata(forRelease:)`).
    func metadataSource(_ files: [DistributionFile]) async throws(IndexError)
        -> (DistributionFile, CoreMetadata)?
    {
        for file in rankedForMetadata(files) {
            if let metadata = try await metadata(for: file) { return (file, metadata) }
        }
        return nil
    }
}

/// The scheme and host of the first file's URL with the first path segment, such as
/// `https://files.pythonhosted.org/packages/`, when most files share it.
func commonBase(_ files: [DistributionFile]) -> String? {
    guard let first = files.first?.url, let schemeEnd = first.range(of: "://") else {
        return nil
    }
    let afterScheme = first[schemeEnd.upperBound...]
    guard let hostEnd = afterScheme.firstIndex(of: "/") else { return nil }
    let rest = afterScheme[afterScheme.index(after: hostEnd)...]
    let segmentEnd = rest.firstIndex(of: "/").map { rest.index(after: $0) } ?? rest.startIndex
    let base = String(first[..<segmentEnd])
    let sharing = files.filter { $0.url.hasPrefix(base) }.count
    return sharing * 2 > files.count ? base : nil
}

/// The releases `selection` picks from `releases` (oldest first).
func select(_ releases: [Release], by selection: SnapshotMetadataSelection) -> [Release] {
    switch selection {
    case .all:
        return releases
    case .none:
        return []
    case .matching(let specifiers):
        return releases.filter { specifiers.contains($0.version, prereleases: true) }
    case .newest(let count):
        let stable = releases.filter {
            !$0.isYanked && !$0.version.isPrerelease && !$0.files.isEmpty
        }
        var chosen = Array(stable.suffix(max(0, count)))
        if let newest = releases.last(where: { !$0.files.isEmpty }),
            !chosen.contains(where: { $0.version == newest.version })
        {
            chosen.append(newest)
        }
        return chosen
    }
}

/// Metadata reduced to the fields a snapshot keeps, in the document format.
func compactText(_ metadata: CoreMetadata) -> String {
    var lines = [
        "Metadata-Version: \(metadata.metadataVersion)", "Name: \(metadata.name)",
        "Version: \(metadata.version)",
    ]
    if let requiresPython = metadata.requiresPython {
        lines.append("Requires-Python: \(requiresPython)")
    }
    lines += metadata.requiresDist.map { "Requires-Dist: \($0)" }
    lines += metadata.providesExtra.map { "Provides-Extra: \($0)" }
    return lines.joined(separator: "\n") + "\n"
}
