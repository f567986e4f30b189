import Foundation
import PackageIndex
import PythonPackaging

/// Cold-cache fetching of everything a 60-odd-package project's resolution reads,
/// timed against `uv pip compile` on the same requirements in the same run.
/// Opt-in: it needs the network (`preflight-bench index`).
var indexBenchmark: Benchmark {
    Benchmark(
        name: "index",
        summary: "cold-cache pages and metadata for ~60 packages vs uv pip compile (network)",
        run: runIndexBenchmark)
}

private let requirementsPath = "Scripts/bench/index_requirements.in"

private func runIndexBenchmark(_ arguments: [String]) throws {
    guard arguments.contains("index") else {
        print("skipped: needs the network; run 'preflight-bench index'")
        return
    }
    let text = try String(contentsOfFile: requirementsPath, encoding: .utf8)
    let roots = try text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        .map { try Requirement(parsing: String($0)) }
    let target = try TargetEnvironment(python: "3.12", platform: "debian")

    for round in 1...2 {
        // uv first, so its pins steer which release's metadata we read.
        let (uvSeconds, pins) = try runUV()
        let started = DispatchTime.now().uptimeNanoseconds
        let stats = try discover(roots, pins: pins, target: target)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let missing = Set(pins.keys).subtracting(stats.names)
        print(
            String(
                format: "round %d: swift %.2f s (%d packages, %d pages, %d metadata files, "
                    + "%d unknown); uv pip compile %.2f s (%d pins); ratio %.2fx",
                round, seconds, stats.names.count, stats.pages, stats.metadata, stats.unknown,
                uvSeconds, pins.count, seconds / uvSeconds))
        if !missing.isEmpty { print("  pinned by uv but not reached: \(missing.sorted())") }
    }
}

/// `uv pip compile` with an empty cache: its wall time and its pins by normalized name.
private func runUV() throws -> (Double, [String: String]) {
    let uv = ReferenceTools.path(of: "uv")
    let cache = FileManager.default.temporaryDirectory
        .appendingPathComponent("preflight-bench-uv-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: cache) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: uv)
    process.arguments = [
        "pip", "compile", "--cache-dir", cache.path, "--python-version", "3.12",
        "--python-platform", "x86_64-manylinux_2_36", "--no-header", "--no-annotate", "-q",
        requirementsPath,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    let started = DispatchTime.now().uptimeNanoseconds
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    var pins: [String: String] = [:]
    for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
        let parts = line.split(separator: "=", omittingEmptySubsequences: true)
        guard parts.count == 2 else { continue }
        let name = parts[0].split(separator: "[")[0].trimmingCharacters(in: .whitespaces)
        pins[PackageName.normalize(name)] = parts[1].trimmingCharacters(in: .whitespaces)
    }
    return (seconds, pins)
}

/// What discovery fetched.
private struct DiscoveryStats: Sendable {
    var names: Set<String> = []
    var pages = 0
    var metadata = 0
    var unknown = 0
}

/// Walks the dependency graph from `roots` the way a resolver first does: each
/// package's page and the metadata of the release uv pinned (else the newest final),
/// every newly named dependency fetched as soon as it is known.
private func discover(
    _ roots: [Requirement], pins: [String: String], target: TargetEnvironment
) throws -> DiscoveryStats {
    let cache = FileManager.default.temporaryDirectory
        .appendingPathComponent("preflight-bench-index-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: cache) }
    var configuration = IndexConfiguration()
    configuration.cacheDirectory = cache
    if ProcessInfo.processInfo.environment["PREFLIGHT_BENCH_VERBOSE"] != nil {
        configuration.log = { print("  debug: \($0)") }
    }
    let client = IndexClient(configuration: configuration)
    let environment = target.markerEnvironment
    let semaphore = DispatchSemaphore(value: 0)
    let result = DiscoveryBox()

    Task {
        var stats = DiscoveryStats()
        var requested: [String: Set<String>] = [:]
        await withTaskGroup(of: (String, [Requirement], Bool).self) { group in
            func schedule(_ requirement: Requirement) {
                let name = requirement.name.normalized
                let extras = requirement.normalizedExtras
                if let known = requested[name], known.isSuperset(of: extras) { return }
                let wanted = (requested[name] ?? []).union(extras)
                requested[name] = wanted
                group.addTask {
                    do throws(IndexError) {
                        let page = try await client.project(name)
                        let releases = page.releases.filter { !$0.files.isEmpty }
                        let pinned = pins[name].flatMap { try? Version($0) }
                        let release =
                            releases.last { $0.version == pinned }
                            ?? releases.last { !$0.version.isPrerelease && !$0.isYanked }
                        guard let release,
                            let metadata = try await client.metadata(forRelease: release.files)
                        else { return (name, [], false) }
                        let dependencies = metadata.requiresDist.compactMap {
                            try? Requirement(parsing: $0)
                        }.filter { (try? $0.applies(in: environment, extras: wanted)) ?? false }
                        return (name, dependencies, true)
                    } catch {
                        print("  error: \(name): \(error)")
                        return (name, [], false)
                    }
                }
            }
            for root in roots { schedule(root) }
            for await (name, dependencies, known) in group {
                stats.names.insert(name)
                stats.pages += 1
                if known { stats.metadata += 1 } else { stats.unknown += 1 }
                for dependency in dependencies { schedule(dependency) }
            }
        }
        result.stats = stats
        semaphore.signal()
    }
    semaphore.wait()
    return result.stats
}

private final class DiscoveryBox: @unchecked Sendable {
    var stats = DiscoveryStats()
}
