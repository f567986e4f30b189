import PythonPackaging

extension PoetryConstraint {
    /// The text poetry-core gives the constraint: `>=1.2,<2.0`, `==1.2.*`,
    /// `!=1.0`, `<2.0 || >=3.0`, `*`, `<empty>`.
    public var description: String {
        switch node {
        case .empty: "<empty>"
        case .piece(let piece): Self.render(piece)
        case .union(let pieces):
            Self.excludedWildcard(pieces).map { "!=\($0)" } ?? Self.renderUnion(pieces)
        }
    }

    /// The PEP 440 text Poetry writes for a dependency with this constraint
    /// (`Dependency.base_pep_508_name`), given the constraint as written:
    /// `==1.0` for a single version, the pieces for a union, nothing for `*`.
    public func pep440Text(writtenAs text: String) throws(PoetryConstraintError) -> String {
        switch node {
        case .piece(.version(let version)):
            return "==\(version)"
        case .union(let pieces):
            if Self.excludedSingleVersion(pieces) != nil || Self.excludedWildcard(pieces) != nil {
                return description
            }
            var parts: [String] = []
            for item in text.split(separator: ",", omittingEmptySubsequences: false) {
                parts.append(try PoetryConstraint(String(item)).description)
            }
            return parts.joined(separator: ",")
        default:
            return isAny ? "" : description.filter { $0 != " " }
        }
    }

    static func render(_ piece: Piece) -> String {
        switch piece {
        case .version(let version): return version.description
        case .range(let bounds):
            if bounds.includeMin, !bounds.includeMax, let min = bounds.min, let max = bounds.max,
                isWildcardCandidate(min, max)
            {
                return "==" + wildcardText(min, max)
            }
            var text = ""
            if let min = bounds.min { text += (bounds.includeMin ? ">=" : ">") + "\(min)" }
            if let max = bounds.max {
                if bounds.min != nil { text += "," }
                text += (bounds.includeMax ? "<=" : "<") + displayMax(max, bounds.includeMax)
            }
            return bounds.isAny ? "*" : text
        }
    }

    /// An exclusive `<V.dev0` of a final `V` reads `<V`, as it was written.
    static func displayMax(_ max: PoetryVersion, _ includeMax: Bool) -> String {
        if !includeMax, max.dev?.isZero == true, !max.withoutDevrelease.isUnstable {
            return max.withoutDevrelease.description
        }
        return max.description
    }

    /// Joins pieces with `||`, writing runs split only at single excluded
    /// versions as `>=A,!=V,<B`.
    static func renderUnion(_ pieces: [Piece]) -> String {
        var groups: [[Piece]] = []
        for piece in pieces {
            if let previous = groups.last?.last, let max = previous.max, max == piece.min,
                !previous.includeMax, !piece.includeMin
            {
                groups[groups.count - 1].append(piece)
            } else {
                groups.append([piece])
            }
        }
        return groups.map(renderPunctured).joined(separator: " || ")
    }

    private static func renderPunctured(_ group: [Piece]) -> String {
        guard group.count > 1, let first = group.first, let last = group.last else {
            return render(group[0])
        }
        var parts: [String] = []
        if let min = first.min { parts.append((first.includeMin ? ">=" : ">") + "\(min)") }
        for piece in group.dropLast() {
            if let max = piece.max { parts.append("!=\(max)") }
        }
        if let max = last.max {
            parts.append((last.includeMax ? "<=" : "<") + displayMax(max, last.includeMax))
        }
        return parts.joined(separator: ",")
    }

    // MARK: Wildcards

    /// `1.2.*` when a union is everything outside one wildcard range.
    static func excludedWildcard(_ pieces: [Piece]) -> String? {
        guard pieces.count == 2 else { return nil }
        let (one, two) = pieces[0].max != nil ? (pieces[0], pieces[1]) : (pieces[1], pieces[0])
        guard let oneMax = one.max, !one.includeMax, one.min == nil, let twoMin = two.min,
            two.includeMin, two.max == nil,
            isWildcardCandidate(twoMin, oneMax, inverted: true)
        else { return nil }
        return wildcardText(oneMax, twoMin)
    }

    /// Whether `[min, max)` is exactly what a `P.*` wildcard admits.
    static func isWildcardCandidate(
        _ min: PoetryVersion, _ max: PoetryVersion, inverted: Bool = false
    ) -> Bool {
        // A dev phase kept as written (`DEV`) is not the dev0 a wildcard starts at.
        if (min.phases?.dev ?? "dev") != "dev" { return false }
        if max.isDevrelease, (max.phases?.dev ?? "dev") != "dev" { return false }
        if min.isLocal || max.isLocal || min.isPrerelease || max.isPrerelease
            || min.isPostrelease != max.isPostrelease || min.dev?.isZero != true
            || (max.isDevrelease && max.dev?.isZero != true)
        {
            return false
        }
        let first = inverted ? max : min
        let second = inverted ? min : max
        var firstParts = first.release
        var secondParts = second.release
        while secondParts.last?.isZero == true { secondParts.removeLast() }
        if secondParts.isEmpty { return false }
        while firstParts.count < secondParts.count { firstParts.append(0) }
        if !firstParts[secondParts.count...].allSatisfy(\.isZero) { return false }
        firstParts.removeSubrange(secondParts.count...)
        if first.isPostrelease {
            return firstParts == secondParts && first.post?.successor() == second.post
                && first.phases?.post == second.phases?.post
        }
        return firstParts.dropLast() == secondParts.dropLast()
            && firstParts[firstParts.count - 1].successor() == secondParts[secondParts.count - 1]
    }

    /// `P.*` for a wildcard range from `first` to `second`.
    static func wildcardText(_ first: PoetryVersion, _ second: PoetryVersion) -> String {
        if first.isPostrelease { return "\(first.withoutDevrelease).*" }
        var parts = second.release
        while parts.last?.isZero == true { parts.removeLast() }
        parts[parts.count - 1] = parts[parts.count - 1].predecessor()
        return parts.map(\.description).joined(separator: ".") + ".*"
    }
}
