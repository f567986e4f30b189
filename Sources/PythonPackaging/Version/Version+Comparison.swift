extension Version: Comparable, Hashable {
    @inlinable
    public static func == (lhs: Version, rhs: Version) -> Bool {
        compare(lhs, rhs) == 0
    }

    @inlinable
    public static func < (lhs: Version, rhs: Version) -> Bool {
        compare(lhs, rhs) < 0
    }

    public func hash(into hasher: inout Hasher) {
        if let wideKey = extra?.wideKey {
            hasher.combine(wideKey)
        } else {
            hasher.combine(packed.head & PackedKey.compared)
            hasher.combine(packed.middle & PackedKey.compared)
            hasher.combine(packed.suffix)
        }
        hasher.combine(localLabel)
    }

    /// -1, 0 or 1 as `lhs` sorts before, with or after `rhs`.
    @inlinable
    static func compare(_ lhs: Version, _ rhs: Version) -> Int {
        // The common case: both packed, no local labels.
        let slow = UInt64(Flags.wide.rawValue | Flags.local.rawValue)
        if (lhs.packed.middle | rhs.packed.middle) & slow == 0 {
            return comparePacked(lhs, rhs)
        }
        return compareSlowly(lhs, rhs)
    }

    @usableFromInline
    static func compareSlowly(_ lhs: Version, _ rhs: Version) -> Int {
        let order = comparePublic(lhs, rhs)
        if order != 0 || !(lhs.flags.contains(.local) || rhs.flags.contains(.local)) {
            return order
        }
        return compareLocals(lhs.localLabel, rhs.localLabel)
    }

    /// Compares two packed public parts.
    @inlinable @inline(__always)
    static func comparePacked(_ lhs: Version, _ rhs: Version) -> Int {
        let mask = PackedKey.compared
        let headA = lhs.packed.head & mask
        let headB = rhs.packed.head & mask
        if headA != headB { return headA < headB ? -1 : 1 }
        let middleA = lhs.packed.middle & mask
        let middleB = rhs.packed.middle & mask
        if middleA != middleB { return middleA < middleB ? -1 : 1 }
        let a = lhs.packed.suffix
        let b = rhs.packed.suffix
        return a == b ? 0 : (a < b ? -1 : 1)
    }

    /// Compares the public parts only, ignoring local labels.
    static func comparePublic(_ lhs: Version, _ rhs: Version) -> Int {
        if !lhs.flags.contains(.wide), !rhs.flags.contains(.wide) {
            return comparePacked(lhs, rhs)
        }
        return compareKeys(lhs.key, rhs.key)
    }

    /// Compares the epochs and releases only (trailing zeros ignored).
    static func compareReleases(_ lhs: Version, _ rhs: Version) -> Int {
        if !lhs.flags.contains(.wide), !rhs.flags.contains(.wide) {
            let mask = PackedKey.compared
            let left = (lhs.packed.head & mask, lhs.packed.middle & mask)
            let right = (rhs.packed.head & mask, rhs.packed.middle & mask)
            return left == right ? 0 : (left < right ? -1 : 1)
        }
        let left = lhs.key
        let right = rhs.key
        let leftEnd = releaseEnd(of: left)
        let rightEnd = releaseEnd(of: right)
        return compareKeys(Array(left[...leftEnd]), Array(right[...rightEnd]))
    }

    static func compareKeys(_ lhs: [UInt64], _ rhs: [UInt64]) -> Int {
        lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                let count = Swift.min(left.count, right.count)
                var index = 0
                while index < count {
                    let a = left[index]
                    let b = right[index]
                    if a != b { return a < b ? -1 : 1 }
                    index += 1
                }
                return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
            }
        }
    }

    /// Orders local labels as PEP 440 does: no label first; then segment by
    /// segment, letters before numbers, letters by code point, numbers by
    /// value; a label that is a prefix of another first.
    static func compareLocals(_ lhs: String?, _ rhs: String?) -> Int {
        guard let lhs, let rhs else {
            if lhs == nil, rhs == nil { return 0 }
            return lhs == nil ? -1 : 1
        }
        if lhs == rhs { return 0 }
        var left = lhs.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .makeIterator()
        var right = rhs.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let a?, let b?):
                let aIsNumber = a.allSatisfy(isDigit)
                let bIsNumber = b.allSatisfy(isDigit)
                if aIsNumber != bIsNumber { return aIsNumber ? 1 : -1 }
                if aIsNumber, a.count != b.count { return a.count < b.count ? -1 : 1 }
                if a.elementsEqual(b) { continue }
                return a.lexicographicallyPrecedes(b) ? -1 : 1
            }
        }
    }
}
