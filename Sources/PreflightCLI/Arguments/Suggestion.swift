/// The candidate closest to `word` by edit distance, when it is close enough to be a typo.
///
/// A candidate qualifies when at most a third of its characters differ (and at least one
/// may), or when `word` is a prefix of exactly that candidate.
func closestMatch(to word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { (candidate: $0, distance: editDistance(word, $0)) }
    guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
    let allowed = max(1, best.candidate.count / 3)
    if best.distance <= allowed { return best.candidate }
    let prefixed = candidates.filter { $0.hasPrefix(word) && word.count >= 3 }
    return prefixed.count == 1 ? prefixed[0] : nil
}

/// The Levenshtein distance between two strings, counted in characters.
func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs)
    let right = Array(rhs)
    guard !left.isEmpty else { return right.count }
    guard !right.isEmpty else { return left.count }
    var previous = Array(0...right.count)
    var current = previous
    for i in 1...left.count {
        current[0] = i
        for j in 1...right.count {
            let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[right.count]
}
