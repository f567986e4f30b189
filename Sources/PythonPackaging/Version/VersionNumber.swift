/// A non-negative integer from a version string, of any number of digits.
///
/// PEP 440 puts no limit on the size of a numeric component, so a release
/// such as `1.99999999999999999999999` must still compare numerically. Small
/// numbers are stored inline; larger ones keep their decimal digits.
public struct VersionNumber: Sendable, Hashable, Comparable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// Numbers below this many digits always fit in a `UInt64`.
    static let inlineDigitLimit = 18

    private enum Storage: Sendable, Hashable {
        case small(UInt64)
        /// Decimal digits without leading zeros, more than `inlineDigitLimit` of them.
        case large(String)
    }

    private let storage: Storage

    /// A number that fits in a `UInt64`.
    public init(_ value: UInt64) {
        storage = .small(value)
    }

    /// A number from an integer literal.
    public init(integerLiteral value: UInt64) {
        storage = .small(value)
    }

    /// A number from its decimal digits; leading zeros are ignored.
    ///
    /// Returns `nil` when `digits` is empty or holds anything but ASCII digits.
    public init?(digits: some StringProtocol) {
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 &- 0x30 < 10 }) else {
            return nil
        }
        let significant = digits.utf8.drop { $0 == 0x30 }
        if significant.count <= Self.inlineDigitLimit {
            var value: UInt64 = 0
            for byte in significant { value = value * 10 + UInt64(byte - 0x30) }
            storage = .small(value)
        } else {
            storage = .large(String(decoding: significant, as: UTF8.self))
        }
    }

    /// The value as an `Int`, or `nil` when it does not fit.
    public var intValue: Int? {
        guard case .small(let value) = storage, value <= UInt64(Int.max) else { return nil }
        return Int(value)
    }

    /// Whether the number is zero.
    public var isZero: Bool { storage == .small(0) }

    /// The decimal digits without leading zeros.
    public var description: String {
        switch storage {
        case .small(let value): String(value)
        case .large(let digits): digits
        }
    }

    public static func < (lhs: VersionNumber, rhs: VersionNumber) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.small(let a), .small(let b)): a < b
        case (.small, .large): true
        case (.large, .small): false
        case (.large(let a), .large(let b)):
            a.utf8.count != b.utf8.count
                ? a.utf8.count < b.utf8.count : a.utf8.lexicographicallyPrecedes(b.utf8)
        }
    }

    /// The number plus one.
    public func successor() -> VersionNumber {
        switch storage {
        case .small(let value) where value < 999_999_999_999_999_999:
            return VersionNumber(value + 1)
        case .small(let value):
            return Self.addingOne(toDigits: Array(String(value).utf8))
        case .large(let digits):
            return Self.addingOne(toDigits: Array(digits.utf8))
        }
    }

    /// The number minus one; zero stays zero.
    public func predecessor() -> VersionNumber {
        switch storage {
        case .small(let value): return VersionNumber(value == 0 ? 0 : value - 1)
        case .large(let digits):
            var result = Array(digits.utf8)
            var index = result.count - 1
            while index >= 0, result[index] == 0x30 {
                result[index] = 0x39
                index -= 1
            }
            if index >= 0 { result[index] -= 1 }
            return VersionNumber(digits: String(decoding: result, as: UTF8.self)) ?? 0
        }
    }

    private static func addingOne(toDigits digits: [UInt8]) -> VersionNumber {
        var result = digits
        var index = result.count - 1
        while index >= 0, result[index] == 0x39 {
            result[index] = 0x30
            index -= 1
        }
        if index >= 0 {
            result[index] += 1
        } else {
            result.insert(0x31, at: 0)
        }
        return VersionNumber(digits: String(decoding: result, as: UTF8.self)) ?? 0
    }
}
