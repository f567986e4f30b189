/// The CPython interpreter a project is checked against: `3.14`, `3.14.2` or `3.14t`.
public struct TargetPython: Hashable, Sendable, CustomStringConvertible {
    /// The major version, `3`.
    public let major: Int
    /// The minor version, e.g. `14`.
    public let minor: Int
    /// The micro version when given (`3.14.2`); `nil` for `3.14`.
    public let micro: Int?
    /// Whether this is a free-threaded build (`3.14t`, ABI `cp314t`).
    public let isFreeThreaded: Bool

    /// A target from its parts; free-threaded builds exist from 3.13 on.
    public init(major: Int, minor: Int, micro: Int? = nil, isFreeThreaded: Bool = false) {
        self.major = major
        self.minor = minor
        self.micro = micro
        self.isFreeThreaded = isFreeThreaded
    }

    /// Parses `3.14`, `3.14.2`, `3.14t` or `3.14.2t`.
    public init(parsing text: String) throws(TargetError) {
        var body = Substring(text)
        let freeThreaded = body.hasSuffix("t")
        if freeThreaded { body = body.dropLast() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let numbers = parts.map { part -> Int? in
            guard !part.isEmpty, part.count <= 4, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
            else { return nil }
            return Int(part)
        }
        guard (2...3).contains(numbers.count), let major = numbers[0], let minor = numbers[1],
            major == 3, minor <= 99
        else {
            throw .invalidPython(text)
        }
        var micro: Int?
        if numbers.count == 3 {
            guard let value = numbers[2] else { throw .invalidPython(text) }
            micro = value
        }
        if freeThreaded && minor < 13 { throw .freeThreadingUnavailable(text) }
        self.init(major: major, minor: minor, micro: micro, isFreeThreaded: freeThreaded)
    }

    /// `major.minor`, the `python_version` marker value.
    public var version: String { "\(major).\(minor)" }

    /// `major.minor.micro` with micro `0` when not given: `python_full_version`.
    public var fullVersion: String { "\(major).\(minor).\(micro ?? 0)" }

    /// The interpreter tag, e.g. `cp314` (also for free-threaded builds).
    public var interpreterTag: String { "cp\(major)\(minor)" }

    /// The version-specific ABI tag: `cp314`, `cp314t`, or `cp37m` before 3.8.
    public var abiTag: String {
        if isFreeThreaded { return "cp\(major)\(minor)t" }
        return minor < 8 ? "cp\(major)\(minor)m" : "cp\(major)\(minor)"
    }

    public var description: String {
        (micro.map { "\(major).\(minor).\($0)" } ?? version) + (isFreeThreaded ? "t" : "")
    }
}

/// Why a target Python or platform could not be read.
public enum TargetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The Python version is not `3.N`, `3.N.M`, optionally with `t`.
    case invalidPython(String)
    /// A `t` suffix on a Python older than 3.13.
    case freeThreadingUnavailable(String)
    /// The platform is neither a preset nor a supported platform tag.
    case unsupportedPlatform(String)

    public var description: String {
        switch self {
        case .invalidPython(let text):
            "expected a Python version such as '3.14', '3.14.2' or '3.14t', found '\(text)'"
        case .freeThreadingUnavailable(let text):
            "free-threaded builds exist from Python 3.13 on, found '\(text)'"
        case .unsupportedPlatform(let text):
            """
            unsupported platform '\(text)'; expected debian, debian-arm64, alpine, \
            alpine-arm64 or a platform tag such as 'manylinux_2_28_x86_64'
            """
        }
    }
}
