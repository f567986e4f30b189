import Foundation
import TOML

extension DebugTool {
    /// `preflight debug toml-decode`: the toml-test decoder protocol.
    static let tomlDecode = DebugTool(
        name: "toml-decode",
        summary: "Decode TOML on stdin to toml-test tagged JSON.",
        discussion: """
            Reads one TOML document on stdin. Valid TOML prints its tagged JSON and exits 0;
            invalid TOML prints the error, with the line and a caret, on stderr and exits 1.
            """,
        inputProtocol: .document { input, console in
            do throws(TOMLError) {
                let table = try TOMLTable(parsing: [UInt8](input))
                console.writeLine(table.taggedJSON())
                console.flush()
                return .success
            } catch {
                console.error(error.annotatedDescription)
                return .notReady
            }
        }
    )
}
