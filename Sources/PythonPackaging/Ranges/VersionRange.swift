/// A set of versions: a sorted union of disjoint, non-adjacent intervals.
///
/// This is the term algebra of the resolver. Every ``SpecifierSet`` and every
/// Poetry constraint converts to a range holding exactly the versions it
/// admits, the exclusive-ordering rules of PEP 440 included: `<2.0` becomes
/// "below `2.0.dev0`", `>1.0` "above every release `1.0` and its posts".
/// Ranges are canonical, so equal sets compare equal.
public struct VersionRange: Sendable, Hashable {
    /// One interval: the versions above `lower` and below `upper`.
    public struct Interval: Sendable, Hashable {
        /// The cut every version of the interval lies above.
        public var lower: VersionCut
        /// The cut every version of the interval lies below.
        public var upper: VersionCut

        /// Whether `version` lies in the interval.
        public func contains(_ version: Version) -> Bool {
            lower.isBelow(version) && !upper.isBelow(version)
        }
    }

    /// The intervals, sorted, each non-empty, with a gap between neighbours.
    public private(set) var intervals: [Interval]

    /// A range from intervals already sorted, disjoint and non-adjacent.
    init(canonical intervals: [Interval]) {
        self.intervals = intervals
        checkInvariants()
    }

    /// The range between two cuts; empty unless `lower` is below `upper`.
    public init(from lower: VersionCut, to upper: VersionCut) {
        let isEmpty = VersionCut.compare(lower, upper) >= 0
        self.init(canonical: isEmpty ? [] : [Interval(lower: lower, upper: upper)])
    }

    /// No version at all.
    public static let empty = VersionRange(canonical: [])
    /// Every version.
    public static let any = VersionRange(
        canonical: [Interval(lower: .negativeInfinity, upper: .positiveInfinity)])

    /// Exactly `version`: with a local label, only that one; without, the
    /// version and all its local versions (as PEP 440's `==` admits them).
    public static func exactly(_ version: Version) -> VersionRange {
        VersionRange(from: .before(version), to: .afterLocals(version))
    }

    /// Versions at or above `version`.
    public static func atLeast(_ version: Version) -> VersionRange {
        VersionRange(from: .before(version), to: .positiveInfinity)
    }

    /// Versions strictly below `version`, its pre-releases included.
    public static func below(_ version: Version) -> VersionRange {
        VersionRange(from: .negativeInfinity, to: .before(version))
    }

    /// Whether the range holds no version.
    public var isEmpty: Bool { intervals.isEmpty }

    /// Whether the range holds every version.
    public var isAny: Bool { self == .any }

    /// Whether `version` is in the range.
    public func contains(_ version: Version) -> Bool {
        // Binary search for the last interval whose lower cut is below `version`.
        var low = 0
        var high = intervals.count
        while low < high {
            let middle = (low + high) / 2
            if intervals[middle].lower.isBelow(version) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low > 0 && !intervals[low - 1].upper.isBelow(version)
    }

    /// Checks, in debug builds, that the intervals are sorted, non-empty and
    /// separated by gaps.
    public func checkInvariants() {
        #if DEBUG
            for interval in intervals {
                assert(VersionCut.compare(interval.lower, interval.upper) < 0, "empty interval")
            }
            for (left, right) in zip(intervals, intervals.dropFirst()) {
                assert(VersionCut.compare(left.upper, right.lower) < 0, "touching intervals")
            }
        #endif
    }
}

// MARK: - Algebra

extension VersionRange {
    /// The versions not in this range.
    public var complement: VersionRange {
        var result: [Interval] = []
        var lower = VersionCut.negativeInfinity
        for interval in intervals {
            if interval.lower != .negativeInfinity {
                result.append(Interval(lower: lower, upper: interval.lower))
            }
            lower = interval.upper
        }
        if lower != .positiveInfinity {
            result.append(Interval(lower: lower, upper: .positiveInfinity))
        }
        return VersionRange(canonical: result)
    }

    /// The versions in either range.
    public func union(_ other: VersionRange) -> VersionRange {
        let sorted = (intervals + other.intervals).sorted {
            VersionCut.compare($0.lower, $1.lower) < 0
        }
        var result: [Interval] = []
        for interval in sorted {
            if let last = result.last, VersionCut.compare(interval.lower, last.upper) <= 0 {
                if VersionCut.compare(interval.upper, last.upper) > 0 {
                    result[result.count - 1].upper = interval.upper
                }
            } else {
                result.append(interval)
            }
        }
        return VersionRange(canonical: result)
    }

    /// The versions in both ranges.
    public func intersection(_ other: VersionRange) -> VersionRange {
        var result: [Interval] = []
        var left = 0
        var right = 0
        while left < intervals.count, right < other.intervals.count {
            let a = intervals[left]
            let b = other.intervals[right]
            let lower = VersionCut.compare(a.lower, b.lower) >= 0 ? a.lower : b.lower
            let upper = VersionCut.compare(a.upper, b.upper) <= 0 ? a.upper : b.upper
            if VersionCut.compare(lower, upper) < 0 {
                result.append(Interval(lower: lower, upper: upper))
            }
            if VersionCut.compare(a.upper, b.upper) < 0 {
                left += 1
            } else {
                right += 1
            }
        }
        return VersionRange(canonical: result)
    }

    /// The versions in this range and not in `other`.
    public func subtracting(_ other: VersionRange) -> VersionRange {
        intersection(other.complement)
    }

    /// Whether every version of this range is in `other`.
    public func isSubset(of other: VersionRange) -> Bool {
        intersection(other) == self
    }

    /// Whether no version is in both ranges.
    public func isDisjoint(with other: VersionRange) -> Bool {
        intersection(other).isEmpty
    }
}
