/// An error in a Poetry project's files: a pyproject.toml or poetry.lock that cannot be
/// read, or a content-hash that cannot be computed.
///
/// The description reads `pyproject.toml:12:5: expected a string or table for
/// dependency 'httpx', found integer` when the error has a position, and is the bare
/// message otherwise.
public struct PoetryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, one lowercase phrase.
    public var message: String
    /// Where it went wrong, when the error is about one place in a file.
    public var position: FilePosition?

    /// An error with `message`, at `position` when given.
    public init(_ message: String, at position: FilePosition? = nil) {
        self.message = message
        self.position = position
    }

    public var description: String {
        guard let position else { return message }
        return "\(position): \(message)"
    }
}

/// A place in a file: the file's name and a 1-based line and column.
public struct FilePosition: Sendable, Hashable, CustomStringConvertible {
    /// The file name as messages show it, such as `pyproject.toml`.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int

    /// The position `line`:`column` in `file`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
