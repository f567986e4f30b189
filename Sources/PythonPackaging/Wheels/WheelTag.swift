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
        self.interpreter = interpreter.lowercased()
        self.abi = abi.lowercased()
        self.platform = platform.lowercased()
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
        let components = text.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.split(separator: ".", omittingEmptySubsequences: false) }
        for parts in components where parts.contains(where: \.isEmpty) {
            throw .emptyComponent(tag: text, component: parts.joined(separator: "."))
        }
        guard components.count == 3 else { throw .wrongComponentCount(tag: text) }
        for interpreter in components[0] where !isIdentifier(interpreter) {
            throw .invalidInterpreter(tag: text, interpreter: String(interpreter))
        }
        var tags: [WheelTag] = []
        for interpreter in components[0] {
            for abi in components[1] {
                for platform in components[2] {
                    tags.append(
                        WheelTag(
                            interpreter: String(interpreter), abi: String(abi),
                            platform: String(platform)))
                }
            }
        }
        return tags
    }

    /// Whether `text` is a Python identifier (`str.isidentifier`).
    static func isIdentifier(_ text: Substring) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), first == "_" || first.properties.isXIDStart else {
            return false
        }
        while let scalar = scalars.next() {
            guard scalar.properties.isXIDContinue else { return false }
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
