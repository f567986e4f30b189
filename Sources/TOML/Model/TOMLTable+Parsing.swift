extension TOMLTable {
    /// Parses a TOML 1.0.0 document.
    public init(parsing text: String) throws(TOMLError) {
        var text = text
        self = try text.withUTF8 { TOMLParser.parse($0) }.get()
    }

    /// Parses a TOML 1.0.0 document from UTF-8 bytes, which must be valid UTF-8.
    public init(parsing bytes: [UInt8]) throws(TOMLError) {
        self = try bytes.withUnsafeBufferPointer { TOMLParser.parse($0) }.get()
    }
}
