/// Why a dependency specifier or marker could not be read, with the offending span.
///
/// The description echoes the input with carets under the span:
/// ```
/// expected end of dependency specifier, found 'b'
///     name a b
///            ^
/// ```
public struct RequirementParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The message: one lowercase phrase.
    public let message: String
    /// The text that was being read.
    public let source: String
    /// The offending span, in Unicode scalar offsets into `source`; `nil` when the
    /// error concerns the whole input.
    public let span: Range<Int>?

    /// An error from its parts.
    public init(message: String, source: String, span: Range<Int>?) {
        self.message = message
        self.source = source
        self.span = span
    }

    public var description: String {
        guard let span else { return message }
        let echoed = String(
            String.UnicodeScalarView(
                source.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
        let carets = String(repeating: "^", count: max(1, span.count))
        return """
            \(message)
                \(echoed)
                \(String(repeating: " ", count: span.lowerBound))\(carets)
            """
    }
}
