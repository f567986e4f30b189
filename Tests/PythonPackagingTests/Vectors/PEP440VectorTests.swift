import Testing

@testable import PythonPackaging

/// Differential vectors generated from `packaging` 26.x by
/// Scripts/oracles/pep440_vectors.py, and the disagreements (since fixed) and
/// samples that Scripts/oracles/fuzz_pep440.py found (`regressions`, all four
/// operations mixed): every answer must agree.
@Suite struct PEP440VectorTests {
    @Test(arguments: ["parse", "compare", "contains", "filter", "regressions"])
    func agreesWithPackaging(_ operation: String) throws {
        let cases = try loadVectors(operation, folder: "pep440")
        #expect(cases.count > 1000)
        var failures = 0
        for vector in cases {
            let answer = Self.answer(vector.string("op"), vector)
            let agrees =
                vector.expectsInvalid ? answer == nil : answer?.rendered == vector.expected
            if !agrees {
                failures += 1
                if failures <= 20 {
                    Issue.record(
                        """
                        \(operation) line \(vector.line): expected \(vector.expected.prefix(300))
                        got \(answer?.rendered.prefix(300) ?? "invalid")
                        """)
                }
            }
        }
        #expect(failures == 0, "\(failures) of \(cases.count) \(operation) cases disagree")
    }

    /// Our answer in the protocol's shape, or `nil` when the input is invalid.
    static func answer(_ operation: String, _ vector: VectorCase) -> PythonJSON? {
        switch operation {
        case "parse":
            guard let version = try? Version(vector.string("version")) else { return nil }
            return describe(version)
        case "compare":
            guard let a = try? Version(vector.string("a")), let b = try? Version(vector.string("b"))
            else { return nil }
            return .object([("result", .number(a < b ? "-1" : a == b ? "0" : "1"))])
        case "contains":
            guard let set = try? SpecifierSet(vector.string("specifier")) else { return nil }
            let result = set.contains(
                vector.string("version"), prereleases: vector.optionalBool("prereleases"))
            return .object([("valid", .bool(true)), ("result", .bool(result))])
        default:
            guard let set = try? SpecifierSet(vector.string("specifier")) else { return nil }
            let kept = set.filter(
                vector.strings("versions"), prereleases: vector.optionalBool("prereleases"))
            return .object([("result", .array(kept.map(PythonJSON.string)))])
        }
    }

    static func describe(_ version: Version) -> PythonJSON {
        func number(_ value: VersionNumber?) -> PythonJSON {
            value.map { .number($0.description) } ?? .null
        }
        let pre = version.pre.map {
            PythonJSON.array([.string($0.kind.rawValue), number($0.number)])
        }
        return .object([
            ("valid", .bool(true)),
            ("normalized", .string(version.description)),
            ("public", .string(version.publicVersion.description)),
            ("base_version", .string(version.baseVersion.description)),
            ("epoch", number(version.epoch)),
            ("release", .array(version.release.map { number($0) })),
            ("pre", pre ?? .null),
            ("post", number(version.post)),
            ("dev", number(version.dev)),
            ("local", .optional(version.local)),
            ("is_prerelease", .bool(version.isPrerelease)),
            ("is_postrelease", .bool(version.isPostrelease)),
            ("is_devrelease", .bool(version.isDevrelease)),
        ])
    }
}
