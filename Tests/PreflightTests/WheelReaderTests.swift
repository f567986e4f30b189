import Foundation
import PythonPackaging
import Testing

@testable import Preflight

@Suite struct WheelReaderTests {
    static let target = try! CheckTarget(python: "3.14", platform: "debian")

    /// Every file name of the fixture locks, and names that `packaging` rejects.
    static let names: [String] = {
        var names = [
            "a-1.0-py3-none-any.whl", "a-1.0-1-py3-none-any.whl", "a-1.0-1abc-py3-none-any.whl",
            "a-1.0-x1-py3-none-any.whl", "a__b-1.0-py3-none-any.whl", "a.b-1.0-py3-none-any.whl",
            "a-b-1.0-py3-none-any.whl", "a-1.0-py3-none.whl", "a-1.0-py3-none-any.WHL",
            "a-one-py3-none-any.whl", "-1.0-py3-none-any.whl", "a-1.0-py3..py2-none-any.whl",
            "a-1.0-3py-none-any.whl", "é-1.0-py3-none-any.whl", "a+b-1.0-py3-none-any.whl",
            "a-1.0-cp314-cp314-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "a-1.0-1-2-py3-none-any.whl", ".whl", "",
        ]
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: Fixtures.root.path)) ?? []
        for file in files where file.hasSuffix("poetry.lock") {
            let text =
                (try? String(
                    contentsOf: Fixtures.root.appending(path: file), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                guard let start = line.range(of: "file = \"") else { continue }
                names.append(String(line[start.upperBound...].prefix { $0 != "\"" }))
            }
        }
        return names
    }()

    /// The reader accepts exactly the names `WheelFilename` accepts, with the same build
    /// tag and tags, and ranks the tags as the target does.
    @Test func agreesWithWheelFilename() {
        var reader = WheelReader(target: Self.target)
        #expect(Self.names.count > 3_000)
        for name in Self.names {
            let full = try? WheelFilename(parsing: name)
            let fast = reader.read(name)
            #expect((full == nil) == (fast == nil), "\(name)")
            guard let full, let fast else { continue }
            #expect(full.build == fast.build, "\(name)")
            #expect(full.tags == fast.tagSet.tags, "\(name)")
            let best = full.tags.compactMap { Self.target.rank(of: $0) }.min()
            #expect(best == fast.tagSet.bestRank, "\(name)")
        }
    }

    struct Choice: Sendable, CustomStringConvertible {
        var files: [String]
        var best: String?
        var description: String { files.joined(separator: " ") }
    }

    /// pip's choice: the best tag, then the largest build tag (number, then suffix), then
    /// the smallest name (the first in an index page, which lists files by name).
    @Test(arguments: [
        Choice(
            files: [
                "a-1-py3-none-any.whl", "a-1-cp314-cp314-manylinux_2_17_x86_64.whl",
                "a-1-cp314-cp314-manylinux_2_28_x86_64.whl",
            ], best: "a-1-cp314-cp314-manylinux_2_28_x86_64.whl"),
        Choice(
            files: ["a-1-py3-none-any.whl", "a-1-2-py3-none-any.whl", "a-1-10-py3-none-any.whl"],
            best: "a-1-10-py3-none-any.whl"),
        // pip 26.3 installs 1b: it keeps the largest (number, suffix) build tag.
        Choice(
            files: ["b-1-1a-py3-none-any.whl", "b-1-1b-py3-none-any.whl"],
            best: "b-1-1b-py3-none-any.whl"),
        Choice(
            files: [
                "b-1-2-py3-none-any.whl", "b-1-10a-py3-none-any.whl", "b-1-10-py3-none-any.whl",
            ],
            best: "b-1-10a-py3-none-any.whl"),
        Choice(
            files: ["b-1-0-py3-none-any.whl", "b-1-py3-none-any.whl"],
            best: "b-1-0-py3-none-any.whl"),
        Choice(
            files: ["z-1-py3-none-any.whl", "a-1-py3-none-any.whl"], best: "a-1-py3-none-any.whl"),
        Choice(
            files: ["a-1-cp39-abi3-manylinux_2_17_x86_64.whl", "a-1-py3-none-any.whl"],
            best: "a-1-cp39-abi3-manylinux_2_17_x86_64.whl"),
        Choice(files: ["a-1-cp311-cp311-manylinux_2_17_x86_64.whl", "a-1.tar.gz"], best: nil),
        Choice(
            files: ["a-1-cp314-cp314-linux_x86_64.whl", "a-1-cp314-cp314-manylinux1_x86_64.whl"],
            best: "a-1-cp314-cp314-linux_x86_64.whl"),
    ])
    func bestWheel(_ choice: Choice) {
        var reader = WheelReader(target: Self.target)
        let files = ReleaseFiles(choice.files, reader: &reader)
        #expect(files.bestWheel(on: Self.target)?.wheel.filename == choice.best)
    }

    @Test func sdistsAreSortedAndOtherFilesIgnored() {
        var reader = WheelReader(target: Self.target)
        let files = ReleaseFiles(
            ["a-1.zip", "a-1.tar.gz", "a-1.egg", "a-1.exe", "A-1.TAR.BZ2", "a-1-bad.whl"],
            reader: &reader)
        #expect(files.sdists == ["A-1.TAR.BZ2", "a-1.tar.gz", "a-1.zip"])
        #expect(files.wheels.isEmpty)
    }
}
