import Foundation

/// Where a command reads input and writes results and diagnostics.
///
/// Results go to standard output; `error:`, `warning:`, `note:` and `hint:` lines and
/// progress go to standard error. Tests build one over in-memory buffers.
public final class Console: @unchecked Sendable {
    /// Whether ANSI colour may be written to standard output.
    public let colorsOutput: Bool
    /// Whether ANSI colour may be written to standard error.
    public let colorsErrors: Bool
    /// Whether standard error is a terminal, so progress lines may be drawn.
    public let errorIsTerminal: Bool
    /// Whether `debug:` lines are shown.
    public var isVerbose = false

    private let lock = NSLock()
    private let readInput: () -> Data
    private let writeOutput: (Data) -> Void
    private let writeError: (Data) -> Void
    private var outputBuffer = Data()
    private var hasProgressLine = false

    /// A console over explicit streams; `colors` applies to both output and errors.
    public init(
        colors: Bool = false, errorIsTerminal: Bool = false, input: @escaping () -> Data,
        output: @escaping (Data) -> Void, error: @escaping (Data) -> Void
    ) {
        self.colorsOutput = colors
        self.colorsErrors = colors
        self.errorIsTerminal = errorIsTerminal
        self.readInput = input
        self.writeOutput = output
        self.writeError = error
    }

    /// The process's own standard streams, colour decided by `--color`, `NO_COLOR`,
    /// `FORCE_COLOR` and whether each stream is a terminal.
    public init(colorChoice: String?, environment: [String: String]) {
        let outputIsTerminal = isatty(STDOUT_FILENO) == 1
        let errorIsTerminal = isatty(STDERR_FILENO) == 1
        func decide(_ isTerminal: Bool) -> Bool {
            switch colorChoice {
            case "always": return true
            case "never": return false
            default:
                if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
                if let force = environment["FORCE_COLOR"], !force.isEmpty { return true }
                return isTerminal && environment["TERM"] != "dumb"
            }
        }
        self.colorsOutput = decide(outputIsTerminal)
        self.colorsErrors = decide(errorIsTerminal)
        self.errorIsTerminal = errorIsTerminal
        self.readInput = { FileHandle.standardInput.readDataToEndOfFile() }
        self.writeOutput = { FileHandle.standardOutput.write($0) }
        self.writeError = { FileHandle.standardError.write($0) }
    }

    // MARK: - Input

    /// All of standard input as bytes.
    public func readAllInput() -> Data { readInput() }

    // MARK: - Output

    /// Writes `text` to standard output (buffered until ``flush()``).
    public func write(_ text: String) {
        lock.lock()
        outputBuffer.append(contentsOf: Array(text.utf8))
        let shouldFlush = outputBuffer.count > 1 << 16
        lock.unlock()
        if shouldFlush { flush() }
    }

    /// Writes `text` and a newline to standard output.
    public func writeLine(_ text: String) { write(text + "\n") }

    /// Sends buffered standard output on its way.
    public func flush() {
        lock.lock()
        let pending = outputBuffer
        outputBuffer.removeAll(keepingCapacity: true)
        lock.unlock()
        if !pending.isEmpty { writeOutput(pending) }
    }

    // MARK: - Diagnostics

    /// Writes an `error:` line to standard error.
    public func error(_ message: String) { diagnostic("error", message, color: .red) }

    /// Writes a `warning:` line to standard error.
    public func warning(_ message: String) { diagnostic("warning", message, color: .yellow) }

    /// Writes a `note:` line to standard error.
    public func note(_ message: String) { diagnostic("note", message, color: .cyan) }

    /// Writes a `hint:` line to standard error.
    public func hint(_ message: String) { diagnostic("hint", message, color: .green) }

    /// Writes a `debug:` line to standard error when verbose.
    public func debug(_ message: String) {
        if isVerbose { diagnostic("debug", message, color: .dim) }
    }

    private func diagnostic(_ label: String, _ message: String, color: ANSIStyle) {
        progress(nil)
        flush()
        let prefix = colorsErrors ? color.apply(to: label + ":", bold: true) : label + ":"
        writeError(Data("\(prefix) \(message)\n".utf8))
    }

    // MARK: - Progress

    /// Draws `text` as the one progress line on a terminal's standard error, replacing
    /// the previous one; `nil` clears it. Does nothing when standard error is not a
    /// terminal.
    public func progress(_ text: String?) {
        guard errorIsTerminal else { return }
        lock.lock()
        let hadLine = hasProgressLine
        hasProgressLine = text != nil
        lock.unlock()
        guard let text else {
            if hadLine { writeError(Data("\r\u{1B}[2K".utf8)) }
            return
        }
        writeError(Data("\r\u{1B}[2K\(text)".utf8))
    }

    /// `text` in `style` when standard output takes colour, else unchanged.
    public func styled(_ text: String, _ style: ANSIStyle, bold: Bool = false) -> String {
        colorsOutput ? style.apply(to: text, bold: bold) : text
    }
}

/// The few ANSI colours the tool uses.
public enum ANSIStyle: Sendable {
    case red, yellow, green, cyan, dim, plain

    /// `text` wrapped in this style's escape sequences.
    public func apply(to text: String, bold: Bool = false) -> String {
        let code: String
        switch self {
        case .red: code = "31"
        case .yellow: code = "33"
        case .green: code = "32"
        case .cyan: code = "36"
        case .dim: code = "2"
        case .plain: code = "0"
        }
        return "\u{1B}[\(bold ? "1;" : "")\(code)m\(text)\u{1B}[0m"
    }
}
