/// A TOML table: keys in the order they were first defined, each with its value
/// and where both sit in the source.
public struct TOMLTable: Sendable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// One key of a table with its value and positions.
    public struct Entry: Sendable {
        /// The key, quotes removed and escapes resolved.
        public let key: String
        /// The value.
        public internal(set) var value: TOMLValue
        /// Where the key is written: the last part of a dotted key, or the key in the
        /// header that first named this table.
        public internal(set) var keySpan: TOMLSpan
        /// Where the value is written: the value text, a table's `[header]`, or for a
        /// table opened only implicitly, the key that first named it.
        public internal(set) var valueSpan: TOMLSpan
    }

    /// How the table came to exist, which decides what may still be added to it.
    enum Kind: UInt8, Sendable {
        /// The document itself.
        case root
        /// Named as a parent in a header (`a` in `[a.b]`) but not defined yet.
        case implicit
        /// Defined by a `[header]`.
        case header
        /// An element of an array of tables, defined by a `[[header]]`.
        case arrayElement
        /// Created by a dotted key (`a` in `a.b = 1`) in one table section.
        case dotted
        /// An inline table, closed once written.
        case inline
    }

    /// Where the last key/value line of a table section sits, for the editor.
    struct StatementLayout: Sendable {
        /// The byte offset where the whole (possibly dotted) key starts.
        var keyStart: UInt32
        /// The byte offset just past the whole key.
        var keyEnd: UInt32
        /// The byte offset just past the value.
        var valueEnd: UInt32
    }

    /// Largest table searched linearly; bigger ones keep a key index.
    private static let linearSearchLimit = 12

    /// The entries in definition order.
    public private(set) var entries: [Entry]
    private var index: [String: Int]?
    /// The `[header]` or `{ … }` of the table; `nil` for the root, implicit tables,
    /// tables made by dotted keys and built tables.
    public internal(set) var span: TOMLSpan?
    var kind: Kind
    /// The table section whose dotted keys created this table, for ``Kind/dotted``.
    var definingSection: UInt32 = 0
    /// The last key/value line written directly in this table, if any.
    var lastStatement: StatementLayout?

    /// An empty table.
    public init() {
        self.init(kind: .root, span: nil)
    }

    /// A table of the listed keys in order; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, TOMLValue)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }

    /// An empty table of `kind` the parser fills.
    init(kind: Kind, span: TOMLSpan?) {
        self.entries = []
        self.index = nil
        self.span = span
        self.kind = kind
    }

    // MARK: - Collection

    /// The position of the first entry: always 0.
    public var startIndex: Int { 0 }
    /// One past the last entry.
    public var endIndex: Int { entries.count }
    /// The entry at `position`, in definition order.
    public subscript(position: Int) -> Entry { entries[position] }

    /// The keys in definition order.
    public var keys: [String] { entries.map(\.key) }

    /// Whether this is an inline table `{ … }`, which TOML closes once written.
    public var isInline: Bool { kind == .inline }

    // MARK: - Lookup

    /// The position of `key` in ``entries``.
    public func index(forKey key: String) -> Int? {
        if let index { return index[key] }
        for position in entries.indices where entries[position].key == key { return position }
        return nil
    }

    /// The entry for `key`, with its positions.
    public func entry(forKey key: String) -> Entry? {
        index(forKey: key).map { entries[$0] }
    }

    /// The value under `key`; setting `nil` removes the key.
    public subscript(key: String) -> TOMLValue? {
        get { index(forKey: key).map { entries[$0].value } }
        set {
            if let position = index(forKey: key) {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                    rebuildIndex()
                }
            } else if let newValue {
                append(key: key, value: newValue, keySpan: .none, valueSpan: .none)
            }
        }
    }

    /// The value at `path` of keys, descending through tables.
    public func value(at path: some Sequence<String>) -> TOMLValue? {
        var iterator = path.makeIterator()
        guard let first = iterator.next(), let start = self[first] else { return nil }
        var current = start
        while let key = iterator.next() {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    /// The entry at `path` of keys, descending through tables, with its positions:
    /// e.g. where a dependency is written, so a message or an edit can point at it.
    public func entry(at path: [String]) -> Entry? {
        guard let last = path.last else { return nil }
        guard path.count > 1 else { return entry(forKey: last) }
        return value(at: path.dropLast())?.table?.entry(forKey: last)
    }

    // MARK: - Building

    /// Adds a key that is not present yet.
    mutating func append(key: String, value: TOMLValue, keySpan: TOMLSpan, valueSpan: TOMLSpan) {
        entries.append(Entry(key: key, value: value, keySpan: keySpan, valueSpan: valueSpan))
        if index != nil {
            index?[key] = entries.count - 1
        } else if entries.count > Self.linearSearchLimit {
            rebuildIndex()
        }
    }

    /// Replaces the value at `position`.
    mutating func setValue(_ value: TOMLValue, at position: Int) {
        entries[position].value = value
    }

    /// Updates where the entry at `position` is written.
    mutating func setSpans(key keySpan: TOMLSpan, value valueSpan: TOMLSpan, at position: Int) {
        entries[position].keySpan = keySpan
        entries[position].valueSpan = valueSpan
    }

    /// Moves the table at `position` out, leaving a placeholder, so it can be modified
    /// without a copy and put back with ``setValue(_:at:)``; `nil` when the value is not
    /// a table.
    mutating func takeTable(at position: Int) -> TOMLTable? {
        guard case .table(let table) = entries[position].value else { return nil }
        entries[position].value = .bool(false)
        return table
    }

    /// Moves the array at `position` out like ``takeTable(at:)``.
    mutating func takeArray(at position: Int) -> TOMLArray? {
        guard case .array(let array) = entries[position].value else { return nil }
        entries[position].value = .bool(false)
        return array
    }

    private mutating func rebuildIndex() {
        guard entries.count > Self.linearSearchLimit else {
            index = nil
            return
        }
        var rebuilt: [String: Int] = [:]
        rebuilt.reserveCapacity(entries.count * 2)
        for (position, entry) in entries.enumerated() { rebuilt[entry.key] = position }
        index = rebuilt
    }
}

extension TOMLTable: Equatable {
    /// Tables are equal when they have the same keys in the same order with equal
    /// values; positions and how the tables were written are ignored.
    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
