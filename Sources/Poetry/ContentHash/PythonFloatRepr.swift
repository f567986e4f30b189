/// Python's `repr` of a float, as `json.dumps` writes it.
///
/// Both Python and Swift print the shortest digit string that reads back as the same
/// double, so the digits come from Swift's `description` and only the layout is
/// Python's: positional notation while the decimal exponent is in -4..<16, otherwise
/// scientific with a signed, at-least-two-digit exponent (`1e+16`, `1e-05`), and
/// `.0` after an integral positional value. `json.dumps` spells the non-finite values
/// `Infinity`, `-Infinity` and `NaN`.
func pythonFloatRepr(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
    let sign = value.sign == .minus ? "-" : ""
    if value == 0 { return sign + "0.0" }

    // Split Swift's shortest representation into significant digits and the position
    // of the decimal point relative to the first digit (value = 0.DIGITS × 10^point).
    let text = String(value.magnitude.description)
    let mantissa: Substring
    var exponent = 0
    if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[..<marker]
        exponent = Int(text[text.index(after: marker)...]) ?? 0
    } else {
        mantissa = text[...]
    }
    let integerPart = mantissa.prefix { $0 != "." }
    let fractionPart = mantissa.dropFirst(integerPart.count + 1)
    var digits = Array(integerPart) + Array(fractionPart)
    var point = integerPart.count + exponent
    while digits.first == "0" {
        digits.removeFirst()
        point -= 1
    }
    while digits.last == "0" { digits.removeLast() }

    // Lay the digits out the way CPython's float_repr does.
    let body: String
    if point <= -4 || point > 16 {
        let lead = String(digits[0])
        let rest = digits.count > 1 ? "." + String(digits[1...]) : ""
        let power = point - 1
        let powerDigits = String(power.magnitude)
        let padded = powerDigits.count < 2 ? "0" + powerDigits : powerDigits
        body = lead + rest + "e" + (power < 0 ? "-" : "+") + padded
    } else if point <= 0 {
        body = "0." + String(repeating: "0", count: -point) + String(digits)
    } else if point < digits.count {
        body = String(digits[..<point]) + "." + String(digits[point...])
    } else {
        body = String(digits) + String(repeating: "0", count: point - digits.count) + ".0"
    }
    return sign + body
}
