import Foundation
import PackageIndex
import PythonPackaging

/// `preflight index snapshot`: record an offline index.
let indexCommand = CommandSpec(
    name: "index",
    summary: "Record package-index snapshots for offline use.",
    subcommands: [
        CommandSpec(
            name: "snapshot",
            summary: "Record the named projects into a snapshot directory.",
            discussion: """
                Every file of every release is recorded; core metadata only for the
                releases chosen: by default the newest 5 stable releases and the newest
                release, or those '--versions' allows, or all with '--all-metadata'.
                Read it back with '--index-snapshot DIR'.
                """,
            options: [
                OptionSpec("--to", value: "DIR", help: "The snapshot directory (required)."),
                OptionSpec("--source", value: "URL", help: "The simple index to record from."),
                OptionSpec(
                    "--versions", value: "SPECIFIERS",
                    help: "Record metadata for the releases these allow."),
                OptionSpec(
                    "--metadata-releases", value: "N",
                    help: "Record metadata for the newest N stable releases (default 5)."),
                OptionSpec("--all-metadata", help: "Record metadata for every release."),
                OptionSpec("--refresh", help: "Revalidate every cached index page."),
            ],
            positionals: [PositionalSpec("NAME", repeating: true, help: "Project names.")],
            run: runSnapshot)
    ]
)

private func runSnapshot(_ parsed: ParsedArguments, console: Console) throws -> ExitStatus {
    guard let directory = parsed.value("--to") else { throw UsageError.missingArgument("--to DIR") }
    let selection = try metadataSelection(parsed)
    var options = parsed
    if let source = parsed.value("--source") { options.values["--index-url"] = [source] }
    let client = try makeIndexClient(options, console: console)
    let names = parsed.positionals
    let result = waitFor { () async -> Result<[SnapshotRecord], IndexError> in
        do throws(IndexError) {
            return .success(
                try await client.recordSnapshot(
                    names, to: URL(fileURLWithPath: directory), metadata: selection))
        } catch {
            return .failure(error)
        }
    }
    console.progress(nil)
    switch result {
    case .success(let records):
        for record in records {
            var line = "\(record.name): \(record.fileCount) files, metadata for "
            line += "\(record.metadataCount) releases, \(record.bytes) bytes"
            if record.unknownCount > 0 { line += " (\(record.unknownCount) without metadata)" }
            console.writeLine(line)
        }
        return .success
    case .failure(let error):
        return reportIndexFailure(error, console: console)
    }
}

private func metadataSelection(_ parsed: ParsedArguments) throws(UsageError)
    -> SnapshotMetadataSelection
{
    if parsed.has("--all-metadata") {
        if parsed.value("--versions") != nil {
            throw .conflictingOptions("--all-metadata", "--versions")
        }
        return .all
    }
    if let text = parsed.value("--versions") {
        do {
            return .matching(try SpecifierSet(text))
        } catch {
            throw .invalidValue(option: "--versions", value: text, expected: "\(error)")
        }
    }
    if let text = parsed.value("--metadata-releases") {
        guard let count = Int(text), count >= 0 else {
            throw .invalidValue(
                option: "--metadata-releases", value: text, expected: "a whole number")
        }
        return .newest(count)
    }
    return .newest(5)
}
