/// A comma-separated conjunction of specifiers, such as `>=1.0,!=1.3.4,<2`,
/// as `packaging.specifiers.SpecifierSet` (26.x) reads and applies it.
public struct SpecifierSet: Sendable, Hashable, CustomStringConvertible {
    /// The specifiers in the order written.
    public let specifiers: [Specifier]
    /// Whether any specifier uses `===`, which compares text, not versions.
    let hasArbitrary: Bool
    /// The membership rules of the specifiers, kept apart for fast checks.
    let rules: [Specifier.Rule]

    /// The set of all versions: no specifiers.
    public init() {
        self.init([])
    }

    /// A set of already parsed specifiers.
    public init(_ specifiers: [Specifier]) {
        self.specifiers = specifiers
        hasArbitrary = specifiers.contains { $0.operator == .arbitrary }
        rules = specifiers.map(\.rule)
    }

    public static func == (lhs: SpecifierSet, rhs: SpecifierSet) -> Bool {
        lhs.specifiers == rhs.specifiers
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(specifiers)
    }

    /// Parses a comma-separated list; empty items (`>=1,,<2`, a trailing comma)
    /// are skipped, and an empty string is the set of all versions.
    public init(_ text: String) throws(SpecifierParseError) {
        var parsed: [Specifier] = []
        let items = text.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false)
        for item in items {
            let trimmed = PythonWhitespace.trimmed(Substring(item))
            if trimmed.isEmpty { continue }
            parsed.append(try Specifier(String(trimmed)))
        }
        self.init(parsed)
    }

    /// The specifiers sorted by their text and joined with commas, as `packaging`
    /// prints them; of specifiers that mean the same (`>=1.0` and `>=1.0.0`),
    /// only the first in that order is kept.
    public var description: String {
        let sorted = specifiers.map { ($0.description, $0.canonicalKey) }.sorted {
            $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars)
        }
        var seen: Set<[Unicode.Scalar]> = []
        var kept: [String] = []
        for (text, key) in sorted where seen.insert(Array(key.unicodeScalars)).inserted {
            kept.append(text)
        }
        return kept.joined(separator: ",")
    }

    /// `true` when any specifier asks for pre-releases, otherwise `nil`.
    public var prereleases: Bool? {
        specifiers.contains { $0.prereleases == true } ? true : nil
    }
}

// MARK: - Membership

extension SpecifierSet {
    /// Whether `version` satisfies every specifier.
    ///
    /// - Parameter prereleases: `false` rejects every pre-release; `true` or
    ///   `nil` (the default) accept one that is inside the range, as
    ///   `packaging` 26 does for a single version.
    public func contains(_ version: Version, prereleases: Bool? = nil) -> Bool {
        if prereleases == false, version.isPrerelease { return false }
        var index = 0
        while index < rules.count {
            if !rules[index].matches(version) { return false }
            index += 1
        }
        return true
    }

    /// Whether the version written as `text` satisfies every specifier.
    ///
    /// Text that is not a version satisfies only `===` specifiers that name it
    /// and the empty set, as in `packaging`.
    public func contains(_ text: String, prereleases: Bool? = nil) -> Bool {
        let version = try? Version(text)
        if let version, !hasArbitrary, !specifiers.isEmpty {
            return contains(version, prereleases: prereleases)
        }
        let matches = specifiers.allSatisfy { $0.contains(text, prereleases: true) }
        guard matches else { return false }
        return !(prereleases == false && version?.isPrerelease == true)
    }

    /// The versions in `texts` that satisfy the set, in order, with the PEP 440
    /// pre-release policy.
    ///
    /// With `prereleases` `nil` (and no specifier asking for pre-releases),
    /// pre-releases are kept only when no final release matches. Text that is
    /// not a version is dropped, except where `===` or an empty set admits it.
    public func filter(_ texts: [String], prereleases: Bool? = nil) -> [String] {
        let policy = prereleases ?? self.prereleases
        let parsed = texts.map { try? Version($0) }
        var matched: [Int] = []
        for (index, text) in texts.enumerated() {
            if specifiers.isEmpty {
                matched.append(index)
            } else if hasArbitrary {
                if specifiers.allSatisfy({ $0.contains(text, prereleases: true) }) {
                    matched.append(index)
                }
            } else if let version = parsed[index], contains(version, prereleases: true) {
                matched.append(index)
            }
        }
        let kept = Self.applyPolicy(policy, to: matched) { parsed[$0] }
        return kept.map { texts[$0] }
    }

    /// The versions in `versions` that satisfy the set, in order, with the
    /// PEP 440 pre-release policy of ``filter(_:prereleases:)-([String],_)``.
    public func filter(_ versions: [Version], prereleases: Bool? = nil) -> [Version] {
        let policy = prereleases ?? self.prereleases
        let matched = versions.indices.filter { contains(versions[$0], prereleases: true) }
        return Self.applyPolicy(policy, to: matched) { versions[$0] }.map { versions[$0] }
    }

    /// Applies a pre-release policy to matched items: `true` keeps all,
    /// `false` drops pre-releases, `nil` drops them when a final release is
    /// among the items. Items that are not versions count as neither.
    static func applyPolicy(
        _ policy: Bool?, to matched: [Int], version: (Int) -> Version?
    ) -> [Int] {
        switch policy {
        case true?:
            return matched
        case false?:
            return matched.filter { version($0)?.isPrerelease != true }
        case nil:
            let hasFinal = matched.contains { version($0).map { !$0.isPrerelease } ?? false }
            guard hasFinal else { return matched }
            return matched.filter { version($0)?.isPrerelease != true }
        }
    }
}
