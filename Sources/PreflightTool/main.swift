import Foundation
import PreflightCLI

exit(runPreflight(Array(CommandLine.arguments.dropFirst())).rawValue)
