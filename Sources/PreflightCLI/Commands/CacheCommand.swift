import Foundation
import PackageIndex

/// `preflight cache clear`: empty the HTTP cache.
let cacheCommand = CommandSpec(
    name: "cache",
    summary: "Manage the package-index cache.",
    subcommands: [
        CommandSpec(
            name: "clear",
            summary: "Remove every cached index response.",
            discussion: """
                The cache lives in $PREFLIGHT_CACHE_DIR, else $XDG_CACHE_HOME/preflight,
                else ~/.cache/preflight.
                """,
            run: { _, console in
                let configuration = IndexConfiguration()
                let client = IndexClient(configuration: configuration)
                do throws(IndexError) {
                    let count = try client.clearCache()
                    let path = configuration.cacheDirectory?.path ?? "-"
                    console.writeLine("removed \(count) cached files from \(path)")
                    return .success
                } catch {
                    return reportIndexFailure(error, console: console)
                }
            })
    ]
)
