/// Comparison of version-valued marker variables through PEP 440 specifiers.
enum MarkerVersionComparison {
    /// `lhs op rhs` as `packaging` evaluates it for a version variable: the specifier
    /// `op rhs` applied to `lhs` with pre-releases allowed, or `nil` when `op rhs` is not
    /// a valid specifier (the caller then compares strings).
    static func evaluate(_ lhs: String, _ op: MarkerOperator, _ rhs: String) -> Bool? {
        guard op != .in, op != .notIn, let specifier = try? Specifier(op.rawValue + rhs) else {
            return nil
        }
        return specifier.contains(lhs, prereleases: true)
    }
}
