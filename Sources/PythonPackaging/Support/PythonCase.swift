/// Lowercasing as Python 3.11's `str.lower()` does it, which `packaging`
/// applies to `===` operands and to names it canonicalizes.
///
/// Each scalar takes its full lowercase mapping (`İ` becomes `i̇`), a capital
/// sigma at the end of a word becomes `ς`, and scalars that Python's Unicode 14
/// data does not know (assigned later) stay as they are.
enum PythonCase {
    /// `text` lowercased as Python's `str.lower()`.
    static func lowercased(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if !isKnown(scalar) {
                result.append(scalar)
            } else if scalar == "\u{3A3}" {
                result.append(isFinalSigma(scalars, at: index) ? "\u{3C2}" : "\u{3C3}")
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }

    /// Whether the scalar was assigned by Unicode 14.0, the data of Python 3.11:
    /// Python treats later scalars as unassigned (no case, not a letter).
    static func isKnown(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < 14 || (age.major == 14 && age.minor == 0)
    }

    /// Cased in Unicode 14 (Ll), no longer in later data (Lo).
    private static let casedBeforeUnicode15: Unicode.Scalar = "\u{295}"
    /// Case-ignorable in Unicode 14 (Mn), no longer in later data (Mc).
    private static let ignorableBeforeUnicode15: Unicode.Scalar = "\u{1171E}"

    private static func isCased(_ scalar: Unicode.Scalar) -> Bool {
        scalar == casedBeforeUnicode15 || (isKnown(scalar) && scalar.properties.isCased)
    }

    private static func isCaseIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        scalar == ignorableBeforeUnicode15
            || (isKnown(scalar) && scalar.properties.isCaseIgnorable)
    }

    /// The Final_Sigma condition of Unicode's special casing: a cased letter
    /// before the sigma and none after it, skipping case-ignorable scalars.
    private static func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0, isCaseIgnorable(scalars[before]) { before -= 1 }
        guard before >= 0, isCased(scalars[before]) else { return false }
        var after = index + 1
        while after < scalars.count, isCaseIgnorable(scalars[after]) { after += 1 }
        return after == scalars.count || !isCased(scalars[after])
    }
}
