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

        let files = page.files.map { file in
            SnapshotProject.File(
                filename: file.filename, url: file.url, sha256: file.hashes["sha256"],
                requiresPython: file.requiresPython, yanked: file.isYanked ? true : nil,
                yankedReason: file.yankedReason, size: file.size, source: file.sourceName)
        }
        let project = SnapshotProject(
            name: page.name, versions: page.versions.isEmpty ? nil : page.versions,
            files: files, metadata: found)
        let path = directory.appendingPathComponent(normalizedProjectName(name) + ".json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
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
