import Foundation
import PackageIndex
import Poetry
import Preflight
import TOML

/// The index options of `check`: those of every index command, `--offline` worded for
/// a check.
let checkIndexOptions: [OptionSpec] =
    indexOptions.filter { $0.name != "--offline" } + [
        OptionSpec(
            "--offline",
            help: "Answer from the lock alone (or only from --index-snapshot); no network.")
    ]

/// Adds the package index's advice to a lock-only `report` (see `IndexAdvice`).
///
/// The index is the snapshot of `--index-snapshot` or of `[tool.preflight]
/// index-snapshot` (read alone, never the network), else the project's sources or
/// `--index-url`. Without `--offline` and a snapshot, or when the index fails, the
/// report stays as the lock made it and a `warning:` says why. Returns the exit
/// status instead when an index the command line names cannot be used at all.
func consultIndex(
    _ report: CheckReport, project: Project, parsed: ParsedArguments, console: Console
) throws(UsageError) -> Result<CheckReport, CheckIndexFailure> {
    if parsed.has("--offline"), parsed.has("--refresh") {
        throw .conflictingOptions("--offline", "--refresh")
    }
    let commandLineSnapshot = parsed.value("--index-snapshot")
    if parsed.has("--offline"), commandLineSnapshot == nil { return .success(report) }
    let names = IndexAdvice.packageNames(in: report)
    guard !names.isEmpty else { return .success(report) }
    let isExplicit = commandLineSnapshot != nil || hasIndexURLOptions(parsed)

    // The client: a snapshot alone, or the project's sources through the cache.
    var options = parsed
    let projectSnapshot = commandLineSnapshot == nil ? snapshotSetting(of: project) : nil
    if let projectSnapshot { options.values["--index-snapshot"] = [projectSnapshot] }
    let usesSnapshot = options.value("--index-snapshot") != nil
    let client: IndexClient
    do {
        let sources = try project.pyproject.map { (pyproject) throws(IndexError) in
            try ProjectSources(pyproject)
        }
        client = try makeIndexClient(options, console: console, project: sources)
    } catch {
        return unusable(
            "\(error)", report: report, isExplicit: isExplicit, console: console)
    }
    let asked = usesSnapshot ? onlySnapshot(client) : client
    console.debug("asking the index about " + names.joined(separator: ", "))

    let (advised, failures) = waitFor { await IndexAdvice.run(report, client: asked) }
    console.progress(nil)
    if failures.isEmpty { return .success(advised) }

    // Failures: the lock's advice stands for those packages.
    let failed = failures.keys.sorted()
    let first = failures[failed[0]].map(String.init(describing:)) ?? ""
    let unreachable = failures.values.filter {
        if case .packageNotFound = $0 { return false }
        return true
    }
    if isExplicit, !usesSnapshot, unreachable.count == names.count {
        return unusable(first, report: report, isExplicit: true, console: console)
    }
    var listed = failed.prefix(3).joined(separator: ", ")
    if failed.count > 3 { listed += " and \(failed.count - 3) more" }
    console.warning(
        "the package index could not answer for \(listed): \(first); "
            + "\(failed.count == 1 ? "its" : "their") advice comes from the lock alone")
    return .success(advised)
}

/// An index the command cannot use: exit 3 when the command line named it, else a
/// warning and the lock's answer.
struct CheckIndexFailure: Error {
    /// The exit status to return.
    var status: ExitStatus
}

private func unusable(
    _ message: String, report: CheckReport, isExplicit: Bool, console: Console
) -> Result<CheckReport, CheckIndexFailure> {
    guard isExplicit else {
        console.warning(message + "; the advice comes from the lock alone")
        return .success(report)
    }
    console.error(message)
    return .failure(CheckIndexFailure(status: .network))
}

/// A client reading `client`'s snapshot only: offline, without the cache.
private func onlySnapshot(_ client: IndexClient) -> IndexClient {
    var configuration = client.configuration
    configuration.mode = .offline
    configuration.cacheDirectory = nil
    return IndexClient(
        sources: client.sources, namedSources: client.namedSources,
        configuration: configuration)
}

/// `[tool.preflight] index-snapshot`, relative to the project folder.
private func snapshotSetting(of project: Project) -> String? {
    let settings = project.pyproject?.document.value(at: ["tool", "preflight"])
    guard let path = settings?.table?.entry(forKey: "index-snapshot")?.value.string else {
        return nil
    }
    return path.hasPrefix("/") ? path : project.folder + "/" + path
}
