import Foundation

/// Runs the tool with `arguments` (without the program name) and returns the exit status.
public func runPreflight(
    _ arguments: [String], console: Console? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment
) -> ExitStatus {
    let invocation: Invocation
    do {
        invocation = try parseArguments(arguments, root: rootCommand)
    } catch {
        let console = console ?? Console(colorChoice: nil, environment: environment)
        console.error(error.description)
        console.hint("run 'preflight --help' for usage")
        return .usage
    }

    switch invocation {
    case .version:
        let console = console ?? Console(colorChoice: nil, environment: environment)
        console.writeLine("preflight \(preflightVersion)")
        console.flush()
        return .success
    case .help(let command, let path):
        let console = console ?? Console(colorChoice: nil, environment: environment)
        console.write(helpText(for: command, path: path))
        console.flush()
        return .success
    case .run(let command, let parsed):
        let console =
            console ?? Console(colorChoice: parsed.value("--color"), environment: environment)
        console.isVerbose = parsed.has("--verbose")
        guard let run = command.run else { return .usage }
        do {
            let status = try run(parsed, console)
            console.flush()
            return status
        } catch let error as UsageError {
            console.flush()
            console.error(error.description)
            return .usage
        } catch {
            console.flush()
            console.error("\(error)")
            return .usage
        }
    }
}
