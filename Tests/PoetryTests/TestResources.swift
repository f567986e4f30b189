import Foundation

/// Files under `Tests/PoetryTests/Resources`.
enum TestResources {
    /// The root of the copied resource folder.
    static var root: URL {
        guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            fatalError("the PoetryTests resource folder is missing")
        }
        return url
    }

    /// The text of the resource at `path`, relative to the resource folder.
    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appending(path: path), encoding: .utf8)
    }

    /// The names of the folders directly under `path`, sorted.
    static func folders(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appending(path: path).path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
    }
}
