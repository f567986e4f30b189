/// Intersection and union as poetry-core computes them, so that the
/// resulting structure (and so its text) is the one Poetry builds.
extension PoetryConstraint.Node {
    typealias Piece = PoetryConstraint.Piece
    typealias Bounds = PoetryConstraint.Bounds

    static let any = Self.piece(.range(Bounds()))

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

    func intersect(_ other: Self) -> Self {
        switch (self, other) {
        case (.empty, _), (_, .empty): return .empty
        case (.union(let ours), _): return Self.intersect(union: ours, other)
        case (_, .union(let theirs)): return Self.intersect(union: theirs, self)
        case (.piece(let a), .piece(let b)): return Self.intersect(a, b)
        }
    }

    static func intersect(union ours: [Piece], _ other: Self) -> Self {
        let theirs = other.pieces
        var result: [Self] = []
        var left = 0
        var right = 0
        while left < ours.count, right < theirs.count {
            let intersection = intersect(ours[left], theirs[right])
            if !intersection.isEmpty { result.append(intersection) }
            if allowsHigher(theirs[right], ours[left]) {
                left += 1
            } else {
                right += 1
            }
        }
        return of(result)
    }

    static func intersect(_ a: Piece, _ b: Piece) -> Self {
        switch (a, b) {
        case (.version(let x), .version(let y)):
            if PoetryConstraint.versionAllows(x, y) { return .piece(b) }
            if PoetryConstraint.versionAllows(y, x) { return .piece(a) }
            return .empty
        case (.range(let bounds), .version(let version)),
            (.version(let version), .range(let bounds)):
            return PoetryConstraint.rangeAllows(bounds, version)
                ? .piece(.version(version)) : .empty
        case (.range, .range):
            return intersectRanges(a, b)
        }
    }

    static func intersectRanges(_ a: Piece, _ b: Piece) -> Self {
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
        if let min = bounds.min, bounds.max == min { return .piece(.version(min)) }
        return rangeOrEmpty(bounds)
    }

    // MARK: Union

    /// poetry-core's `VersionUnion.of`: flattens, sorts and merges pieces
    /// that overlap or touch.
    static func of(_ nodes: [Self]) -> Self {
        let flattened = nodes.flatMap(\.pieces)
        if flattened.isEmpty { return .empty }
        if flattened.contains(where: \.isAny) { return .any }
        let sorted = flattened.enumerated().sorted { lhs, rhs in
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
        case (.version, _): return !intersect(a, b).isEmpty
        case (.range(let bounds), .version(let version)):
            return PoetryConstraint.rangeAllows(bounds, version)
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
}
