import Testing

@testable import PythonPackaging

@Suite struct VersionRangeTests {
    /// Specifiers whose ranges the algebra laws are checked on.
    static let specifiers = [
        "", ">=1.0", "<2.0", ">1.0", "<=1.0", "==1.0", "!=1.0", "~=1.4.2", "==1.4.*", "!=1.4.*",
        ">1.0a1", "<1.0a1", ">1.0.post1", "<1.0.post1", ">1.0.dev1", "==1.0+local", "!=1.0+local",
        ">=1.0,<2.0", ">=1.0,!=1.5,<2.0", "<0", ">=0.dev0", "==2!1.0", ">=1.0a1,<1.0", "~=0.9",
        "==1.0.0", "<1!0", ">=3.14.0rc1", "==1.2.3.*", "!=0.*", ">=1.0.post0.dev0",
    ]

    /// Versions the laws are probed with: the neighbours of every bound above.
    static let probes: [Version] = [
        "0.dev0", "0", "0a1", "0.post1", "0.9", "0.9.9", "0.9.post3", "1.0.dev0", "1.0.dev1",
        "1.0.dev1+x", "1.0.dev2", "1.0a1", "1.0a1.post1", "1.0a1+x", "1.0a2.dev0", "1.0b1",
        "1.0rc1", "1.0", "1.0+local", "1.0+abc", "1.0.post0.dev0", "1.0.post1", "1.0.post1+x",
        "1.0.post1.dev3", "1.0.post2.dev0", "1.0.0.1", "1.0.1", "1.4", "1.4.1", "1.4.2", "1.4.2.1",
        "1.4.99", "1.5.dev0", "1.5", "1.5+x", "1.9.9", "2.0.dev0", "2.0a1", "2.0", "2.0.post1",
        "2.1", "3.14.0rc1", "3.14", "10.0", "1!0", "1!1.0", "2!1.0", "2!1.0+l", "1.2.3.0.1",
    ].map { try! Version($0) }

    static func range(_ text: String) throws -> VersionRange { try SpecifierSet(text).range }

    @Test(arguments: specifiers)
    func rangeAgreesWithSpecifierSet(_ text: String) throws {
        let set = try SpecifierSet(text)
        let range = set.range
        range.checkInvariants()
        for version in Self.probes {
            #expect(range.contains(version) == set.contains(version), "\(text) vs \(version)")
        }
    }

    @Test func algebraLaws() throws {
        let ranges = try Self.specifiers.map(Self.range)
        for a in ranges {
            #expect(a.intersection(a.complement).isEmpty, "\(a)")
            #expect(a.union(a.complement).isAny, "\(a)")
            #expect(a.complement.complement == a, "\(a)")
            for b in ranges {
                let union = a.union(b)
                let intersection = a.intersection(b)
                let difference = a.subtracting(b)
                #expect(union.complement == a.complement.intersection(b.complement))
                #expect(intersection.complement == a.complement.union(b.complement))
                #expect(union == b.union(a))
                #expect(intersection == b.intersection(a))
                #expect(intersection.isSubset(of: a))
                #expect(a.isSubset(of: union))
                #expect(difference.isDisjoint(with: b))
                for v in Self.probes {
                    #expect(union.contains(v) == (a.contains(v) || b.contains(v)), "\(a) ∪ \(b)")
                    #expect(intersection.contains(v) == (a.contains(v) && b.contains(v)))
                    #expect(difference.contains(v) == (a.contains(v) && !b.contains(v)))
                }
            }
        }
    }

    struct RenderingCase: Sendable, CustomStringConvertible {
        var specifier: String
        var rendered: String
        var description: String { specifier }
    }

    @Test(arguments: [
        RenderingCase(specifier: ">=1.2,<2.0", rendered: ">=1.2, <2.0"),
        RenderingCase(specifier: "==1.54.2", rendered: "==1.54.2"),
        RenderingCase(specifier: "!=1.3", rendered: "!=1.3"),
        RenderingCase(specifier: "==1.4.*", rendered: "==1.4.*"),
        RenderingCase(specifier: "!=1.4.*", rendered: "!=1.4.*"),
        RenderingCase(specifier: "", rendered: "*"),
        RenderingCase(specifier: ">1.0", rendered: ">1.0"),
        RenderingCase(specifier: ">=2.0,<1.0", rendered: "<empty>"),
        RenderingCase(specifier: "==1.0+abc", rendered: "==1.0+abc"),
        RenderingCase(specifier: "~=1.4.2", rendered: ">=1.4.2, <1.5"),
        RenderingCase(specifier: "<1.0a1", rendered: "<1.0a1"),
    ])
    func renders(_ testCase: RenderingCase) throws {
        #expect(try Self.range(testCase.specifier).description == testCase.rendered)
    }

    @Test func rendersDisjunctions() throws {
        let range = try Self.range("<1.0").union(Self.range(">=2.0"))
        #expect(range.description == "<1.0 || >=2.0")
    }

    @Test func exclusiveOrderingBounds() throws {
        let below = try Self.range("<2.0")
        #expect(!below.contains(try Version("2.0a1")))
        #expect(below.contains(try Version("1.9.post1")))
        let above = try Self.range(">1.0")
        #expect(!above.contains(try Version("1.0.post1")))
        #expect(!above.contains(try Version("1.0+local")))
        #expect(above.contains(try Version("1.0.0.1")))
        #expect(above.contains(try Version("1.1.dev0")))
    }
}
