import Foundation
import PackageIndex
import Poetry
import Preflight
import PythonPackaging

/// `preflight versions NAME`: every release and whether it has a wheel for the target.
let versionsCommand = CommandSpec(
    name: "versions",
    summary: "List a package's releases and whether each has a wheel for the target.",
    discussion: """
        A release is compatible when one of its wheels installs on the target and its
        Requires-Python admits the target Python. Yanked releases are marked. Exits 0
        when some listed release is compatible and not yanked, 1 when none is.

        The sources searched are those of the project's [[tool.poetry.source]] (from
        --project, else the current directory when it has a pyproject.toml), so a
        package that the project takes from a private source is looked up there;
        --index-url and --extra-index-url replace them.
        """,
    options: [
        OptionSpec(
            "--spec", value: "SPECIFIERS", help: "Only releases these allow, e.g. '>=1.60'."),
        OptionSpec(
            "--project", value: "DIR",
            help: "Search the sources of this Poetry project (default: the current directory)."),
        OptionSpec("--format", value: "FORMAT", help: "text (default) or json."),
    ] + TargetOptions.specs + indexOptions,
    positionals: [PositionalSpec("NAME", help: "The package name.")],
    run: runVersions
)

/// One release as `versions` reports it.
private struct ReleaseRow {
    var version: Version
    var isYanked: Bool
    var isCompatible: Bool
    var bestFile: String?
    var requiresPython: String?
    var hasSdist: Bool
}

private func runVersions(_ parsed: ParsedArguments, console: Console) throws -> ExitStatus {
    let name = parsed.positionals[0]
    let format = parsed.value("--format") ?? "text"
    guard ["text", "json"].contains(format) else {
        throw UsageError.invalidValue(option: "--format", value: format, expected: "text or json")
    }
    var specifiers: SpecifierSet?
    if let text = parsed.value("--spec") {
        do {
            specifiers = try SpecifierSet(text)
        } catch {
            throw UsageError.invalidValue(option: "--spec", value: text, expected: "\(error)")
        }
    }
    let target = try TargetOptions.environment(parsed)
    let client = try makeIndexClient(
        parsed, console: console, project: try projectSources(parsed, console: console))

    let result = waitFor { () async -> Result<ProjectPage, IndexError> in
        do throws(IndexError) {
            return .success(try await client.project(name))
        } catch {
            return .failure(error)
        }
    }
    console.progress(nil)
    let page: ProjectPage
    switch result {
    case .success(let found): page = found
    case .failure(let error): return reportIndexFailure(error, console: console)
    }

    // Releases without wheels or sdists (only eggs, or nothing left) cannot install.
    let rows = page.releases.filter {
        !$0.files.isEmpty && specifiers?.contains($0.version, prereleases: true) ?? true
    }.map { row(for: $0, target: target) }
    if format == "json" {
        console.writeLine(json(name: page.name, rows: rows, target: target).rendered())
    } else {
        printText(name: page.name, rows: rows, target: target, console: console)
    }
    return rows.contains { $0.isCompatible && !$0.isYanked } ? .success : .notReady
}

/// The sources of `--project DIR`, or of the current directory when it has a
/// pyproject.toml (a broken one there is only warned about); `nil` for PyPI alone.
private func projectSources(_ parsed: ParsedArguments, console: Console) throws(UsageError)
    -> ProjectSources?
{
    let folder = parsed.value("--project")
    let path = (folder ?? ".") + "/pyproject.toml"
    guard let data = FileManager.default.contents(atPath: path) else {
        guard let folder else { return nil }
        throw .invalidValue(
            option: "--project", value: folder, expected: "a folder with a pyproject.toml")
    }
    do {
        let pyproject = try Pyproject(parsing: String(decoding: data, as: UTF8.self), file: path)
        return try ProjectSources(pyproject)
    } catch {
        guard folder != nil else {
            console.warning("\(error); searching PyPI only")
            return nil
        }
        throw .invalidValue(option: "--project", value: path, expected: "\(error)")
    }
}

private func row(for release: Release, target: TargetEnvironment) -> ReleaseRow {
    let requiresPython = release.requiresPython
    var admitsPython = true
    if let requiresPython, let specifiers = try? SpecifierSet(requiresPython) {
        admitsPython = specifiers.contains(target.python.fullVersion, prereleases: true)
    }
    let best = admitsPython ? release.bestWheel(for: target) : nil
    return ReleaseRow(
        version: release.version, isYanked: release.isYanked, isCompatible: best != nil,
        bestFile: best?.filename, requiresPython: requiresPython, hasSdist: release.hasSdist)
}

private func json(name: String, rows: [ReleaseRow], target: TargetEnvironment) -> JSONValue {
    .object([
        ("name", .string(name)),
        (
            "target",
            .object([
                ("python", .string(target.python.description)),
                ("platform", .string(target.platform.description)),
            ])
        ),
        (
            "releases",
            .array(
                rows.map { row in
                    .object([
                        ("version", .string(row.version.description)),
                        ("yanked", .bool(row.isYanked)),
                        ("prerelease", .bool(row.version.isPrerelease)),
                        ("compatible", .bool(row.isCompatible)),
                        ("best_file", .optional(row.bestFile)),
                        ("requires_python", .optional(row.requiresPython)),
                    ])
                })
        ),
    ])
}

private func printText(
    name: String, rows: [ReleaseRow], target: TargetEnvironment, console: Console
) {
    console.writeLine("\(name) for Python \(target.python) on \(target.platform)")
    let width = max(7, rows.map(\.version.description.count).max() ?? 0)
    for row in rows {
        let version = row.version.description
        let padding = String(repeating: " ", count: width - version.count + 2)
        var status: String
        if let file = row.bestFile {
            status = console.styled("wheel", .green) + "  " + file
        } else {
            status = console.styled(row.hasSdist ? "sdist only" : "no wheel", .red)
        }
        if row.isYanked { status += console.styled("  (yanked)", .yellow) }
        console.writeLine("  " + version + padding + status)
    }
    let usable = rows.filter { $0.isCompatible && !$0.isYanked }
    if let first = usable.first, let last = usable.last {
        console.writeLine(
            "first compatible release: \(first.version); newest: \(last.version)")
    } else {
        console.writeLine("no listed release has a wheel for this target")
    }
}
