/// A TOML value ([TOML 1.0.0](https://toml.io/en/v1.0.0)).
///
/// Containers remember where each member sits in the source: see ``TOMLTable/Entry``
/// and ``TOMLArray/span(at:)``. Equality compares content only, never positions.
public enum TOMLValue: Sendable, Equatable {
    /// A string of any of the four kinds, escapes resolved.
    case string(String)
    /// A 64-bit integer written in any base.
    case integer(Int64)
    /// A double-precision float, `inf` and `nan` included.
    case float(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// A date-time with an offset from UTC.
    indirect case offsetDateTime(TOMLOffsetDateTime)
    /// A date-time without an offset.
    indirect case localDateTime(TOMLLocalDateTime)
    /// A date without a time.
    indirect case localDate(TOMLDate)
    /// A time without a date.
    indirect case localTime(TOMLTime)
    /// An array, static or an array of tables.
    indirect case array(TOMLArray)
    /// A table, from a header, dotted keys or an inline table.
    indirect case table(TOMLTable)

    // MARK: - Typed access

    /// The string, when this is one.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The integer, when this is one.
    public var integer: Int64? {
        if case .integer(let number) = self { return number }
        return nil
    }

    /// The float, when this is one (integers are not converted).
    public var float: Double? {
        if case .float(let number) = self { return number }
        return nil
    }

    /// The Boolean, when this is one.
    public var bool: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The array, when this is one.
    public var array: TOMLArray? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The table, when this is one.
    public var table: TOMLTable? {
        if case .table(let members) = self { return members }
        return nil
    }

    /// The value under `key`, when this is a table that has it.
    public subscript(key: String) -> TOMLValue? {
        if case .table(let members) = self { return members[key] }
        return nil
    }

    /// The value at `path` of keys, when each step is a table that has it.
    public func value(at path: some Sequence<String>) -> TOMLValue? {
        var current = self
        for key in path {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    /// The kind of value in words, for messages: "string", "integer", "table", ….
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .bool: "boolean"
        case .offsetDateTime: "offset date-time"
        case .localDateTime: "local date-time"
        case .localDate: "local date"
        case .localTime: "local time"
        case .array(let elements): elements.isArrayOfTables ? "array of tables" : "array"
        case .table: "table"
        }
    }
}

extension TOMLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral
{
    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }

    /// An integer value.
    public init(integerLiteral value: Int64) { self = .integer(value) }

    /// A float value.
    public init(floatLiteral value: Double) { self = .float(value) }

    /// A Boolean value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
