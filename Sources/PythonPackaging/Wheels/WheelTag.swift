/// One compatibility tag triple of a wheel, such as `cp314-abi3-manylinux_2_28_x86_64`.
///
/// The parts are stored lowercase, as `packaging.tags.Tag` stores them.
/// See https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/
public struct WheelTag: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The Python interpreter and version, e.g. `cp314` or `py3`.
    public let interpreter: String
    /// The ABI, e.g. `cp314t`, `abi3` or `none`.
    public let abi: String
    /// The platform, e.g. `manylinux_2_17_x86_64` or `any`.
    public let platform: String

    /// A tag from its three parts, lowercased.
    public init(interpreter: String, abi: String, platform: String) {
        self.interpreter = WheelTag.lowercased(interpreter)
        self.abi = WheelTag.lowercased(abi)
        self.platform = WheelTag.lowercased(platform)
    }

    /// `text` lowercased, without copying when it has no uppercase ASCII and is ASCII.
    private static func lowercased(_ text: String) -> String {
        let needsWork = text.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }
        return needsWork ? PythonCase.lowercased(text) : text
    }

    public var description: String { "\(interpreter)-\(abi)-\(platform)" }

    public static func < (lhs: WheelTag, rhs: WheelTag) -> Bool {
        lhs.description < rhs.description
    }

    /// The tags of a possibly compressed tag set such as `cp313-cp313-manylinux1_x86_64.
    /// manylinux_2_5_x86_64`, in the order their parts are written.
    ///
    /// Fails as `packaging.tags.parse_tag` does: on other than three `-`-separated
    /// components, an empty member of a component, or an interpreter that is not a
    /// Python identifier.
    public static func parseSet(_ text: String) throws(WheelTagError) -> [WheelTag] {
        let components = splitComponents(text)
        for parts in components where parts.contains(where: \.isEmpty) {
            throw .emptyComponent(tag: text, component: parts.joined(separator: "."))
        }
        guard components.count == 3 else { throw .wrongComponentCount(tag: text) }
        for interpreter in components[0] where !isIdentifier(interpreter) {
            throw .invalidInterpreter(tag: text, interpreter: interpreter)
        }
        var tags: [WheelTag] = []
        tags.reserveCapacity(components[0].count * components[1].count * components[2].count)
        for interpreter in components[0] {
            for abi in components[1] {
                for platform in components[2] {
                    tags.append(WheelTag(interpreter: interpreter, abi: abi, platform: platform))
                }
            }
        }
        return tags
    }

    /// The `-`-separated components of `text`, each split at `.`, in one pass over the
    /// UTF-8 bytes (the separators are ASCII, so every piece is whole scalars).
    private static func splitComponents(_ text: String) -> [[String]] {
        func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [[String]] {
            var components: [[String]] = []
            components.reserveCapacity(3)
            var parts: [String] = []
            var start = 0
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "-")
                guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { continue }
                parts.append(
                    String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self
                    ))
                start = index + 1
                if byte == UInt8(ascii: "-") {
                    components.append(parts)
                    parts = []
                }
            }
            return components
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(split) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(split)
    }

    /// Scalars that Unicode 15.1 added to XID_Continue (ZWNJ, ZWJ and the
    /// katakana middle dots); Python 3.11's Unicode 14 data does not have them.
    private static let continuesAddedInUnicode15: Set<UInt32> = [0x200C, 0x200D, 0x30FB, 0xFF65]

    /// Whether `text` is a Python identifier (`str.isidentifier`), by the
    /// Unicode 14 data of Python 3.11.
    static func isIdentifier(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.enumerated().allSatisfy { index, byte in
                let isLetter = (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
                return isLetter || (index > 0 && byte >= 0x30 && byte <= 0x39)
            } && !text.isEmpty
        }
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(),
            first == "_" || (PythonCase.isKnown(first) && first.properties.isXIDStart)
        else {
            return false
        }
        while let scalar = scalars.next() {
            guard PythonCase.isKnown(scalar), scalar.properties.isXIDContinue,
                !Self.continuesAddedInUnicode15.contains(scalar.value)
            else { return false }
        }
        return true
    }
}

/// Why a compressed tag set could not be read.
public enum WheelTagError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A component such as `cp313.` has an empty member.
    case emptyComponent(tag: String, component: String)
    /// The tag does not have exactly interpreter, ABI and platform.
    case wrongComponentCount(tag: String)
    /// An interpreter member is not a Python identifier.
    case invalidInterpreter(tag: String, interpreter: String)

    public var description: String {
        switch self {
        case .emptyComponent(let tag, let component):
            "tag '\(tag)' has an empty component in '\(component)'"
        case .wrongComponentCount(let tag):
            "expected interpreter, ABI and platform in tag '\(tag)'"
        case .invalidInterpreter(let tag, let interpreter):
            "tag '\(tag)' has an invalid interpreter '\(interpreter)'"
        }
    }
}
