import Preflight
import PythonPackaging

/// `--python` and `--platform`: the target of check, resolve and propose.
enum TargetOptions {
    /// The options as a command lists them.
    static let specs: [OptionSpec] = [
        OptionSpec(
            "--python", value: "VERSION",
            help: "Target Python: 3.14, 3.14.1 or 3.14t (default 3.14)."),
        OptionSpec(
            "--platform", value: "PLATFORM",
            help: "debian, debian-arm64, alpine, alpine-arm64 or a tag (default debian)."),
    ]

    /// The target from the command line alone, else 3.14 on debian.
    static func environment(_ parsed: ParsedArguments) throws(UsageError)
        -> TargetEnvironment
    {
        let python = parsed.value("--python") ?? "3.14"
        let platform = parsed.value("--platform") ?? "debian"
        do {
            return try TargetEnvironment(python: python, platform: platform)
        } catch {
            switch error {
            case .invalidPython:
                throw .invalidValue(
                    option: "--python", value: python,
                    expected: "a Python version such as '3.14', '3.14.2' or '3.14t'")
            case .freeThreadingUnavailable:
                throw .invalidValue(
                    option: "--python", value: python,
                    expected: "Python 3.13 or later for a free-threaded build")
            case .unsupportedPlatform:
                throw .invalidValue(
                    option: "--platform", value: platform,
                    expected: "debian, debian-arm64, alpine, alpine-arm64 or a platform tag")
            }
        }
    }

    /// The target from the command line, else `[tool.preflight]` of `project`, else
    /// 3.14 on debian. A bad value is a usage error naming the option or the setting.
    static func target(_ parsed: ParsedArguments, project: Project) throws(UsageError)
        -> CheckTarget
    {
        let python = parsed.value("--python") ?? project.defaultPython ?? "3.14"
        let platform = parsed.value("--platform") ?? project.defaultPlatform ?? "debian"
        do {
            return try CheckTarget(python: python, platform: platform)
        } catch {
            let option =
                error.message.contains("Python") ? "--python" : "--platform"
            let given = parsed.value(option) != nil
            throw .invalidTarget(
                (given ? "" : "[tool.preflight] in pyproject.toml: ") + error.message)
        }
    }
}

/// `--only`, `--with`, `--without`, `--all-groups`: the dependency groups to install,
/// as `poetry install` takes them (comma-separated lists or repeated options).
enum GroupOptions {
    /// The options as a command lists them.
    static let specs: [OptionSpec] = [
        OptionSpec(
            "--only", value: "GROUPS", repeatable: true, help: "Only these groups."),
        OptionSpec(
            "--with", value: "GROUPS", repeatable: true,
            help: "Optional groups to add to the default ones."),
        OptionSpec(
            "--without", value: "GROUPS", repeatable: true, help: "Groups to leave out."),
        OptionSpec("--all-groups", help: "Every group, optional ones included."),
    ]

    /// The selection on the command line; `--only` and `--all-groups` exclude the others.
    static func selection(_ parsed: ParsedArguments) throws(UsageError) -> GroupSelection {
        func names(_ option: String) -> [String] {
            (parsed.values[option] ?? []).flatMap { $0.split(separator: ",") }.map {
                String($0).trimmingSpaces
            }.filter { !$0.isEmpty }
        }
        let only = names("--only")
        let with = names("--with")
        let without = names("--without")
        let all = parsed.has("--all-groups")
        if !only.isEmpty {
            if all { throw .conflictingOptions("--only", "--all-groups") }
            if !with.isEmpty { throw .conflictingOptions("--only", "--with") }
            if !without.isEmpty { throw .conflictingOptions("--only", "--without") }
        }
        if all && !with.isEmpty { throw .conflictingOptions("--all-groups", "--with") }
        return GroupSelection(only: only, with: with, without: without, all: all)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
