import Testing

@testable import PythonPackaging

@Suite struct SpecifierTests {
    struct MatchCase: Sendable, CustomStringConvertible {
        var specifier: String
        var version: String
        var prereleases: Bool?
        var matches: Bool
        var description: String { "\(specifier) \(version) \(String(describing: prereleases))" }
    }

    @Test(arguments: [
        // Exclusive ordered comparisons.
        MatchCase(specifier: "<2.0", version: "2.0a1", prereleases: nil, matches: false),
        MatchCase(specifier: "<2.0", version: "1.9.post1", prereleases: nil, matches: true),
        MatchCase(specifier: "<2.0a2", version: "2.0a1", prereleases: nil, matches: true),
        MatchCase(specifier: "<1.0.post1", version: "1.0.post0", prereleases: nil, matches: true),
        MatchCase(specifier: ">1.0", version: "1.0.post1", prereleases: nil, matches: false),
        MatchCase(specifier: ">1.0", version: "1.0+local", prereleases: nil, matches: false),
        MatchCase(specifier: ">1.0", version: "1.0.0.1", prereleases: nil, matches: true),
        MatchCase(specifier: ">1.0.post1", version: "1.0.post2", prereleases: nil, matches: true),
        MatchCase(specifier: ">1.0a1", version: "1.0a1.post1", prereleases: nil, matches: false),
        MatchCase(specifier: ">1.0a1", version: "1.0a2.dev0", prereleases: nil, matches: true),
        // Local versions.
        MatchCase(specifier: "==1.0", version: "1.0+local", prereleases: nil, matches: true),
        MatchCase(specifier: "==1.0+local", version: "1.0", prereleases: nil, matches: false),
        MatchCase(specifier: "!=1.0", version: "1.0+local", prereleases: nil, matches: false),
        MatchCase(specifier: "<=1.0", version: "1.0+local", prereleases: nil, matches: true),
        // Prefix matching and ~=.
        MatchCase(specifier: "==1.4.*", version: "1.4.0rc1", prereleases: nil, matches: true),
        MatchCase(specifier: "==1.4.*", version: "1.4", prereleases: nil, matches: true),
        MatchCase(specifier: "==1.4.*", version: "1.5.dev0", prereleases: nil, matches: false),
        MatchCase(specifier: "!=1.4.*", version: "1.4.7", prereleases: nil, matches: false),
        MatchCase(specifier: "~=2.2.post3", version: "2.9", prereleases: nil, matches: true),
        MatchCase(specifier: "~=1.4.5", version: "1.5", prereleases: nil, matches: false),
        // The pre-release policy for one version.
        MatchCase(specifier: ">=1.0", version: "2.0a1", prereleases: nil, matches: true),
        MatchCase(specifier: ">=1.0", version: "2.0a1", prereleases: false, matches: false),
        MatchCase(specifier: ">=1.0a1", version: "2.0a1", prereleases: false, matches: false),
        // Arbitrary equality compares text.
        MatchCase(specifier: "===1.0", version: "1.0", prereleases: nil, matches: true),
        MatchCase(specifier: "===1.0", version: "1.0.0", prereleases: nil, matches: false),
        MatchCase(specifier: "===FooBar", version: "foobar", prereleases: nil, matches: true),
    ])
    func matchesAsPackaging(_ testCase: MatchCase) throws {
        let set = try SpecifierSet(testCase.specifier)
        #expect(
            set.contains(testCase.version, prereleases: testCase.prereleases) == testCase.matches)
    }

    @Test func filtersWithThePEP440PrereleasePolicy() throws {
        let set = try SpecifierSet(">=1.2.3")
        #expect(set.filter(["1.2", "1.3", "1.5a1"]) == ["1.3"])
        #expect(set.filter(["1.2", "1.5a1"]) == ["1.5a1"])
        #expect(set.filter(["1.3", "1.5a1"], prereleases: true) == ["1.3", "1.5a1"])
        #expect(try SpecifierSet("").filter(["1.3", "1.5a1"]) == ["1.3"])
        #expect(try SpecifierSet("").filter(["x", "1.5a1"]) == ["x", "1.5a1"])
        #expect(try SpecifierSet(">=1.0a1").filter(["1.0", "2.0b1"]) == ["1.0", "2.0b1"])
    }

    struct ErrorCase: Sendable, CustomStringConvertible {
        var specifier: String
        var message: String
        var description: String { specifier }
    }

    @Test(arguments: [
        ErrorCase(
            specifier: "=>1.0",
            message: "invalid specifier '=>1.0': expected an operator ('==', '!=', '<=', '>=', "
                + "'<', '>', '~=' or '==='), found '=>1.0'; did you mean '>=1.0'?"),
        ErrorCase(
            specifier: "1.0",
            message: "invalid specifier '1.0': expected an operator ('==', '!=', '<=', '>=', "
                + "'<', '>', '~=' or '==='), found '1.0'; did you mean '==1.0'?"),
        ErrorCase(
            specifier: "~=1",
            message: "invalid specifier '~=1': '~=' needs a release of at least two numbers; "
                + "did you mean '~=1.0'?"),
        ErrorCase(
            specifier: ">=1.0+local",
            message: "invalid specifier '>=1.0+local': a local label is only allowed with '==' "
                + "and '!=', not '>='; did you mean '>=1.0'?"),
        ErrorCase(
            specifier: "==1.0a1.*",
            message: "invalid specifier '==1.0a1.*': '.*' must directly follow the release "
                + "numbers; did you mean '==1.0.*'?"),
        ErrorCase(
            specifier: ">=1.0.*",
            message: "invalid specifier '>=1.0.*': '.*' is only allowed with '==' and '!='"),
        ErrorCase(
            specifier: ">=latest",
            message: "invalid specifier '>=latest': expected a version after '>=', "
                + "found 'latest'"),
    ])
    func rejectsWithAClearError(_ testCase: ErrorCase) {
        do {
            _ = try Specifier(testCase.specifier)
            Issue.record("accepted \(testCase.specifier)")
        } catch {
            #expect(error.description == testCase.message)
        }
    }

    @Test func versionErrorsNameTheProblem() {
        do {
            _ = try Version("2004d")
            Issue.record("accepted 2004d")
        } catch {
            #expect(
                error.description
                    == "invalid version '2004d': expected a pre-, post- or dev-release, "
                    + "a local label or the end, found 'd'")
            #expect(error.caretDiagram == "2004d\n    ^")
        }
    }

    struct RenderCase: Sendable, CustomStringConvertible {
        var specifiers: String
        var rendered: String
        var description: String { specifiers }
    }

    /// `packaging` sorts by text and keeps the first of specifiers that mean
    /// the same; `~=`, wildcards and `===` keep trailing zeros apart.
    @Test(arguments: [
        RenderCase(specifiers: "!=4.0.0a0,!=4.0.0a", rendered: "!=4.0.0a"),
        RenderCase(specifiers: ">=1.0,>=1.0.0", rendered: ">=1.0"),
        RenderCase(specifiers: ">=1.0.0,>=1.0,>=1", rendered: ">=1"),
        RenderCase(specifiers: ">=1.0a,>=1.0a0,>=1.0.0a0", rendered: ">=1.0.0a0"),
        RenderCase(specifiers: ">=01.0, >= 1.0", rendered: ">=01.0"),
        RenderCase(specifiers: "==1.0+a,==1.0.0+A", rendered: "==1.0+a"),
        RenderCase(specifiers: ">=1.0,<2,>=1.0.0", rendered: "<2,>=1.0"),
        RenderCase(specifiers: "~=1.0,~=1.0.0,~=01.0", rendered: "~=01.0,~=1.0.0"),
        RenderCase(specifiers: "==1.0.*,==1.0.0.*,== 1.0.*", rendered: "==1.0.*,==1.0.0.*"),
        RenderCase(
            specifiers: "===1.0,===1.0.0,===ABC,===abc", rendered: "===1.0,===1.0.0,===ABC,===abc"),
    ])
    func rendersWithoutDuplicates(_ testCase: RenderCase) throws {
        #expect(try SpecifierSet(testCase.specifiers).description == testCase.rendered)
    }

    @Test func inputsThatMustNotCrash() throws {
        let huge = String(repeating: "9", count: 10_000)
        for text in [
            "", " ", "\u{0}", "===", ",", "==\(huge)", ">=1.\(huge)", "~=\(huge).\(huge)",
            String(repeating: ">=1,", count: 2_000),
            "==1.0+" + String(repeating: "a.", count: 3_000),
        ] {
            let set = try? SpecifierSet(text)
            _ = set?.contains("1.0")
            _ = set?.range.description
        }
        #expect(try SpecifierSet("==\(huge)").contains(Version(huge)))
    }
}
