/// One PEP 440 version specifier: an operator and a version, such as `>=1.2`,
/// `~=2.2`, `==1.4.*` or `!=1.0+local`.
///
/// Matching follows `packaging.specifiers.Specifier` (26.x) exactly, including
/// the exclusive ordered comparisons (`<2.0` admits no `2.0` pre-release,
/// `>1.0` no `1.0` post-release) and the local-version rules.
/// See https://packaging.python.org/en/latest/specifications/version-specifiers/.
public struct Specifier: Sendable, Hashable, CustomStringConvertible {
    /// A comparison operator of PEP 440.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case compatible = "~="
        case equal = "=="
        case notEqual = "!="
        case lessThanOrEqual = "<="
        case greaterThanOrEqual = ">="
        case lessThan = "<"
        case greaterThan = ">"
        /// `===`: string equality with the version as written.
        case arbitrary = "==="
    }

    /// The operator.
    public let `operator`: Operator
    /// The version as written, trimmed, with any `.*` suffix (`1.4.*`).
    public let version: String
    /// The parsed version without any `.*`; `nil` only for `===` with a
    /// string that is not a version.
    public let parsedVersion: Version?
    /// Whether the version ends in `.*` (prefix matching).
    public let isWildcard: Bool
    /// How membership is decided.
    let rule: Rule

    /// `operator` followed by the version as written: `>=1.0`.
    public var description: String { `operator`.rawValue + version }

    /// The text by which `packaging` tells duplicates apart: the operator and
    /// the version as written for `===` and wildcards, the normalized version
    /// for `~=`, and otherwise the normalized version without trailing zero
    /// release components (`>=1.0.0` and `>=1` are the same specifier).
    var canonicalKey: String {
        guard let parsedVersion, `operator` != .arbitrary, !isWildcard else {
            return `operator`.rawValue + version
        }
        guard `operator` != .compatible else {
            return `operator`.rawValue + parsedVersion.description
        }
        return `operator`.rawValue + parsedVersion.trimmedDescription
    }

    public static func == (lhs: Specifier, rhs: Specifier) -> Bool {
        lhs.operator == rhs.operator && lhs.version == rhs.version
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(`operator`)
        hasher.combine(version)
    }
}

// MARK: - Pre-release policy

extension Specifier {
    /// Whether the specifier itself asks for pre-releases, as `packaging`
    /// detects it: `nil` for `===` with a non-version, `false` for `!=` and
    /// wildcards, otherwise whether the version is a pre-release.
    public var prereleases: Bool? {
        switch `operator` {
        case .notEqual: return false
        case .equal where isWildcard: return false
        default: return parsedVersion?.isPrerelease
        }
    }

    /// Whether `version` satisfies this specifier.
    ///
    /// - Parameter prereleases: `false` rejects every pre-release; `true` or
    ///   `nil` (the default) accept a pre-release that is inside the range, as
    ///   `packaging` 26 does for a single version.
    public func contains(_ version: Version, prereleases: Bool? = nil) -> Bool {
        let policy = prereleases ?? (self.prereleases == true ? true : nil)
        if policy == false, version.isPrerelease { return false }
        return rule.matches(version)
    }

    /// Whether the version written as `text` satisfies this specifier.
    ///
    /// `===` compares `text` itself (ignoring case); every other operator
    /// rejects text that is not a version.
    public func contains(_ text: String, prereleases: Bool? = nil) -> Bool {
        if rule.kind == .arbitrary {
            guard PythonText.equals(PythonCase.lowercased(text), rule.text) else { return false }
            guard prereleases == false else { return true }
            return (try? Version(text))?.isPrerelease != true
        }
        guard let version = try? Version(text) else { return false }
        return contains(version, prereleases: prereleases)
    }
}
