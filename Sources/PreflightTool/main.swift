import Foundation
import PreflightCLI

// Everything is written through unbuffered file handles by now. `_exit` skips the
// process's static destructors, which background threads of the networking stack may
// still be using when a command returns.
let status = runPreflight(Array(CommandLine.arguments.dropFirst()))
fflush(nil)
_exit(status.rawValue)
