/// A TOML array: a static `[1, 2]` or an array of tables built by `[[header]]`s.
public struct TOMLArray: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// The elements in order.
    public private(set) var elements: [TOMLValue]
    /// Where each element sits; for an array of tables, each table's header.
    private var elementSpans: [TOMLSpan]
    /// The brackets of a static array; `nil` for an array of tables or a built array.
    public internal(set) var span: TOMLSpan?
    /// Whether the array was built by `[[header]]` sections rather than written inline.
    public internal(set) var isArrayOfTables: Bool

    /// A static array of `elements`, without source positions.
    public init(_ elements: [TOMLValue]) {
        self.elements = elements
        self.elementSpans = Array(repeating: TOMLSpan.none, count: elements.count)
        self.span = nil
        self.isArrayOfTables = false
    }

    /// A static array of the listed elements.
    public init(arrayLiteral elements: TOMLValue...) { self.init(elements) }

    /// An empty array the parser fills.
    init(isArrayOfTables: Bool, span: TOMLSpan?) {
        self.elements = []
        self.elementSpans = []
        self.span = span
        self.isArrayOfTables = isArrayOfTables
    }

    /// The position of the first element: always 0.
    public var startIndex: Int { 0 }
    /// One past the last element.
    public var endIndex: Int { elements.count }
    /// The element at `position`.
    public subscript(position: Int) -> TOMLValue { elements[position] }

    /// Where the element at `index` sits in the source.
    public func span(at index: Int) -> TOMLSpan { elementSpans[index] }

    /// Adds `value` found at `span`.
    mutating func append(_ value: TOMLValue, span: TOMLSpan) {
        elements.append(value)
        elementSpans.append(span)
    }

    /// Replaces the last element's value, keeping its span.
    mutating func replaceLast(with value: TOMLValue) {
        elements[elements.count - 1] = value
    }

    /// Moves the last element, a table, out, leaving a placeholder, so it can be
    /// modified without a copy and put back with ``replaceLast(with:)``.
    mutating func takeLastTable() -> TOMLTable? {
        guard case .table(let table)? = elements.last else { return nil }
        elements[elements.count - 1] = .bool(false)
        return table
    }
}

extension TOMLArray: Equatable {
    /// Arrays are equal when their elements are; positions and kind are ignored.
    public static func == (lhs: TOMLArray, rhs: TOMLArray) -> Bool {
        lhs.elements == rhs.elements
    }
}

extension TOMLSpan {
    /// The span of a value that did not come from source text.
    static let none = TOMLSpan(bytes: 0..<0, line: 0, column: 0)
}
