import PythonPackaging

/// The `TARGET` options: the Python and platform a command checks against.
let targetOptions: [OptionSpec] = [
    OptionSpec(
        "--python", value: "VERSION", help: "Target Python: 3.14 (default), 3.14.1 or 3.14t."),
    OptionSpec(
        "--platform", value: "PLATFORM",
        help: "debian (default), debian-arm64, alpine, alpine-arm64 or a platform tag."),
]

/// The target environment the `TARGET` options of `parsed` describe.
func parseTarget(_ parsed: ParsedArguments) throws(UsageError) -> TargetEnvironment {
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
