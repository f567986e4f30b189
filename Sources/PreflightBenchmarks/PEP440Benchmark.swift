import Foundation
import PythonPackaging

/// Parses and sorts 1,000,000 real version strings and runs 1,000,000
/// specifier checks, then has `packaging` do the same work and compares.
var pep440Benchmark: Benchmark {
    Benchmark(
        name: "pep440",
        summary: "parse+sort 1M PyPI versions and 1M specifier checks, against packaging",
        run: { _ in try PEP440Benchmark().run() }
    )
}

private struct PEP440Benchmark {
    static let count = 1_000_000
    /// The same specifier sets as Scripts/bench/pep440_bench.py.
    static let specifiers = [
        ">=1.0", ">=1.0,<2.0", "~=1.4", "==1.*", "!=1.5.0,>=1.2", "<3", ">0.5,<=2.3.1",
        "==2.28.1", "~=3.0.0", ">=2.0a1", ">=0.9,!=1.0.*,<4", "<1.0.post1",
    ]

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func run() throws {
        let dataURL = root.appendingPathComponent("Scripts/oracles/data/pypi_versions.json")
        let strings = try Self.repeatedVersions(from: dataURL)

        // Parse and sort.
        let clock = ContinuousClock()
        var parsed: [Version] = []
        let parse = clock.measure {
            parsed.reserveCapacity(strings.count)
            for text in strings {
                if let version = try? Version(text) { parsed.append(version) }
            }
        }
        let sort = clock.measure { parsed.sort() }
        let parseSort = parse + sort

        // Specifier checks on version strings.
        let sets = try Self.specifiers.map { try SpecifierSet($0) }
        var matched = 0
        let checks = clock.measure {
            // Set k checks versions k, k + 12, k + 24, …: each set against a
            // stream of versions, as a resolver filters candidates.
            for (offset, set) in sets.enumerated() {
                var index = offset
                while index < strings.count {
                    if set.contains(strings[index]) { matched += 1 }
                    index += sets.count
                }
            }
        }

        let ours = (parseSort: parseSort.seconds, contains: checks.seconds)
        print(
            "preflight: \(parsed.count) versions parsed+sorted in \(Self.format(ours.parseSort))"
                + " (parse \(Self.format(parse.seconds)), sort \(Self.format(sort.seconds)))")
        print(
            "preflight: \(strings.count) checks (\(matched) matched)"
                + " in \(Self.format(ours.contains))"
        )
        guard let reference = try referenceFigures(dataURL) else { return }
        print(
            "packaging: parsed+sorted in \(Self.format(reference.parseSort));"
                + " checks in \(Self.format(reference.contains))"
                + " (\(reference.matched) matched)"
        )
        print(
            "speed-up: parse+sort \(Self.ratio(reference.parseSort, ours.parseSort)), "
                + "checks \(Self.ratio(reference.contains, ours.contains))")
    }

    /// The PyPI version strings, repeated to `count`.
    static func repeatedVersions(from url: URL) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let lists = object as? [String: [String]] else {
            throw BenchmarkError(description: "expected project version lists in \(url.path)")
        }
        // Copy into native Swift strings: Foundation's JSON hands out bridged ones.
        let real = lists.keys.sorted().flatMap { lists[$0] ?? [] }.map {
            String(decoding: Array($0.utf8), as: UTF8.self)
        }
        return (0..<count).map { real[$0 % real.count] }
    }

    /// Runs Scripts/bench/pep440_bench.py; `nil` (with a note) without Python.
    func referenceFigures(
        _ dataURL: URL
    ) throws -> (parseSort: Double, contains: Double, matched: Int)? {
        let python = ReferenceTools.path(of: "python")
        guard FileManager.default.isExecutableFile(atPath: python) else {
            print("packaging: skipped, no Python at \(python) (set PREFLIGHT_BENCH_PYTHON)")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            root.appendingPathComponent("Scripts/bench/pep440_bench.py").path, dataURL.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let figures = try JSONSerialization.jsonObject(with: output) as? [String: Any],
            let parseSort = figures["parse_sort_seconds"] as? Double,
            let contains = figures["contains_seconds"] as? Double,
            let matched = figures["matched"] as? Int
        else {
            throw BenchmarkError(
                description: "pep440_bench.py failed: \(String(decoding: output, as: UTF8.self))")
        }
        return (parseSort, contains, matched)
    }

    static func format(_ seconds: Double) -> String {
        String(format: "%.3f s", seconds)
    }

    static func ratio(_ reference: Double, _ ours: Double) -> String {
        String(format: "%.1f×", reference / max(ours, 1e-9))
    }
}

/// A benchmark that could not run.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
