import Foundation

/// The sample pyproject.toml and poetry.lock files under Resources/samples, and the
/// repository's Fixtures/ folder when it exists.
enum Samples {
    /// The folder holding the bundled samples.
    static var folder: URL {
        Bundle.module.url(forResource: "samples", withExtension: nil, subdirectory: "Resources")!
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every bundled sample by file name, sorted.
    static let names: [String] = {
        let files = try! FileManager.default.contentsOfDirectory(atPath: folder.path)
        return files.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// The bytes of the bundled sample `name`.
    static func bytes(_ name: String) -> [UInt8] {
        [UInt8](try! Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// Every `.toml` and `.lock` file under the repository's Fixtures/ folder.
    static let fixtureFiles: [URL] = {
        let fixtures = packageRoot.appendingPathComponent("Fixtures")
        guard let walker = FileManager.default.enumerator(atPath: fixtures.path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".toml") || $0.hasSuffix(".lock") }
            .sorted()
            .map { fixtures.appendingPathComponent($0) }
    }()
}

/// A small deterministic random number generator (SplitMix64) for reproducible tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
