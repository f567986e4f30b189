import Foundation
import Testing

@testable import Preflight

/// Real Poetry projects that once disagreed with the ground truth, or that cover a lock
/// shape the fixtures do not (lock-version 1.1 from Poetry 1.1, git/path/url sources,
/// per-architecture splits), and damaged projects `check` must refuse. Expectations come
/// from Scripts/oracles/corpus_ground_truth.sh; a case with an `error.txt` must fail
/// with that message.
enum Corpus {
    static let root = URL(filePath: #filePath).deletingLastPathComponent()
        .appending(path: "Resources/corpus")

    static let names: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: root.appending(path: "\($0)/poetry.lock").path)
        }.sorted()
    }()

    static func isRefused(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appending(path: "\(name)/error.txt").path)
    }

    static let cases: [Fixtures.Case] = names.filter { !isRefused($0) }.flatMap { name in
        Fixtures.targets.map { Fixtures.Case(project: name, target: $0) }
    }

    static let refused: [String] = names.filter(isRefused)
}

@Suite struct CorpusTests {
    @Test func corpusHasCases() {
        #expect(Corpus.cases.count >= 3 * 17)
        #expect(Corpus.refused.count >= 2)
    }

    /// Verdict, findings and packages equal the ground truth on every target.
    @Test(arguments: Corpus.cases)
    func matchesGroundTruth(_ fixture: Fixtures.Case) throws {
        let folder = Corpus.root.appending(path: fixture.project)
        let expected = try JSONValue(
            parsing: String(
                contentsOf: folder.appending(path: "expected/\(fixture.target).json"),
                encoding: .utf8))
        try CheckFixtureTests.compare(
            folder: folder.path, target: fixture.target, expected: expected)
    }

    /// A damaged project is refused with a message saying what is wrong, on every target.
    @Test(arguments: Corpus.refused)
    func refusesDamagedProject(_ name: String) throws {
        let folder = Corpus.root.appending(path: name)
        let message = try String(contentsOf: folder.appending(path: "error.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for platform in Fixtures.targets {
            let target = try CheckTarget(python: "3.14", platform: platform)
            #expect {
                try LockCheck.run(try Project(folder: folder.path), target: target)
            } throws: { error in
                (error as? CheckError)?.message.hasSuffix(message) ?? false
            }
        }
    }
}
