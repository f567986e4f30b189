import PythonPackaging

/// The files of one version of a project, read from their filenames.
public struct Release: Sendable {
    /// The version.
    public let version: Version
    /// Every wheel and sdist of the version, in index order.
    public internal(set) var files: [DistributionFile]
    /// The parsed wheel filenames, parallel to the wheels among `files`.
    public internal(set) var wheels: [(file: DistributionFile, filename: WheelFilename)]

    /// Whether the release is yanked: every file of it is (PEP 592).
    public var isYanked: Bool { !files.isEmpty && files.allSatisfy(\.isYanked) }

    /// The first `Requires-Python` among the files, as the index lists it.
    public var requiresPython: String? { files.lazy.compactMap(\.requiresPython).first }

    /// Whether any file is an sdist.
    public var hasSdist: Bool { files.contains { !$0.isWheel } }

    /// The wheel `target` prefers (its best-ranked tag), or `nil` when no wheel fits.
    public func bestWheel(for target: TargetEnvironment) -> DistributionFile? {
        var best: (file: DistributionFile, rank: Int)?
        for (file, filename) in wheels {
            guard let rank = filename.rank(on: target) else { continue }
            if best == nil || rank < best?.rank ?? .max { best = (file, rank) }
        }
        return best?.file
    }
}

extension ProjectPage {
    /// The page's files grouped into releases, oldest first.
    ///
    /// Versions come from wheel and sdist filenames (`.tar.gz`, `.zip`); other files
    /// (eggs, installers) and names that do not parse are left out. Versions listed
    /// (PEP 700) without files appear as empty releases.
    public var releases: [Release] {
        var byVersion: [Version: Release] = [:]
        for file in files {
            if file.isWheel {
                guard let filename = try? WheelFilename(parsing: file.filename) else { continue }
                byVersion[filename.version, default: Release(filename.version)].add(
                    file, wheel: filename)
            } else if let filename = try? SdistFilename(parsing: file.filename) {
                byVersion[filename.version, default: Release(filename.version)].add(
                    file, wheel: nil)
            }
        }
        for text in versions {
            guard let version = try? Version(text), byVersion[version] == nil else { continue }
            byVersion[version] = Release(version)
        }
        return byVersion.values.sorted { $0.version < $1.version }
    }
}

extension Release {
    fileprivate init(_ version: Version) {
        self.version = version
        self.files = []
        self.wheels = []
    }

    fileprivate mutating func add(_ file: DistributionFile, wheel: WheelFilename?) {
        files.append(file)
        if let wheel { wheels.append((file, wheel)) }
    }
}
