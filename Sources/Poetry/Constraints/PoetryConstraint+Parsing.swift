import PythonPackaging

extension PoetryConstraint {
    /// Parses a constraint exactly as poetry-core's `parse_constraint` does.
    ///
    /// `||` (or `|`) separates alternatives; within one, a comma or a space
    /// separates conjunctions (`>=1.0, <2.0`, `>=1.0 <2.0`). Each part is
    /// `*`, `^V`, `~V`, `~=V`, `V.*`, `==V.*`, `!=V.*`, or an optional
    /// operator (`==`, `=`, `!=`, `<`, `<=`, `>`, `>=`) and a version.
    public init(_ text: String) throws(PoetryConstraintError) {
        if text == "*" {
            self.init(.any)
            return
        }
        var alternatives: [Node] = []
        for alternative in Self.splitAlternatives(String(PythonText.strip(text[...]))) {
            var part = alternative[...]
            while part.last == "," { part.removeLast() }
            part = PythonText.stripTrailing(part)
            var conjunction: Node?
            for piece in Self.splitConjunctions(String(part)) {
                let parsed = try Self.parseSingle(piece, whole: text)
                do {
                    conjunction = try conjunction.map { try $0.intersect(parsed) } ?? parsed
                } catch {
                    throw PoetryConstraintError(
                        constraint: text, part: String(part),
                        reason: "a wildcard of a pre- or dev-release such as '1.0b2.dev2.*' "
                            + "matches no version, and poetry-core fails to combine it")
                }
            }
            alternatives.append(conjunction ?? .empty)
        }
        self.init(alternatives.count == 1 ? alternatives[0] : Node.of(alternatives))
    }

    // MARK: Splitting

    /// Splits at `\s*\|\|?\s*`.
    static func splitAlternatives(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "|" {
                while let last = current.last, PythonText.isWhitespace(last) {
                    current.removeLast()
                }
                parts.append(String(current))
                current = String.UnicodeScalarView()
                index += 1
                if index < scalars.count, scalars[index] == "|" { index += 1 }
                while index < scalars.count, PythonText.isWhitespace(scalars[index]) { index += 1 }
            } else {
                current.append(scalars[index])
                index += 1
            }
        }
        parts.append(String(current))
        return parts
    }

    /// Splits at poetry-core's conjunction separator: a comma or a space, with
    /// spaces around it, not after an operator or a comma, not next to a
    /// hyphen (so `1.0.0-beta.2` and `>= 1.0` stay whole), not at the end.
    static func splitConjunctions(_ text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        let operatorsAndSeparators: Set<Unicode.Scalar> = ["^", "~", "=", ">", "<", " ", ","]
        // spaces[i]: how many spaces start at i, so that no input is quadratic.
        var spaces = [Int](repeating: 0, count: s.count + 1)
        for index in stride(from: s.count - 1, through: 0, by: -1) where s[index] == " " {
            spaces[index] = spaces[index + 1] + 1
        }
        var parts: [String] = []
        var pieceStart = 0
        var position = 1
        search: while position < s.count {
            guard !operatorsAndSeparators.contains(s[position - 1]) else {
                position += 1
                continue
            }
            // ` *` before the separator, greedy, giving back one space at a time.
            let leading = spaces[position]
            for before in stride(from: leading, through: 0, by: -1) {
                let separator = position + before
                guard separator < s.count, s[separator] == "," || s[separator] == " ",
                    s[separator - 1] != "-",
                    separator + 1 >= s.count || s[separator + 1] != "-"
                else { continue }
                let trailing = spaces[separator + 1]
                for after in stride(from: trailing, through: 0, by: -1) {
                    let end = separator + 1 + after
                    let atEnd = end == s.count || (end == s.count - 1 && s[end] == "\n")
                    guard !atEnd, s[end] != "," else { continue }
                    parts.append(String(String.UnicodeScalarView(s[pieceStart..<position])))
                    pieceStart = end
                    position = end
                    continue search
                }
            }
            position += 1
        }
        parts.append(String(String.UnicodeScalarView(s[pieceStart...])))
        return parts
    }

    // MARK: Single constraints

    static func parseSingle(_ text: String, whole: String) throws(PoetryConstraintError) -> Node {
        let fail = PoetryConstraintError(constraint: whole, part: text, hint: hint(for: text))
        let body = PythonText.droppingFinalNewline(text[...])

        // `*`, `x`, `1.*`-style wildcards of any shape.
        if isAnyWildcard(body) { return .any }

        // `~V`, `~=V`, `^V`.
        if body.hasPrefix("~=") {
            guard let version = bareVersion(body.dropFirst(2)) else { throw fail }
            return .piece(.range(compatibleRange(version)))
        }
        if body.hasPrefix("~") {
            guard let version = bareVersion(body.dropFirst()) else { throw fail }
            let high =
                version.release.count == 1 ? version.stable.nextMajor : version.stable.nextMinor
            return .piece(.range(Bounds(min: version, max: strictMax(high), includeMin: true)))
        }
        if body.hasPrefix("^") {
            guard let version = bareVersion(body.dropFirst()) else { throw fail }
            return .piece(
                .range(Bounds(min: version, max: strictMax(version.nextBreaking), includeMin: true))
            )
        }

        // `1.2.*`, `==1.2.*`, `!=1.2.*` with at most three numbers.
        if let (invert, version) = xWildcard(body) {
            return wildcardRange(version, invert: invert)
        }

        // An optional operator and a version (or `dev`), perhaps with `.*`.
        for op in ["<>", "!=", ">=", ">", "<=", "<", "==", "="] + [""] where body.hasPrefix(op) {
            var rest = body.dropFirst(op.count)
            let wildcard = rest.hasSuffix(".*")
            if wildcard { rest = rest.dropLast(2) }
            if wildcard, !takesWildcardSuffix(rest) { continue }
            let versionText = PythonText.stripLeading(rest)
            guard let version = versionText == "dev" ? devVersion : bareVersion(rest) else {
                if versionText.lowercased() == "dev" { throw fail }
                continue
            }
            switch op {
            case "<": return .piece(.range(Bounds(max: strictMax(version))))
            case "<=": return .piece(.range(Bounds(max: version, includeMax: true)))
            case ">": return .piece(.range(Bounds(min: version)))
            case ">=": return .piece(.range(Bounds(min: version, includeMin: true)))
            default: break
            }
            if wildcard { return wildcardRange(version, invert: op == "!=") }
            if op == "!=" {
                return .union([.range(Bounds(max: version)), .range(Bounds(min: version))])
            }
            return .piece(.version(version))
        }
        throw fail
    }

    static let devVersion = PoetryVersion(release: [0, 0], dev: 0)

    /// `~=V`: at least `V`, below the next release of `V` without its last number.
    static func compatibleRange(_ version: PoetryVersion) -> Bounds {
        var parts = version.stable.release
        let high: PoetryVersion
        if parts.count < 2 {
            high = version.stable.nextMajor
        } else {
            parts[parts.count - 2] = parts[parts.count - 2].successor()
            parts[parts.count - 1] = 0
            high = PoetryVersion(epoch: version.epoch, release: parts)
        }
        return Bounds(min: version, max: strictMax(high), includeMin: true)
    }

    /// `<V` of a final `V` excludes `V`'s pre-releases: its bound is `V.dev0`.
    static func strictMax(_ version: PoetryVersion) -> PoetryVersion {
        version.isUnstable ? version : version.firstDevrelease
    }

    /// The range of `V.*` (or everything outside it).
    static func wildcardRange(_ version: PoetryVersion, invert: Bool) -> Node {
        let next: PoetryVersion =
            if version.isPostrelease {
                version.nextPostrelease
            } else if !version.isUnstable {
                version.nextStable
            } else if version.isPrerelease {
                version.nextPrerelease
            } else {
                version.nextDevrelease
            }
        let max = next.isDevrelease ? next : next.firstDevrelease
        let bounds = Bounds(min: version.firstDevrelease, max: max, includeMin: true)
        guard invert else { return .piece(.range(bounds)) }
        return Node.of([
            .piece(.range(Bounds(max: bounds.min))),
            .piece(.range(Bounds(min: max, includeMin: true))),
        ])
    }

    /// Whether `text` is `*`, `x`, `X`, `v*`, `*.*`, ….
    static func isAnyWildcard(_ text: Substring) -> Bool {
        var rest = text
        if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { $0 == "*" || $0 == "x" || $0 == "X" }
    }

    /// `(!=|==)? \s* v? N(.N)?(.N)? (.*)+`: whether to invert, and the version.
    static func xWildcard(_ text: Substring) -> (Bool, PoetryVersion)? {
        var rest = text
        var invert = false
        if rest.hasPrefix("!=") || rest.hasPrefix("==") {
            invert = rest.hasPrefix("!=")
            rest = rest.dropFirst(2)
        }
        rest = PythonText.stripLeading(rest)
        if rest.first == "v" { rest = rest.dropFirst() }
        var stars = 0
        while rest.hasSuffix(".*") {
            rest = rest.dropLast(2)
            stars += 1
        }
        let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard stars > 0, (1...3).contains(numbers.count),
            numbers.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 &- 0x30 < 10 } }),
            let version = try? PoetryVersion(parsing: String(rest))
        else { return nil }
        return (invert, version)
    }

    /// A version written with nothing after it; whitespace before is allowed.
    static func bareVersion(_ text: Substring) -> PoetryVersion? {
        guard let last = text.unicodeScalars.last, !PythonText.isWhitespace(last) else {
            return nil
        }
        let trimmed = PythonText.stripLeading(text)
        return try? PoetryVersion(parsing: String(trimmed))
    }

    /// Whether `V` can be followed by `.*`: in `packaging`'s possessive version
    /// pattern, a phase with no number (`1.0.dev`, `1a`) keeps the `.` of `.*` as
    /// its separator, so poetry-core rejects `1.0.dev.*` but reads `1.0.dev0.*`,
    /// `1.0.dev-.*` and `1.0+local.*`.
    static func takesWildcardSuffix(_ version: Substring) -> Bool {
        let scalars = version.unicodeScalars
        guard !scalars.contains("+"), let last = scalars.last else { return true }
        return !(last.isASCII && last.properties.isAlphabetic)
    }

    /// A fix for common mistakes: Ruby's `~>`, npm's `latest`.
    static func hint(for text: String) -> String? {
        if text.hasPrefix("~>") { return "did you mean '~=\(text.dropFirst(2))'?" }
        if text == "latest" { return "use '*' for any version" }
        if text.hasPrefix("=>") { return "did you mean '>=\(text.dropFirst(2))'?" }
        return nil
    }
}
