import Foundation
import Preflight

/// `preflight check` on Fixtures/large-150 (159 installed packages) inside one process,
/// stage by stage: reading the project, the analysis, the text and JSON reports.
extension Benchmark {
    static var check: Benchmark {
        Benchmark(
            name: "check",
            summary: "check Fixtures/large-150 on debian: load, analyse, render (in process)",
            run: { _ in try CheckBenchmark().run() }
        )
    }
}

private struct CheckBenchmark {
    static let rounds = 30
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/large-150").path

    func run() throws {
        let clock = ContinuousClock()
        var load = Duration.seconds(1_000)
        var target = load
        var analyse = load
        var text = load
        var json = load
        var packages = 0
        for _ in 0..<Self.rounds {
            var project: Project?
            load = min(load, try clock.measure { project = try Project(folder: folder) })
            var checkTarget: CheckTarget?
            target = min(
                target,
                try clock.measure {
                    checkTarget = try CheckTarget(python: "3.14", platform: "debian")
                })
            guard let project, let checkTarget else { continue }
            var report: CheckReport?
            analyse = min(
                analyse,
                try clock.measure { report = try LockCheck.run(project, target: checkTarget) })
            guard let report else { continue }
            packages = report.packages.count
            text = min(text, clock.measure { _ = report.text() })
            json = min(json, clock.measure { _ = report.json.prettyRendered() })
        }
        print("large-150: \(packages) installed packages, best of \(Self.rounds)")
        for (name, duration) in [
            ("load project", load), ("target", target), ("analyse", analyse),
            ("text report", text), ("json report", json),
        ] {
            let ms =
                Double(duration.components.attoseconds) / 1e15
                + Double(duration.components.seconds) * 1e3
            print(
                "  \(name.padding(toLength: 14, withPad: " ", startingAt: 0)) "
                    + String(format: "%7.2f ms", ms))
        }
    }
}
