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

    // A snapshot alone, read here; or the project's sources through the cache.
    let snapshot = commandLineSnapshot ?? snapshotSetting(of: project)
    let usesSnapshot = snapshot != nil
    console.debug("asking the index about " + names.joined(separator: ", "))
    let advised: CheckReport
    let failures: [String: IndexError]
    if let snapshot {
        let index: SnapshotIndex
        do {
            index = try SnapshotIndex(directory: URL(fileURLWithPath: snapshot))
        } catch {
            return unusable(
                "\(error)", report: report, isExplicit: isExplicit, console: console)
        }
        let pages: [String: ProjectPage]
        (pages, failures) = snapshotPages(names, in: index)
        advised = IndexAdvice.advise(report, pages: pages)
    } else {
        let client: IndexClient
        do {
            let sources = try project.pyproject.map { (pyproject) throws(IndexError) in
                try ProjectSources(pyproject)
            }
            client = try makeIndexClient(
                parsed, console: console, project: sources, advisory: !isExplicit)
        } catch {
            return unusable(
                "\(error)", report: report, isExplicit: isExplicit, console: console)
        }
        (advised, failures) = waitFor { await IndexAdvice.run(report, client: client) }
        console.progress(nil)
    }
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

/// The pages `index` records for `names`, read in parallel on plain threads (the
/// snapshot is local: no task outlives the call); a missing project is a failure.
private func snapshotPages(_ names: [String], in index: SnapshotIndex)
    -> (pages: [String: ProjectPage], failures: [String: IndexError])
{
    let lock = NSLock()
    nonisolated(unsafe) var pages: [String: ProjectPage] = [:]
    nonisolated(unsafe) var failures: [String: IndexError] = [:]
    DispatchQueue.concurrentPerform(iterations: names.count) { offset in
        let name = names[offset]
        let result: Result<ProjectPage, IndexError>
        do throws(IndexError) {
            guard let page = try index.page(for: name) else {
                throw .packageNotFound(name, sources: [index.directory.path])
            }
            result = .success(page)
        } catch {
            result = .failure(error)
        }
        lock.lock()
        switch result {
        case .success(let page): pages[name] = page
        case .failure(let error): failures[name] = error
        }
        lock.unlock()
    }
    return (pages, failures)
}

/// `[tool.preflight] index-snapshot`, relative to the project folder.
private func snapshotSetting(of project: Project) -> String? {
    let settings = project.pyproject?.document.value(at: ["tool", "preflight"])
    guard let path = settings?.table?.entry(forKey: "index-snapshot")?.value.string else {
        return nil
    }
    return path.hasPrefix("/") ? path : project.folder + "/" + path
}
