import PythonPackaging
import Testing

@testable import Poetry

/// Differential vectors generated from poetry-core 2.x by
/// Scripts/oracles/poetry_constraint_vectors.py, and the disagreements (since
/// fixed) and samples that Scripts/oracles/fuzz_poetry_constraint.py found
/// (`regressions`): every answer must agree.
@Suite struct PoetryConstraintVectorTests {
    @Test(arguments: [("constraint", 5000), ("regressions", 1000)])
    func agreesWithPoetryCore(_ file: String, _ minimum: Int) throws {
        let cases = try loadVectors(file, folder: "poetry-constraint")
        #expect(cases.count > minimum)
        var failures = 0
        for vector in cases {
            let answer = Self.answer(vector)
            let agrees =
                vector.expectsInvalid ? answer == nil : answer?.rendered == vector.expected
            if !agrees {
                failures += 1
                if failures <= 20 {
                    Issue.record(
                        """
                        line \(vector.line): expected \(vector.expected.prefix(300))
                        got \(answer?.rendered.prefix(300) ?? "invalid")
                        """)
                }
            }
        }
        #expect(failures == 0, "\(failures) of \(cases.count) cases disagree")
    }

    /// Poetry's membership and the constraint's range agree on every probe
    /// written in normalized form.
    @Test func rangeAgreesWithAllows() throws {
        var checked = 0
        for vector in try loadVectors("constraint", folder: "poetry-constraint") {
            guard let constraint = try? PoetryConstraint(vector.string("constraint")) else {
                continue
            }
            let range = constraint.range
            range.checkInvariants()
            for text in vector.strings("versions") {
                guard let version = try? Version(text), version.description == text,
                    !Self.isKnownInexact(constraint)
                else { continue }
                #expect(
                    range.contains(version) == constraint.allows(text),
                    "\(constraint) (\(range)) vs \(text)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }

    /// The documented inexact conversions: `>V+local`, and bounds spelled
    /// with an upper-case phase (`RC1`), which Poetry orders apart from `rc1`.
    static func isKnownInexact(_ constraint: PoetryConstraint) -> Bool {
        constraint.node.pieces.contains {
            if $0.min?.phases != nil || $0.max?.phases != nil { return true }
            if case .range(let bounds) = $0, let min = bounds.min {
                return !bounds.includeMin && min.isLocal
            }
            return false
        }
    }

    static func answer(_ vector: VectorCase) -> PythonJSON? {
        let text = vector.string("constraint")
        guard let constraint = try? PoetryConstraint(text),
            let pep440 = try? constraint.pep440Text(writtenAs: text)
        else { return nil }
        var allows: [(String, PythonJSON)] = []
        var seen: Set<String> = []
        for version in vector.strings("versions") where seen.insert(version).inserted {
            allows.append((version, .bool(constraint.allows(version))))
        }
        return .object([
            ("valid", .bool(true)), ("pep440", .string(pep440)), ("allows", .object(allows)),
        ])
    }
}
