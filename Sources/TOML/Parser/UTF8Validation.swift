/// Checks that `bytes` are well-formed UTF-8 (RFC 3629): no stray continuation bytes,
/// no overlong forms, no surrogates, nothing above U+10FFFF.
///
/// Returns whether the input is pure ASCII, which lets the parser compute columns
/// without counting scalars.
func validateUTF8(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseFailure) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var index = 0
    var isASCII = true
    while index < count {
        // Skip ASCII eight bytes at a time.
        if index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
        }
        let lead = bytes[index]
        if lead < 0x80 {
            index += 1
            continue
        }
        isASCII = false

        // The lead byte fixes the length and the allowed range of the second byte.
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            secondRange = 0x80...0x9F
        case 0xF0:
            length = 4
            secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            secondRange = 0x80...0x8F
        case 0x80...0xBF:
            throw ParseFailure(
                offset: index, message: "invalid UTF-8: unexpected continuation byte \(hex(lead))")
        case 0xC0, 0xC1:
            throw ParseFailure(offset: index, message: "invalid UTF-8: overlong encoding")
        default:
            throw ParseFailure(
                offset: index, message: "invalid UTF-8: byte \(hex(lead)) cannot start a character")
        }
        guard index + length <= count else {
            throw ParseFailure(
                offset: index, message: "invalid UTF-8: truncated character at end of file")
        }
        let second = bytes[index + 1]
        guard secondRange.contains(second) else {
            let message: String
            if lead == 0xED, second >= 0xA0, second <= 0xBF {
                message = "invalid UTF-8: encoded surrogate"
            } else if lead == 0xE0 || lead == 0xF0, second >= 0x80, second < secondRange.lowerBound
            {
                message = "invalid UTF-8: overlong encoding"
            } else if lead == 0xF4, second > 0x8F, second <= 0xBF {
                message = "invalid UTF-8: code point above U+10FFFF"
            } else {
                message = "invalid UTF-8: expected a continuation byte, found \(hex(second))"
            }
            throw ParseFailure(offset: index, message: message)
        }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
            let found = hex(bytes[index + offset])
            throw ParseFailure(
                offset: index,
                message: "invalid UTF-8: expected a continuation byte, found \(found)")
        }
        index += length
    }
    return isASCII
}

/// `0xAB`.
func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
}
