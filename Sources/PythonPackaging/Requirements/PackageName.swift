/// A distribution or extra name, kept as written and in its PEP 503 normalized form.
///
/// Two names are equal when their normalized forms are: `Foo.Bar`, `foo_bar` and
/// `FOO-bar` all name the project `foo-bar`.
/// See https://packaging.python.org/en/latest/specifications/name-normalization/
public struct PackageName: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The name as written, e.g. `Foo.Bar`.
    public let display: String
    /// The normalized name, e.g. `foo-bar`: lowercase, runs of `-`, `_` and `.` as one `-`.
    public let normalized: String

    /// A name from its written form; any text is accepted and normalized.
    public init(_ display: String) {
        self.display = display
        normalized = PackageName.normalize(display)
    }

    /// The normalized form of `name`, as `packaging.utils.canonicalize_name` computes it.
    public static func normalize(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(name) }
        var result = ""
        result.reserveCapacity(name.utf8.count)
        var previousWasSeparator = false
        for scalar in PythonCase.lowercased(name).unicodeScalars {
            if scalar == "-" || scalar == "_" || scalar == "." {
                if !previousWasSeparator { result.unicodeScalars.append("-") }
                previousWasSeparator = true
            } else {
                result.unicodeScalars.append(scalar)
                previousWasSeparator = false
            }
        }
        return result
    }

    /// The normalized form of an all-ASCII name, byte by byte.
    private static func normalizeASCII(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            if byte == 0x2D || byte == 0x5F || byte == 0x2E {
                if bytes.last != 0x2D { bytes.append(0x2D) }
            } else {
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `name` is a valid distribution name: ASCII letters and digits at both
    /// ends, and `.`, `_` or `-` only in between.
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        guard isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    public var description: String { display }

    public static func == (lhs: PackageName, rhs: PackageName) -> Bool {
        lhs.normalized == rhs.normalized
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(normalized) }

    public static func < (lhs: PackageName, rhs: PackageName) -> Bool {
        lhs.normalized < rhs.normalized
    }
}
