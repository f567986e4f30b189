import Foundation
import PythonPackaging

/// Wheel compatibility for a lock's worth of files, and the supported-tag list itself,
/// measured here and with `packaging` in the same run.
var tagsBenchmark: Benchmark {
    Benchmark(
        name: "tags",
        summary: "rank 3,000 wheel filenames against cp314 on Debian; build the tag list",
        run: runTagsBenchmark)
}

private func runTagsBenchmark(_ arguments: [String]) throws {
    let filenamesPath = "Scripts/bench/lock_wheels.txt"
    let filenames = try String(contentsOfFile: filenamesPath, encoding: .utf8)
        .split(separator: "\n").map(String.init)

    // Building the supported tags and their rank table.
    var target = try TargetEnvironment(python: "3.14", platform: "debian")
    let buildSeconds = bestOf(runs: 50) {
        target = TargetEnvironment(python: target.python, platform: target.platform)
    }

    // Parsing every filename and ranking its best tag.
    var compatible = 0
    let rankSeconds = bestOf(runs: 10) {
        compatible = 0
        for filename in filenames {
            guard let wheel = try? WheelFilename(parsing: filename) else { continue }
            if wheel.rank(on: target) != nil { compatible += 1 }
        }
    }
    print(
        String(
            format: "swift:     %d tags built in %.1f µs; %d files (%d compatible) in %.2f ms",
            target.supportedTags.count, buildSeconds * 1e6, filenames.count, compatible,
            rankSeconds * 1e3))

    // The same work in packaging, when its interpreter is at hand.
    let python = ReferenceTools.path(of: "python")
    guard FileManager.default.isExecutableFile(atPath: python) else {
        print("packaging: skipped (no interpreter at \(python); set PREFLIGHT_BENCH_PYTHON)")
        return
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["Scripts/bench/tags_bench.py", filenamesPath]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard
        let figures = try JSONSerialization.jsonObject(with: output) as? [String: Any],
        let buildMicroseconds = figures["build_us"] as? Double,
        let rankMilliseconds = figures["rank_ms"] as? Double
    else {
        print("packaging: unreadable output \(String(decoding: output, as: UTF8.self))")
        return
    }
    print(
        String(
            format: "packaging: %d tags built in %.1f µs; %d files (%d compatible) in %.2f ms",
            figures["tags"] as? Int ?? 0, buildMicroseconds, figures["files"] as? Int ?? 0,
            figures["compatible"] as? Int ?? 0, rankMilliseconds))
    print(
        String(
            format: "speed-up:  tag list %.1fx, filenames %.1fx",
            buildMicroseconds / (buildSeconds * 1e6), rankMilliseconds / (rankSeconds * 1e3)))
}

/// The shortest wall-clock time of `runs` runs of `work`, in seconds.
func bestOf(runs: Int, _ work: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}
