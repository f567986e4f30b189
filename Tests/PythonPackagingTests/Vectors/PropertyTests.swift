import Testing
import VectorSupport

@testable import PythonPackaging

/// Properties checked over every version and specifier of the committed vectors.
@Suite struct PropertyTests {
    @Test func rangeOfEverySpecifierSetAgreesWithContains() throws {
        var checked = 0
        for vector in try loadVectors("contains", folder: "pep440", bundle: .module) {
            guard let set = try? SpecifierSet(vector.string("specifier")), !set.hasArbitrary,
                let version = try? Version(vector.string("version"))
            else { continue }
            let range = set.range
            let prereleases = vector.optionalBool("prereleases")
            let expected = set.contains(version, prereleases: prereleases)
            let inRange = range.contains(version)
            let actual = prereleases == false && version.isPrerelease ? false : inRange
            #expect(actual == expected, "\(set) \(version) \(String(describing: prereleases))")
            checked += 1
        }
        #expect(checked > 10_000)
    }

    @Test func orderingIsTotalAndAgreesWithEquality() throws {
        let versions = try loadVectors("parse", folder: "pep440", bundle: .module).compactMap {
            try? Version($0.string("version"))
        }
        #expect(versions.count > 10_000)
        let sorted = versions.sorted()
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            #expect(!(b < a), "\(a) \(b)")
            let equal = Version.compare(a, b) == 0
            #expect(equal == (a == b))
            #expect(equal == (try Version(a.description) == Version(b.description)))
            if equal { #expect(a.hashValue == b.hashValue) }
            #expect(Version.compare(b, a) == -Version.compare(a, b))
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let a = versions.randomElement(using: &generator)!
            let b = versions.randomElement(using: &generator)!
            let c = versions.randomElement(using: &generator)!
            if a < b, b < c { #expect(a < c, "\(a) < \(b) < \(c)") }
            #expect((a < b ? 1 : 0) + (b < a ? 1 : 0) + (a == b ? 1 : 0) == 1)
        }
    }
}
