/// Intersection and union as poetry-core computes them, so that the
/// resulting structure (and so its text) is the one Poetry builds.
extension PoetryConstraint.Node {
    typealias Piece = PoetryConstraint.Piece
    typealias Bounds = PoetryConstraint.Bounds

    static let any = Self.piece(.range(Bounds()))

    /// poetry-core fails an internal assertion when its intersection of two
    /// ranges comes down to one version that a bound excludes, which only an
    /// empty wildcard range such as `1.0b2.dev2.*` (`>=1.0b2.dev0,<1.0b2.dev0`)
    /// can bring about; the constraint is then unusable.
    struct DegenerateIntersection: Error {}

    /// The pieces of the node, in order.
    var pieces: [Piece] {
        switch self {
        case .empty: []
        case .piece(let piece): [piece]
        case .union(let pieces): pieces
        }
    }

    var isEmpty: Bool { self == .empty }

    static func rangeOrEmpty(_ bounds: Bounds) -> Self {
        bounds.isEmpty ? .empty : .piece(.range(bounds))
    }

    // MARK: Intersection

    func intersect(_ other: Self) throws(DegenerateIntersection) -> Self {
        switch (self, other) {
        case (.empty, _), (_, .empty): return .empty
        case (.union(let ours), _): return try Self.intersect(union: ours, other)
        case (_, .union(let theirs)): return try Self.intersect(union: theirs, self)
        case (.piece(let a), .piece(let b)): return try Self.intersect(a, b)
        }
    }

    static func intersect(
        union ours: [Piece], _ other: Self
    ) throws(DegenerateIntersection) -> Self {
        let theirs = other.pieces
        var result: [Self] = []
        var left = 0
        var right = 0
        while left < ours.count, right < theirs.count {
            let intersection = try intersect(ours[left], theirs[right])
            if !intersection.isEmpty { result.append(intersection) }
            if allowsHigher(theirs[right], ours[left]) {
                left += 1
            } else {
                right += 1
            }
        }
        return of(result)
    }

    static func intersect(_ a: Piece, _ b: Piece) throws(DegenerateIntersection) -> Self {
        switch (a, b) {
        case (.version(let x), .version(let y)):
            if PoetryConstraint.versionAllows(x, y) { return .piece(b) }
            if PoetryConstraint.versionAllows(y, x) { return .piece(a) }
            return .empty
        case (.range(let bounds), .version(let version)),
            (.version(let version), .range(let bounds)):
            if PoetryConstraint.rangeAllows(bounds, version) { return .piece(.version(version)) }
            // `>=1.2.3+local` meets `1.2.3` in `>=1.2.3+local,<1.2.4`.
            if let min = bounds.min, min.isLocal, !version.isLocal,
                PoetryConstraint.versionAllows(version, min)
            {
                return rangeOrEmpty(
                    Bounds(
                        min: min, max: version.stable.nextPatch, includeMin: bounds.includeMin))
            }
            return .empty
        case (.range, .range(let bounds)):
            // Like poetry-core, only the second range is checked for emptiness.
            if bounds.isEmpty { return .empty }
            return try intersectRanges(a, b)
        }
    }

    static func intersectRanges(
        _ a: Piece, _ b: Piece
    ) throws(DegenerateIntersection) -> Self {
        var bounds = Bounds()
        if allowsLower(a, b) {
            if isStrictlyLower(a, b) { return .empty }
            bounds.min = b.min
            bounds.includeMin = b.includeMin
        } else {
            if isStrictlyLower(b, a) { return .empty }
            bounds.min = a.min
            bounds.includeMin = a.includeMin
        }
        if allowsHigher(a, b) {
            bounds.max = b.max
            bounds.includeMax = b.includeMax
        } else {
            bounds.max = a.max
            bounds.includeMax = a.includeMax
        }
        if bounds.isAny { return .any }
        if let min = bounds.min, bounds.max == min {
            guard bounds.includeMin, bounds.includeMax else { throw DegenerateIntersection() }
            return .piece(.version(min))
        }
        return rangeOrEmpty(bounds)
    }

    // MARK: Union

    /// poetry-core's `VersionUnion.of`: flattens, sorts and merges pieces
    /// that overlap or touch.
    static func of(_ nodes: [Self]) -> Self {
        let flattened = nodes.flatMap(\.pieces).filter {
            if case .range(let bounds) = $0 { !bounds.isEmpty } else { true }
        }
        if flattened.isEmpty { return .empty }
        if flattened.contains(where: \.isAny) { return .any }
        // Pieces usually arrive in order; sort (stably) only when they do not.
        let inOrder = zip(flattened, flattened.dropFirst()).allSatisfy { compare($0, $1) <= 0 }
        let sorted =
            inOrder
            ? flattened
            : flattened.enumerated().sorted { lhs, rhs in
                let order = compare(lhs.element, rhs.element)
                return order != 0 ? order < 0 : lhs.offset < rhs.offset
            }.map(\.element)
        var merged: [Piece] = []
        for piece in sorted {
            if let last = merged.last, allowsAny(last, piece) || isAdjacent(last, piece) {
                merged[merged.count - 1] = union(last, piece)
            } else {
                merged.append(piece)
            }
        }
        return merged.count == 1 ? .piece(merged[0]) : .union(merged)
    }

    /// The union of two pieces known to overlap or touch.
    static func union(_ a: Piece, _ b: Piece) -> Piece {
        switch (a, b) {
        case (.version(let x), .version(let y)):
            return PoetryConstraint.versionAllows(y, x) ? b : a
        case (.version(let version), .range(let bounds)),
            (.range(let bounds), .version(let version)):
            var widened = bounds
            // A public version absorbs the local variants of itself at the bounds.
            if !version.isLocal {
                var broadened = false
                if let min = bounds.min, min.isLocal, PoetryConstraint.versionAllows(version, min) {
                    widened.min = version
                    widened.includeMin = true
                    broadened = true
                }
                if let max = bounds.max, max.isLocal, PoetryConstraint.versionAllows(version, max) {
                    widened.max = version.stable.nextPatch
                    widened.includeMax = false
                    broadened = true
                }
                if broadened { return .range(widened) }
            }
            if PoetryConstraint.rangeAllows(bounds, version) { return .range(bounds) }
            if version == bounds.min { widened.includeMin = true }
            if version == bounds.max { widened.includeMax = true }
            return .range(widened)
        case (.range, .range):
            var bounds = Bounds()
            let lower = allowsLower(a, b) ? a : b
            bounds.min = lower.min
            bounds.includeMin = lower.includeMin
            let upper = allowsHigher(a, b) ? a : b
            bounds.max = upper.max
            bounds.includeMax = upper.includeMax
            return .range(bounds)
        }
    }

    // MARK: Comparisons of bounds

    static func allowsLower(_ a: Piece, _ b: Piece) -> Bool {
        guard let this = a.min else { return b.min != nil }
        guard let other = b.min else { return false }
        if this < other { return true }
        if this > other { return false }
        return a.includeMin && !b.includeMin
    }

    static func allowsHigher(_ a: Piece, _ b: Piece) -> Bool {
        guard let this = a.max else { return b.max != nil }
        guard let other = b.max else { return false }
        if this < other { return false }
        if this > other { return true }
        return a.includeMax && !b.includeMax
    }

    static func isStrictlyLower(_ a: Piece, _ b: Piece) -> Bool {
        guard let this = a.max, let other = b.min else { return false }
        if this < other { return true }
        if this > other { return false }
        return !(a.includeMax && b.includeMin)
    }

    static func isAdjacent(_ a: Piece, _ b: Piece) -> Bool {
        guard a.max == b.min else { return false }
        return (a.includeMax && !b.includeMin) || (!a.includeMax && b.includeMin)
    }

    static func allowsAny(_ a: Piece, _ b: Piece) -> Bool {
        switch (a, b) {
        // A version never meets the degenerate case, so nothing is thrown here.
        case (.version, _): return (try? intersect(a, b))?.isEmpty == false
        case (.range(let bounds), .version(let version)):
            if PoetryConstraint.rangeAllows(bounds, version) { return true }
            if let min = bounds.min, min.isLocal {
                return PoetryConstraint.versionAllows(version, min)
            }
            return false
        case (.range, .range):
            return !(isStrictlyLower(b, a) || isStrictlyLower(a, b))
        }
    }

    /// poetry-core's ordering of pieces: by lower bound, then upper bound.
    static func compare(_ a: Piece, _ b: Piece) -> Int {
        guard let aMin = a.min else { return b.min == nil ? compareMax(a, b) : -1 }
        guard let bMin = b.min else { return 1 }
        if aMin > bMin { return 1 }
        if aMin < bMin { return -1 }
        if a.includeMin != b.includeMin { return a.includeMin ? -1 : 1 }
        return compareMax(a, b)
    }

    static func compareMax(_ a: Piece, _ b: Piece) -> Int {
        guard let aMax = a.max else { return b.max == nil ? 0 : 1 }
        guard let bMax = b.max else { return -1 }
        if aMax > bMax { return 1 }
        if aMax < bMax { return -1 }
        if a.includeMax != b.includeMax { return a.includeMax ? 1 : -1 }
        return 0
    }

    // MARK: Difference

    /// `VersionRange().difference(union)`, step by step as poetry-core takes it.
    static func complement(ofUnion pieces: [Piece]) -> Self {
        var ranges: [Piece] = []
        var current = Piece.range(Bounds())
        for piece in pieces {
            if isStrictlyLower(piece, current) { continue }
            if isStrictlyLower(current, piece) { break }
            switch difference(current, piece) {
            case .empty: return .empty
            case .union(let parts):
                ranges.append(parts[0])
                current = parts[parts.count - 1]
            case .piece(let rest):
                current = rest
            }
        }
        return ranges.isEmpty ? .piece(current) : of((ranges + [current]).map(Self.piece))
    }

    /// poetry-core's `difference` of two pieces.
    static func difference(_ a: Piece, _ b: Piece) -> Self {
        switch (a, b) {
        case (.version(let version), _):
            if allowsAll(b, version) { return .empty }
            guard allowsAny(b, a) else { return .piece(a) }
            let upper = version.isDevrelease ? version.nextDevrelease : version.nextPostrelease
            return difference(.range(Bounds(min: version, max: upper, includeMin: true)), b)
        case (.range(let bounds), .version(let version)):
            if !PoetryConstraint.rangeAllows(bounds, version) { return .piece(a) }
            if version == bounds.min {
                guard bounds.includeMin else { return .piece(a) }
                var rest = bounds
                rest.includeMin = false
                return rangeOrEmpty(rest)
            }
            if version == bounds.max {
                guard bounds.includeMax else { return .piece(a) }
                var rest = bounds
                rest.includeMax = false
                return rangeOrEmpty(rest)
            }
            return of([
                rangeOrEmpty(Bounds(min: bounds.min, max: version, includeMin: bounds.includeMin)),
                rangeOrEmpty(Bounds(min: version, max: bounds.max, includeMax: bounds.includeMax)),
            ])
        case (.range(let bounds), .range(let other)):
            if !allowsAny(a, b) { return .piece(a) }
            var before: Self?
            if allowsLower(a, b) {
                if bounds.min == other.min {
                    before = bounds.min.map { .piece(.version($0)) }
                } else {
                    before = rangeOrEmpty(
                        Bounds(
                            min: bounds.min, max: other.min, includeMin: bounds.includeMin,
                            includeMax: !other.includeMin))
                }
            }
            var after: Self?
            if allowsHigher(a, b) {
                if bounds.max == other.max {
                    after = bounds.max.map { .piece(.version($0)) }
                } else {
                    after = rangeOrEmpty(
                        Bounds(
                            min: other.max, max: bounds.max, includeMin: !other.includeMax,
                            includeMax: bounds.includeMax))
                }
            }
            switch (before, after) {
            case (nil, nil): return .empty
            case (nil, let after?): return after
            case (let before?, nil): return before
            case (let before?, let after?): return of([before, after])
            }
        }
    }

    /// poetry-core's `allows_all` of a version.
    static func allowsAll(_ piece: Piece, _ version: PoetryVersion) -> Bool {
        switch piece {
        case .version(let exact):
            return PoetryConstraint.versionAllows(exact, version)
        case .range(let bounds):
            guard PoetryConstraint.rangeAllows(bounds, version) else { return false }
            if version.isLocal { return true }
            guard let max = bounds.max, max.isLocal else { return true }
            return max.withoutLocal != version
        }
    }
}
