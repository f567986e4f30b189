import PythonPackaging
import Testing

@testable import Poetry

/// Feeds randomly corrupted copies of real files to the readers: each must either read
/// the copy or throw, never crash or hang.
@Suite struct MutationTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes a mutation may insert: TOML punctuation, quotes, escapes and non-ASCII.
    static let noise: [[UInt8]] = [
        "[", "]", "[[", "{", "}", "=", "\"", "'", "\"\"\"", ",", ".", "\n", "#", "\\", "\\u",
        "é", "😀", "1e999", "-", "inf", "true", "1979-05-27", "\u{0}",
    ].map { Array($0.utf8) }

    static func mutate(_ bytes: [UInt8], using generator: inout Generator) -> [UInt8] {
        var copy = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !copy.isEmpty else { break }
            let at = Int.random(in: 0..<copy.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: copy[at] = UInt8.random(in: 0...255, using: &generator)
            case 1: copy.remove(at: at)
            case 2: copy.insert(contentsOf: noise.randomElement(using: &generator) ?? [], at: at)
            case 3: copy.removeSubrange(at..<min(copy.count, at + 40))
            default: copy = Array(copy[..<at])
            }
        }
        return copy
    }

    @Test func corruptedLocksAndProjectsNeverCrash() throws {
        let locks = try [
            "locks/v1.1.lock", "locks/v2.0.lock", "locks/v2.1.lock",
            "real-locks/poetry-2.5.1-delta/poetry.lock",
            "real-locks/poetry-2.5.1-gamma/poetry.lock",
        ].map { Array(try TestResources.text($0).utf8) }
        let projects = try [
            "real-locks/poetry-2.5.1-alpha/pyproject.toml",
            "real-locks/poetry-2.5.1-beta/pyproject.toml",
            "real-locks/poetry-2.5.1-gamma/pyproject.toml",
        ].map { Array(try TestResources.text($0).utf8) }
        let pyproject = try Pyproject(parsing: String(decoding: projects[0], as: UTF8.self))

        var generator = Generator(state: 2026)
        var (read, rejected) = (0, 0)
        for round in 0..<2_000 {
            let lockText = String(
                decoding: Self.mutate(locks[round % locks.count], using: &generator),
                as: UTF8.self)
            if let lock = try? PoetryLock(parsing: lockText) {
                read += 1
                if let graph = try? LockGraph(lock: lock, pyproject: pyproject) {
                    _ = graph.chains(to: "six", limit: 10)
                }
            } else {
                rejected += 1
            }
            let projectText = String(
                decoding: Self.mutate(projects[round % projects.count], using: &generator),
                as: UTF8.self)
            if let project = try? Pyproject(parsing: projectText) {
                _ = try? project.contentHash()
                _ = try? project.contentHash(scheme: .poetry1)
            }
        }
        // Both outcomes occur, so the mutations neither always break nor never matter.
        #expect(read > 100 && rejected > 100)
    }

    @Test func emptyAndDegenerateInputs() throws {
        #expect(throws: PoetryError("missing table 'metadata'")) { try PoetryLock(parsing: "") }
        let empty = try Pyproject(parsing: "")
        #expect(empty.groups.map(\.name) == ["main"])
        #expect(empty.mainDependencies.isEmpty && empty.sources.isEmpty && empty.isPackageMode)
        let huge = String(repeating: "9", count: 10_000)
        #expect(throws: PoetryError.self) {
            try Pyproject(parsing: "[tool.poetry.dependencies]\nx = \(huge)\n")
        }
        let deep = "[tool.poetry.dependencies]\nx = " + String(repeating: "[", count: 5_000)
        #expect(throws: PoetryError.self) { try Pyproject(parsing: deep) }
    }
}
