/// A calendar date, as in `1979-05-27` ([TOML: Local Date](https://toml.io/en/v1.0.0#local-date)).
public struct TOMLDate: Sendable, Hashable, CustomStringConvertible {
    /// The year, 0–9999.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int

    /// A date from its components; the parser guarantees they form a real date.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}

/// A time of day, as in `07:32:00.999` ([TOML: Local Time](https://toml.io/en/v1.0.0#local-time)).
public struct TOMLTime: Sendable, Hashable, CustomStringConvertible {
    /// The hour, 0–23.
    public var hour: Int
    /// The minute, 0–59.
    public var minute: Int
    /// The second, 0–60 (60 only for a leap second).
    public var second: Int
    /// The digits after the decimal point exactly as written, empty when there are none.
    public var fraction: String

    /// A time from its components.
    public init(hour: Int, minute: Int, second: Int, fraction: String = "") {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fraction = fraction
    }

    /// The fraction as nanoseconds, extra digits truncated as the specification allows.
    public var nanosecond: Int {
        var value = 0
        var digits = 0
        for character in fraction.utf8.prefix(9) {
            value = value * 10 + Int(character - UInt8(ascii: "0"))
            digits += 1
        }
        for _ in digits..<9 { value *= 10 }
        return value
    }

    /// `HH:MM:SS` with `.fraction` when there is one.
    public var description: String {
        let whole = "\(padded(hour, 2)):\(padded(minute, 2)):\(padded(second, 2))"
        return fraction.isEmpty ? whole : whole + "." + fraction
    }
}

/// The offset of an offset date-time from UTC.
public enum TOMLTimeOffset: Sendable, Hashable, CustomStringConvertible {
    /// Written `Z` (or `z`): UTC.
    case utc
    /// Written `+HH:MM` or `-HH:MM`: this many minutes east of UTC.
    case minutes(Int)

    /// The offset in minutes east of UTC.
    public var totalMinutes: Int {
        switch self {
        case .utc: 0
        case .minutes(let minutes): minutes
        }
    }

    /// `Z` or `±HH:MM`.
    public var description: String {
        switch self {
        case .utc:
            return "Z"
        case .minutes(let minutes):
            let sign = minutes < 0 ? "-" : "+"
            let magnitude = abs(minutes)
            return "\(sign)\(padded(magnitude / 60, 2)):\(padded(magnitude % 60, 2))"
        }
    }
}

/// A date and time without an offset, as in `1979-05-27T07:32:00`.
public struct TOMLLocalDateTime: Sendable, Hashable, CustomStringConvertible {
    /// The date part.
    public var date: TOMLDate
    /// The time part.
    public var time: TOMLTime

    /// A local date-time from its parts.
    public init(date: TOMLDate, time: TOMLTime) {
        self.date = date
        self.time = time
    }

    /// RFC 3339 with a `T` separator.
    public var description: String { "\(date)T\(time)" }
}

/// A date and time at an offset from UTC, as in `1979-05-27T07:32:00-07:00`.
public struct TOMLOffsetDateTime: Sendable, Hashable, CustomStringConvertible {
    /// The date part.
    public var date: TOMLDate
    /// The time part.
    public var time: TOMLTime
    /// The offset from UTC.
    public var offset: TOMLTimeOffset

    /// An offset date-time from its parts.
    public init(date: TOMLDate, time: TOMLTime, offset: TOMLTimeOffset) {
        self.date = date
        self.time = time
        self.offset = offset
    }

    /// RFC 3339 with a `T` separator.
    public var description: String { "\(date)T\(time)\(offset)" }
}

/// `value` in decimal, left-padded with zeros to `width` digits.
private func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width
        ? digits : String(repeating: "0", count: width - digits.count) + digits
}
