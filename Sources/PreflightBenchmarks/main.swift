import Foundation

/// A named benchmark that prints its own figures.
struct Benchmark {
    var name: String
    var summary: String
    var run: ([String]) throws -> Void
}

/// Every benchmark, in the order `preflight-bench` runs them.
let benchmarks: [Benchmark] = [
    .toml,
    pep440Benchmark,
    tagsBenchmark,
    .poetryLock,
    indexBenchmark,
    .check,
]

let requested = Array(CommandLine.arguments.dropFirst())
if requested.first == "--list" {
    for benchmark in benchmarks { print("\(benchmark.name)\t\(benchmark.summary)") }
    exit(0)
}
let selected = requested.isEmpty ? benchmarks : benchmarks.filter { requested.contains($0.name) }
if selected.isEmpty {
    let names = benchmarks.map(\.name).joined(separator: ", ")
    FileHandle.standardError.write(
        Data("error: no benchmark named \(requested); known: \(names)\n".utf8))
    exit(2)
}
for benchmark in selected {
    print("== \(benchmark.name): \(benchmark.summary)")
    do {
        try benchmark.run(requested)
    } catch {
        FileHandle.standardError.write(Data("error: \(benchmark.name) failed: \(error)\n".utf8))
        exit(1)
    }
}
