import Foundation

/// Where the reference implementations the benchmarks compare with are installed.
///
/// `PREFLIGHT_BENCH_<NAME>` names a tool directly; otherwise it is looked up in the
/// oracle virtualenv (`$ORACLE_VENV`, else `~/.cache/preflight-oracles`) that
/// `Scripts/setup-oracles.sh` creates.
enum ReferenceTools {
    /// The path of `tool` (`python`, `uv`), which may not exist.
    static func path(of tool: String) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["PREFLIGHT_BENCH_\(tool.uppercased())"] { return explicit }
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let venv = environment["ORACLE_VENV"] ?? "\(home)/.cache/preflight-oracles"
        return "\(venv)/bin/\(tool)"
    }
}
