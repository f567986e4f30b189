import Foundation
import PackageIndex

/// The options of every command that reads the package index.
let indexOptions: [OptionSpec] = [
    OptionSpec(
        "--index-url", value: "URL", help: "Use this simple index instead of PyPI."),
    OptionSpec(
        "--extra-index-url", value: "URL", repeatable: true,
        help: "Also search this simple index (may be repeated)."),
    OptionSpec(
        "--index-snapshot", value: "DIR",
        help: "Answer from a snapshot recorded by 'preflight index snapshot'."),
    OptionSpec("--offline", help: "Use only the cache and snapshots; never the network."),
    OptionSpec("--refresh", help: "Revalidate every cached index page."),
]

/// An index client configured from the index options of `parsed`.
///
/// `--index-url` and `--extra-index-url` replace the project's sources; without them
/// the client searches `project`'s sources, or PyPI alone. An `advisory` client (the
/// optional advice of `check`) gives up sooner, so an unreachable network costs
/// seconds, not minutes: 5 s a request and one retry.
func makeIndexClient(
    _ parsed: ParsedArguments, console: Console, project: ProjectSources? = nil,
    advisory: Bool = false,
    environment: [String: String] = ProcessInfo.processInfo.environment
) throws -> IndexClient {
    if parsed.has("--offline"), parsed.has("--refresh") {
        throw UsageError.conflictingOptions("--offline", "--refresh")
    }
    var configuration = IndexConfiguration(environment: environment)
    configuration.mode =
        parsed.has("--offline") ? .offline : parsed.has("--refresh") ? .refresh : .normal
    if advisory {
        configuration.http.timeout = 5
        configuration.http.maxAttempts = 2
    }
    if let directory = parsed.value("--index-snapshot") {
        configuration.snapshot = try SnapshotIndex(directory: URL(fileURLWithPath: directory))
    }
    if console.isVerbose {
        configuration.log = { console.debug($0) }
    } else if console.errorIsTerminal {
        let line = ProgressLine(console: console)
        configuration.progress = { line.show($0) }
    }
    if hasIndexURLOptions(parsed) || project == nil {
        let sources = IndexSource.commandLine(
            indexURL: parsed.value("--index-url"),
            extraIndexURLs: parsed.values["--extra-index-url"] ?? [])
        return IndexClient(sources: sources, configuration: configuration)
    }
    return IndexClient(
        sources: project?.sources ?? [.pypi], namedSources: project?.namedSources ?? [:],
        configuration: configuration)
}

/// Whether `--index-url` or `--extra-index-url` is given.
func hasIndexURLOptions(_ parsed: ParsedArguments) -> Bool {
    parsed.value("--index-url") != nil || !(parsed.values["--extra-index-url"] ?? []).isEmpty
}

/// Draws index progress on the console's progress line, at most ten times a second.
private final class ProgressLine: @unchecked Sendable {
    private let console: Console
    private let lock = NSLock()
    private var lastDrawn: UInt64 = 0

    init(console: Console) { self.console = console }

    func show(_ progress: IndexProgress) {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.lock()
        let due = now - lastDrawn > 100_000_000
        if due { lastDrawn = now }
        lock.unlock()
        guard due else { return }
        let megabytes = Double(progress.bytes) / 1_048_576
        console.progress(
            "index: \(progress.finished)/\(progress.started) requests, "
                + String(format: "%.1f MB", megabytes))
    }
}

/// Reports `error` and returns its exit status: 2 for a bad source, 3 otherwise.
func reportIndexFailure(_ error: IndexError, console: Console) -> ExitStatus {
    console.error(error.description)
    if case .invalidSource = error { return .usage }
    return .network
}

/// Runs `body` to completion from synchronous command code.
///
/// Commands are synchronous, and tests call them from threads of Swift's cooperative
/// pool, so the body must not need that pool while this thread waits: it runs on its
/// own executor, whose threads come from Dispatch.
func waitFor<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task(executorPreference: DispatchTaskExecutor.shared) {
        box.set(await body())
        done.signal()
    }
    done.wait()
    return box.take()
}

/// A task executor that runs jobs on a concurrent Dispatch queue, outside the
/// cooperative pool that a waiting caller may be blocking.
private final class DispatchTaskExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = DispatchTaskExecutor()

    private let queue = DispatchQueue(
        label: "preflight.index", qos: .userInitiated, attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}

/// One value handed from a task to a waiting thread.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?

    func set(_ newValue: T) {
        lock.lock()
        value = newValue
        lock.unlock()
    }

    func take() -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let value else { preconditionFailure("waitFor finished without a value") }
        return value
    }
}
