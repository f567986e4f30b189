extension TOMLParser {
    /// Parses an integer, float, date, time or date-time, told apart by their shape.
    mutating func parseNumberOrDateTime() throws(ParseFailure) -> TOMLValue {
        let start = position
        if hasDigits(at: start, count: 4), start + 4 < end, bytes[start + 4] == ASCII.minus {
            return try parseDateOrDateTime()
        }
        if hasDigits(at: start, count: 2), start + 2 < end, bytes[start + 2] == ASCII.colon {
            return .localTime(try parseTime())
        }

        // Numbers are one token of digits, letters, signs, dots and underscores.
        var index = start
        while index < end, isNumberByte(bytes[index]) { index += 1 }
        position = index
        return try numberValue(start..<index)
    }

    @inline(__always)
    private func isNumberByte(_ byte: UInt8) -> Bool {
        ASCII.isBareKey(byte) || byte == ASCII.plus || byte == ASCII.period
    }

    /// Whether `count` ASCII digits start at `index`.
    private func hasDigits(at index: Int, count: Int) -> Bool {
        guard index + count <= end else { return false }
        for offset in 0..<count where !ASCII.isDigit(bytes[index + offset]) { return false }
        return true
    }

    // MARK: - Integers and floats

    /// The integer or float the token `range` spells; messages quote the token.
    private func numberValue(_ range: Range<Int>) throws(ParseFailure) -> TOMLValue {
        let token = range
        var invalid: ParseFailure {
            ParseFailure(offset: range.lowerBound, message: "invalid number '\(excerpt(token))'")
        }
        var index = range.lowerBound
        var isNegative = false
        let hasSign = bytes[index] == ASCII.plus || bytes[index] == ASCII.minus
        if hasSign {
            isNegative = bytes[index] == ASCII.minus
            index += 1
        }
        let body = index..<range.upperBound
        guard !body.isEmpty else { throw invalid }

        // inf and nan, optionally signed.
        if body.count == 3 {
            let word = (bytes[index], bytes[index + 1], bytes[index + 2])
            if word == (ASCII.lowerI, ASCII.lowerN, ASCII.lowerF) {
                return .float(isNegative ? -.infinity : .infinity)
            }
            if word == (ASCII.lowerN, ASCII.lowerA, ASCII.lowerN) {
                return .float(isNegative ? -.nan : .nan)
            }
        }

        // 0x, 0o and 0b integers, never signed.
        if body.count >= 2, bytes[index] == ASCII.zero {
            let radix: Int64? =
                switch bytes[index + 1] {
                case ASCII.lowerX: 16
                case ASCII.lowerO: 8
                case ASCII.lowerB: 2
                default: nil
                }
            if let radix {
                guard !hasSign else {
                    throw ParseFailure(
                        offset: range.lowerBound,
                        message:
                            "a sign is not allowed on integer '\(excerpt(token))' in base \(radix)")
                }
                return .integer(
                    try integer(index + 2..<range.upperBound, radix: radix, token: token))
            }
        }

        // Decimal: a float has a fraction or an exponent.
        let isFloat = bytes[body].contains { byte in
            byte == ASCII.period || byte == ASCII.lowerE || byte == ASCII.upperE
        }
        guard isFloat else {
            guard !(bytes[index] == ASCII.zero && body.count > 1) else {
                throw ParseFailure(
                    offset: range.lowerBound,
                    message: "leading zeros are not allowed in '\(excerpt(token))'")
            }
            return .integer(try decimalInteger(body, isNegative: isNegative, token: token))
        }
        return .float(try float(body, isNegative: isNegative, token: token))
    }

    /// Digits of `radix` separated by single underscores, from the number `token`.
    private func integer(_ range: Range<Int>, radix: Int64, token: Range<Int>) throws(ParseFailure)
        -> Int64
    {
        var value: Int64 = 0
        var previousWasDigit = false
        for index in range {
            let byte = bytes[index]
            if byte == ASCII.underscore, previousWasDigit, index + 1 < range.upperBound {
                previousWasDigit = false
                continue
            }
            guard let digit = hexDigitValue(byte), Int64(digit) < radix else {
                throw ParseFailure(offset: index, message: "invalid number '\(excerpt(token))'")
            }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(Int64(digit))
            guard !overflow, !carry else {
                throw ParseFailure(
                    offset: range.lowerBound,
                    message: "integer '\(excerpt(token))' does not fit in 64 bits")
            }
            value = sum
            previousWasDigit = true
        }
        guard previousWasDigit else {
            throw ParseFailure(
                offset: range.lowerBound, message: "invalid number '\(excerpt(token))'")
        }
        return value
    }

    /// A decimal integer, accumulated negatively so `-9223372036854775808` fits.
    private func decimalInteger(_ range: Range<Int>, isNegative: Bool, token: Range<Int>)
        throws(ParseFailure) -> Int64
    {
        var value: Int64 = 0
        var previousWasDigit = false
        for index in range {
            let byte = bytes[index]
            if byte == ASCII.underscore, previousWasDigit, index + 1 < range.upperBound {
                previousWasDigit = false
                continue
            }
            guard ASCII.isDigit(byte) else {
                throw ParseFailure(offset: index, message: "invalid number '\(excerpt(token))'")
            }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.subtractingReportingOverflow(Int64(byte - ASCII.zero))
            guard !overflow, !carry else {
                throw ParseFailure(
                    offset: range.lowerBound,
                    message: "integer '\(excerpt(token))' does not fit in 64 bits")
            }
            value = sum
            previousWasDigit = true
        }
        guard previousWasDigit else {
            throw ParseFailure(
                offset: range.lowerBound, message: "invalid number '\(excerpt(token))'")
        }
        if isNegative { return value }
        guard value != .min else {
            throw ParseFailure(
                offset: range.lowerBound,
                message: "integer '\(excerpt(token))' does not fit in 64 bits")
        }
        return -value
    }

    /// A float: integer part, then `.digits`, `e±digits` or both.
    private func float(_ range: Range<Int>, isNegative: Bool, token: Range<Int>)
        throws(ParseFailure)
        -> Double
    {
        var invalid: ParseFailure {
            ParseFailure(offset: range.lowerBound, message: "invalid float '\(excerpt(token))'")
        }
        var cleaned: [UInt8] = isNegative ? [ASCII.minus] : []
        var index = range.lowerBound

        // Reads digits separated by single underscores into `cleaned`.
        func digits() throws(ParseFailure) -> Int {
            let first = index
            var previousWasDigit = false
            while index < range.upperBound {
                let byte = bytes[index]
                if ASCII.isDigit(byte) {
                    cleaned.append(byte)
                    previousWasDigit = true
                } else if byte == ASCII.underscore, previousWasDigit {
                    previousWasDigit = false
                } else {
                    break
                }
                index += 1
            }
            guard previousWasDigit else { throw invalid }
            return index - first
        }

        let integerStart = index
        let integerLength = try digits()
        if bytes[integerStart] == ASCII.zero, integerLength > 1 {
            throw ParseFailure(
                offset: range.lowerBound,
                message: "leading zeros are not allowed in '\(excerpt(token))'")
        }
        if index < range.upperBound, bytes[index] == ASCII.period {
            cleaned.append(ASCII.period)
            index += 1
            _ = try digits()
        }
        if index < range.upperBound, bytes[index] | 0x20 == ASCII.lowerE {
            cleaned.append(ASCII.lowerE)
            index += 1
            if index < range.upperBound, bytes[index] == ASCII.plus || bytes[index] == ASCII.minus {
                cleaned.append(bytes[index])
                index += 1
            }
            _ = try digits()
        }
        guard index == range.upperBound,
            let value = Double(String(decoding: cleaned, as: UTF8.self))
        else {
            throw invalid
        }
        return value
    }

    // MARK: - Dates and times

    /// Parses `YYYY-MM-DD`, then a time and offset when a `T`, `t` or space introduces one.
    private mutating func parseDateOrDateTime() throws(ParseFailure) -> TOMLValue {
        let date = try parseDate()
        guard position < end else { return .localDate(date) }
        let separator = bytes[position]
        let hasTime =
            separator == ASCII.upperT || separator == ASCII.lowerT
            || (separator == ASCII.space && position + 1 < end
                && ASCII.isDigit(bytes[position + 1]))
        guard hasTime else { return .localDate(date) }
        position += 1
        let time = try parseTime()
        guard position < end else {
            return .localDateTime(TOMLLocalDateTime(date: date, time: time))
        }
        switch bytes[position] {
        case ASCII.upperZ, ASCII.lowerZ:
            position += 1
            return .offsetDateTime(TOMLOffsetDateTime(date: date, time: time, offset: .utc))
        case ASCII.plus, ASCII.minus:
            let sign = bytes[position] == ASCII.minus ? -1 : 1
            position += 1
            let hours = try twoDigits(named: "offset hour", in: 0...23)
            try expect(ASCII.colon, in: "offset")
            let minutes = try twoDigits(named: "offset minute", in: 0...59)
            let offset = TOMLTimeOffset.minutes(sign * (hours * 60 + minutes))
            return .offsetDateTime(TOMLOffsetDateTime(date: date, time: time, offset: offset))
        default:
            return .localDateTime(TOMLLocalDateTime(date: date, time: time))
        }
    }

    /// Parses `YYYY-MM-DD` and checks that the day exists.
    private mutating func parseDate() throws(ParseFailure) -> TOMLDate {
        let start = position
        let year = try digits(count: 4, named: "year")
        try expect(ASCII.minus, in: "date")
        let month = try twoDigits(named: "month", in: 1...12)
        try expect(ASCII.minus, in: "date")
        let dayOffset = position
        let day = try twoDigits(named: "day", in: 1...31)
        let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lastDay =
            switch month {
            case 2: isLeapYear ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        guard day <= lastDay else {
            let text = excerpt(start..<position)
            throw ParseFailure(
                offset: dayOffset,
                message: "invalid date '\(text)': day \(day) is out of range")
        }
        return TOMLDate(year: year, month: month, day: day)
    }

    /// Parses `HH:MM:SS` with an optional fraction.
    private mutating func parseTime() throws(ParseFailure) -> TOMLTime {
        let hour = try twoDigits(named: "hour", in: 0...23)
        try expect(ASCII.colon, in: "time")
        let minute = try twoDigits(named: "minute", in: 0...59)
        try expect(ASCII.colon, in: "time")
        let second = try twoDigits(named: "second", in: 0...60)
        var fraction = ""
        if position < end, bytes[position] == ASCII.period {
            position += 1
            let start = position
            while position < end, ASCII.isDigit(bytes[position]) { position += 1 }
            guard position > start else {
                throw failure("expected digits after '.' in time, found \(found())")
            }
            fraction = makeString(start..<position)
        }
        return TOMLTime(hour: hour, minute: minute, second: second, fraction: fraction)
    }

    /// Consumes `byte`, a separator inside a date or time.
    private mutating func expect(_ byte: UInt8, in context: String) throws(ParseFailure) {
        guard position < end, bytes[position] == byte else {
            let text = String(decoding: [byte], as: UTF8.self)
            throw failure("expected '\(text)' in \(context), found \(found())")
        }
        position += 1
    }

    /// Consumes exactly `count` digits.
    private mutating func digits(count: Int, named name: String) throws(ParseFailure) -> Int {
        var value = 0
        for _ in 0..<count {
            guard position < end, ASCII.isDigit(bytes[position]) else {
                throw failure("expected a \(count)-digit \(name), found \(found())")
            }
            value = value * 10 + Int(bytes[position] - ASCII.zero)
            position += 1
        }
        return value
    }

    /// Consumes two digits whose value must lie in `range`.
    private mutating func twoDigits(named name: String, in range: ClosedRange<Int>)
        throws(ParseFailure) -> Int
    {
        let start = position
        let value = try digits(count: 2, named: name)
        guard range.contains(value) else {
            throw ParseFailure(
                offset: start, message: "\(name) \(makeString(start..<position)) is out of range")
        }
        return value
    }
}
