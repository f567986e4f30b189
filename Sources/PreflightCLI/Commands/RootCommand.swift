/// The tool's version, printed by `preflight --version`.
public let preflightVersion = "0.1.0"

/// The `preflight` command and every subcommand beneath it.
public let rootCommand = CommandSpec(
    name: "preflight",
    summary: "Will this Poetry project install on a new Python and base image, wheels only?",
    discussion: """
        Preflight reads a Poetry project (pyproject.toml and poetry.lock) and tells whether it
        will resolve and install on a target Python and platform using wheels only; if not,
        it explains why and proposes the smallest pyproject.toml edit that fixes it.
        """,
    subcommands: [checkCommand, versionsCommand, indexCommand, cacheCommand, debugCommand]
)
