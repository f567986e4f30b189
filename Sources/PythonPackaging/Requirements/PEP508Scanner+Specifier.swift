extension PEP508Scanner {
    /// One version specifier token such as `>= 1.0` or `==2.*`, the way the
    /// specifier grammar of PEP 440 reads it (case-insensitive, each part taken
    /// greedily and never given back).
    func matchSpecifier() -> Int? {
        let start = position
        if let end = matchLiteral("===", at: start) {
            let versionStart = skipSpaces(from: end)
            var versionEnd = versionStart
            while let next = scalar(at: versionEnd), !PEP508Scanner.isSpace(next), next != ";",
                next != ")"
            {
                versionEnd += 1
            }
            if versionEnd > versionStart { return versionEnd }
        }
        if let end = matchLiteral("==", at: start) ?? matchLiteral("!=", at: start),
            let release = matchRelease(from: skipSpaces(from: end), minimumParts: 1)
        {
            if let wildcard = matchLiteral(".*", at: release) { return wildcard }
            return matchLocal(from: matchSuffixes(from: release))
        }
        if let end = matchLiteral("~=", at: start),
            let release = matchRelease(from: skipSpaces(from: end), minimumParts: 2)
        {
            return matchSuffixes(from: release)
        }
        for op in ["<=", ">=", "<", ">"] {
            if let end = matchLiteral(op, at: start) {
                guard let release = matchRelease(from: skipSpaces(from: end), minimumParts: 1)
                else { return nil }
                return matchSuffixes(from: release)
            }
        }
        return nil
    }

    private func matchLiteral(_ literal: String, at start: Int) -> Int? {
        var end = start
        for expected in literal.unicodeScalars {
            guard scalar(at: end) == expected else { return nil }
            end += 1
        }
        return end
    }

    /// A case-insensitive ASCII word at `start`.
    private func matchLetters(_ word: String, at start: Int) -> Int? {
        var end = start
        for expected in word.unicodeScalars {
            guard let next = scalar(at: end), next.isASCII,
                next.value | 0x20 == expected.value
            else { return nil }
            end += 1
        }
        return end
    }

    private func skipSpaces(from start: Int) -> Int {
        var end = start
        while let next = scalar(at: end), PEP508Scanner.isSpace(next) { end += 1 }
        return end
    }

    private func skipDigits(from start: Int) -> Int {
        var end = start
        while let next = scalar(at: end), next.value >= 0x30 && next.value <= 0x39 { end += 1 }
        return end
    }

    private func skipSeparator(from start: Int) -> Int {
        guard let next = scalar(at: start), next == "-" || next == "_" || next == "." else {
            return start
        }
        return start + 1
    }

    /// `v? (N!)? N(.N)*` with at least `minimumParts` release numbers.
    private func matchRelease(from start: Int, minimumParts: Int) -> Int? {
        var end = start
        if let next = scalar(at: end), next == "v" || next == "V" { end += 1 }
        let epochDigits = skipDigits(from: end)
        if epochDigits > end, scalar(at: epochDigits) == "!" { end = epochDigits + 1 }
        let first = skipDigits(from: end)
        guard first > end else { return nil }
        end = first
        var parts = 1
        while scalar(at: end) == ".", skipDigits(from: end + 1) > end + 1 {
            end = skipDigits(from: end + 1)
            parts += 1
        }
        return parts >= minimumParts ? end : nil
    }

    /// Optional pre-release, post-release and development suffixes.
    private func matchSuffixes(from start: Int) -> Int {
        var end = start

        // Pre-release: separator, label, separator, digits.
        let preLabelStart = skipSeparator(from: end)
        for label in ["alpha", "beta", "preview", "pre", "a", "b", "c", "rc"] {
            if let labelEnd = matchLetters(label, at: preLabelStart) {
                end = skipDigits(from: skipSeparator(from: labelEnd))
                break
            }
        }

        // Post-release: `-N`, or separator, label, separator, digits.
        if scalar(at: end) == "-", skipDigits(from: end + 1) > end + 1 {
            end = skipDigits(from: end + 1)
        } else {
            let postLabelStart = skipSeparator(from: end)
            for label in ["post", "rev", "r"] {
                if let labelEnd = matchLetters(label, at: postLabelStart) {
                    end = skipDigits(from: skipSeparator(from: labelEnd))
                    break
                }
            }
        }

        // Development release.
        if let devEnd = matchLetters("dev", at: skipSeparator(from: end)) {
            end = skipDigits(from: skipSeparator(from: devEnd))
        }
        return end
    }

    /// An optional local label, `+abc.1`, letters in either case.
    private func matchLocal(from start: Int) -> Int {
        func isAlphanumeric(_ index: Int) -> Bool {
            guard let scalar = scalar(at: index) else { return false }
            return PEP508Scanner.isASCIIAlphanumeric(scalar)
        }
        guard scalar(at: start) == "+", isAlphanumeric(start + 1) else { return start }
        var end = start + 1
        while isAlphanumeric(end) { end += 1 }
        while let separator = scalar(at: end),
            separator == "-" || separator == "_" || separator == ".",
            isAlphanumeric(end + 1)
        {
            end += 1
            while isAlphanumeric(end) { end += 1 }
        }
        return end
    }
}

/// The syntax check `packaging` applies to a specifier list read in one pass.
enum SpecifierSetText {
    /// Whether `text` is a comma-separated list of valid specifiers with no empty
    /// members, a single trailing comma allowed.
    static func isValidList(_ text: String) -> Bool {
        let members = text.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false)
        var specifierCount = 0
        for member in members {
            let scalars = Array(member)
            guard let first = scalars.firstIndex(where: { !PEP508Scanner.isSpace($0) }),
                let last = scalars.lastIndex(where: { !PEP508Scanner.isSpace($0) })
            else { continue }
            let scanner = PEP508Scanner(scalars: Array(scalars[first...last]))
            guard scanner.matchSpecifier() == scanner.source.count else { return false }
            specifierCount += 1
        }
        let commas = members.count - 1
        if specifierCount == commas + 1 { return true }
        let trimmed = text.unicodeScalars.reversed().drop { $0 == " " || $0 == "\t" }
        return specifierCount > 0 && specifierCount == commas && trimmed.first == ","
    }
}
