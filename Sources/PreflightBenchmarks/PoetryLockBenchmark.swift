import Foundation
import Poetry
import TOML

/// Builds the poetry.lock model of a large real lock many times: TOML parse, model
/// build, content-hash of its pyproject.toml and the dependency graph, each timed.
extension Benchmark {
    static var poetryLock: Benchmark {
        Benchmark(
            name: "poetry-lock",
            summary: "parse a 216-package, 750 KB poetry.lock into the lock model and graph",
            run: { arguments in try PoetryLockBenchmark().run(arguments) }
        )
    }
}

private struct PoetryLockBenchmark {
    static let rounds = 40
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func run(_ arguments: [String]) throws {
        let folder = root.appendingPathComponent(
            "Tests/PoetryTests/Resources/real-locks/poetry-2.5.1-omega")
        let lockText = try String(
            contentsOf: folder.appendingPathComponent("poetry.lock"), encoding: .utf8)
        let pyprojectText = try String(
            contentsOf: folder.appendingPathComponent("pyproject.toml"), encoding: .utf8)
        let megabytes = Double(lockText.utf8.count) / 1_000_000

        // Each stage on its own, best of the rounds so that noise from the other
        // processes sharing the machine counts as little as possible.
        var parse = Duration.seconds(1_000)
        var build = parse
        var whole = parse
        var graph = parse
        var hash = parse
        let clock = ContinuousClock()
        var packages = 0
        for _ in 0..<Self.rounds {
            var document = TOMLTable()
            parse = min(parse, try clock.measure { document = try TOMLTable(parsing: lockText) })
            var lock: PoetryLock?
            build = min(build, try clock.measure { lock = try PoetryLock(document: document) })
            whole = min(whole, try clock.measure { lock = try PoetryLock(parsing: lockText) })
            guard let lock else { continue }
            packages = lock.packages.count
            let pyproject = try Pyproject(parsing: pyprojectText)
            hash = min(hash, try clock.measure { _ = try pyproject.contentHash() })
            graph = min(
                graph, try clock.measure { _ = try LockGraph(lock: lock, pyproject: pyproject) })
        }

        let throughput = megabytes / Self.seconds(whole)
        print(
            "poetry.lock: \(packages) packages, \(String(format: "%.2f", megabytes)) MB,"
                + " best of \(Self.rounds)")
        print("  TOML parse      \(Self.milliseconds(parse))")
        print("  model build     \(Self.milliseconds(build))")
        print(
            "  parse + build   \(Self.milliseconds(whole))"
                + " (\(String(format: "%.0f", throughput)) MB/s)")
        print("  content-hash    \(Self.milliseconds(hash)) (pyproject.toml)")
        print("  lock graph      \(Self.milliseconds(graph))")
        if let reference = try referenceSeconds(folder.appendingPathComponent("poetry.lock")) {
            print(
                "  python tomllib.load of the same file: \(Self.milliseconds(reference))"
                    + " (best of \(Self.rounds))")
        }
    }

    /// Python's `tomllib.load` time for the lock, when Python 3.11+ is available.
    private func referenceSeconds(_ lock: URL) throws -> Duration? {
        let script = root.appendingPathComponent("Scripts/bench/poetry_lock_bench.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, lock.path, String(Self.rounds)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        let text = String(
            decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0,
            let seconds = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return nil }
        return .seconds(seconds)
    }

    private static func milliseconds(_ duration: Duration) -> String {
        String(format: "%7.2f ms", seconds(duration) * 1_000)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) / 1e18
    }
}
