extension DebugTool {
    /// Every `preflight debug` tool, in the order `--help` lists them.
    static let all: [DebugTool] = [
        .tomlDecode,
        .pep440,
        .pep508,
        .wheel,
        .poetryConstraint,
    ]
}
