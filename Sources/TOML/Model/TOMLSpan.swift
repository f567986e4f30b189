/// Where a key, value or table header sits in the source text.
///
/// Offsets count UTF-8 bytes from the start of the source (a leading byte order
/// mark included); line and column are 1-based, the column counted in Unicode
/// scalars. The fields are stored in 32 bits, which is why documents are limited
/// to 4 GiB.
public struct TOMLSpan: Sendable, Hashable, CustomStringConvertible {
    private var storedStart: UInt32
    private var storedEnd: UInt32
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// A span over the bytes `range` that starts at `line` and `column`.
    public init(bytes range: Range<Int>, line: Int, column: Int) {
        storedStart = UInt32(truncatingIfNeeded: range.lowerBound)
        storedEnd = UInt32(truncatingIfNeeded: range.upperBound)
        storedLine = UInt32(truncatingIfNeeded: line)
        storedColumn = UInt32(truncatingIfNeeded: column)
    }

    /// The UTF-8 byte offsets the span covers.
    public var bytes: Range<Int> { Int(storedStart)..<Int(storedEnd) }

    /// The 1-based line on which the span starts.
    public var line: Int { Int(storedLine) }

    /// The 1-based column, in Unicode scalars, at which the span starts.
    public var column: Int { Int(storedColumn) }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
