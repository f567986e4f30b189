extension Version: Comparable, Hashable {
    public static func == (lhs: Version, rhs: Version) -> Bool {
        lhs.key == rhs.key && lhs.localLabel == rhs.localLabel
    }

    public static func < (lhs: Version, rhs: Version) -> Bool {
        compare(lhs, rhs) < 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(localLabel)
    }

    /// -1, 0 or 1 as `lhs` sorts before, with or after `rhs`.
    static func compare(_ lhs: Version, _ rhs: Version) -> Int {
        let order = compareKeys(lhs.key, rhs.key)
        if order != 0 { return order }
        return compareLocals(lhs.localLabel, rhs.localLabel)
    }

    /// Compares the public parts only, ignoring local labels.
    static func comparePublic(_ lhs: Version, _ rhs: Version) -> Int {
        compareKeys(lhs.key, rhs.key)
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
