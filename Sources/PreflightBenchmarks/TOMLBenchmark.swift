import Foundation
import TOML

extension Benchmark {
    /// Parse throughput on a real 208-package poetry.lock, compared with Python's tomllib.
    static var toml: Benchmark {
        Benchmark(
            name: "toml",
            summary: "TOML parse throughput on a large poetry.lock (MB/s), and tomllib's"
        ) { arguments in
            // Another file may be named after the benchmark: `preflight-bench toml FILE`.
            let path =
                arguments.first { $0.hasSuffix(".lock") || $0.hasSuffix(".toml") }
                ?? "Tests/TOMLTests/Resources/samples/analytics-poetry.lock"
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))

            // Parse for about two seconds; report the best and the median run.
            var timings: [Double] = []
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: .seconds(2))
            var packageCount = 0
            while clock.now < deadline || timings.count < 3 {
                let start = clock.now
                let table = try TOMLTable(parsing: bytes)
                let elapsed = start.duration(to: clock.now)
                packageCount = table["package"]?.array?.count ?? 0
                let (seconds, attoseconds) = elapsed.components
                timings.append(Double(seconds) + Double(attoseconds) * 1e-18)
            }
            timings.sort()
            let megabytes = Double(bytes.count) / 1e6
            let best = megabytes / timings[0]
            let median = megabytes / timings[timings.count / 2]
            let figures = String(format: "%.1f MB/s best, %.1f MB/s median", best, median)
            print(
                "preflight: \(figures) over \(timings.count) parses "
                    + "(\(bytes.count) bytes, \(packageCount) packages)")

            // The same file through tomllib, when python3 is available.
            fflush(nil)
            let python = Process()
            python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            python.arguments = ["python3", "Scripts/bench/toml_bench.py", path, "2"]
            do {
                try python.run()
                python.waitUntilExit()
            } catch {
                print("tomllib: not measured (\(error))")
            }
        }
    }
}
