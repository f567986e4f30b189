/// A wheel's filename, `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`, read
/// as `packaging.utils.parse_wheel_filename` reads it.
///
/// See https://packaging.python.org/en/latest/specifications/binary-distribution-format/
public struct WheelFilename: Hashable, Sendable, CustomStringConvertible {
    /// The filename as given.
    public let filename: String
    /// The project name (normalized form `name.normalized`).
    public let name: PackageName
    /// The version.
    public let version: Version
    /// The build tag as written (`1`, `2abc`), if any.
    public let build: String?
    /// The tags of the (possibly compressed) tag set, in written order.
    public let tags: [WheelTag]

    /// Parses a wheel filename.
    public init(parsing filename: String) throws(DistributionFilenameError) {
        let bytes = filename.utf8
        guard bytes.count >= 4, bytes.suffix(4).elementsEqual(".whl".utf8) else {
            throw .wrongExtension(filename)
        }
        let stem = bytes.dropLast(4)
        let dash = UInt8(ascii: "-")
        let dashes = stem.count { $0 == dash }
        guard dashes == 4 || dashes == 5 else { throw .wrongPartCount(filename) }
        let parts = stem.split(
            separator: dash, maxSplits: dashes - 2, omittingEmptySubsequences: false
        ).map { Substring($0) }

        // The name: word characters, dots and underscores, never `__`.
        let namePart = parts[0]
        let hasDoubleUnderscore = zip(namePart.utf8, namePart.utf8.dropFirst()).contains {
            $0 == UInt8(ascii: "_") && $1 == UInt8(ascii: "_")
        }
        guard !namePart.isEmpty, !hasDoubleUnderscore,
            WheelFilename.isNameText(namePart)
        else { throw .invalidName(filename) }

        do {
            version = try Version(parts[1])
        } catch {
            throw .invalidVersion(filename)
        }

        // The build tag: digits first, then anything but a line break.
        if dashes == 5 {
            let buildPart = parts[2]
            guard let first = buildPart.unicodeScalars.first, ("0"..."9").contains(first),
                !buildPart.utf8.contains(UInt8(ascii: "\n"))
            else { throw .invalidBuild(filename) }
            build = String(buildPart)
        } else {
            build = nil
        }

        do {
            tags = try WheelTag.parseSet(String(parts[parts.count - 1]))
        } catch {
            throw .invalidTags(filename, error)
        }
        self.filename = filename
        name = PackageName(String(namePart))
    }

    public var description: String { filename }

    /// Whether `text` has only word characters (Python's `\\w`) and dots.
    private static func isNameText(_ text: Substring) -> Bool {
        var hasNonASCII = false
        for byte in text.utf8 {
            if byte >= 0x80 {
                hasNonASCII = true
            } else if !((byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2E)
            {
                return false
            }
        }
        return !hasNonASCII
            || text.unicodeScalars.allSatisfy { $0.isASCII || PEP508Scanner.isWord($0) }
    }

    /// Whether some tag of the wheel is supported by `target`.
    public func isCompatible(with target: TargetEnvironment) -> Bool {
        target.bestRank(of: tags) != nil
    }

    /// The rank of the wheel's best tag among the target's supported tags (lower is
    /// preferred, as pip prefers), or `nil` when the target cannot install it.
    public func rank(on target: TargetEnvironment) -> Int? {
        target.bestRank(of: tags)
    }
}

/// A source distribution's filename, `{name}-{version}.tar.gz` or `.zip`, read as
/// `packaging.utils.parse_sdist_filename` reads it.
public struct SdistFilename: Hashable, Sendable, CustomStringConvertible {
    /// The filename as given.
    public let filename: String
    /// The project name: everything before the last `-`.
    public let name: PackageName
    /// The version after the last `-`.
    public let version: Version

    /// Parses an sdist filename.
    public init(parsing filename: String) throws(DistributionFilenameError) {
        let stem: Substring
        if filename.hasSuffix(".tar.gz") {
            stem = filename.dropLast(7)
        } else if filename.hasSuffix(".zip") {
            stem = filename.dropLast(4)
        } else {
            throw .wrongExtension(filename)
        }
        guard let dash = stem.lastIndex(of: "-") else { throw .wrongPartCount(filename) }
        guard dash > stem.startIndex else { throw .invalidName(filename) }
        do {
            version = try Version(stem[stem.index(after: dash)...])
        } catch {
            throw .invalidVersion(filename)
        }
        self.filename = filename
        name = PackageName(String(stem[..<dash]))
    }

    public var description: String { filename }
}

/// Why a wheel or sdist filename could not be read.
public enum DistributionFilenameError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not `.whl` (wheels) or `.tar.gz`/`.zip` (sdists).
    case wrongExtension(String)
    /// The wrong number of `-`-separated parts.
    case wrongPartCount(String)
    /// An empty name or one with characters a distribution name cannot have.
    case invalidName(String)
    /// The version part is not a PEP 440 version.
    case invalidVersion(String)
    /// The build tag does not start with a digit.
    case invalidBuild(String)
    /// The tag set is malformed.
    case invalidTags(String, WheelTagError)

    public var description: String {
        switch self {
        case .wrongExtension(let name):
            "expected a '.whl', '.tar.gz' or '.zip' file, found '\(name)'"
        case .wrongPartCount(let name):
            "expected name, version, optional build and three tags separated by '-' in '\(name)'"
        case .invalidName(let name):
            "invalid project name in '\(name)'"
        case .invalidVersion(let name):
            "invalid version in '\(name)'"
        case .invalidBuild(let name):
            "expected a build tag starting with a digit in '\(name)'"
        case .invalidTags(let name, let error):
            "invalid tags in '\(name)': \(error)"
        }
    }
}
