import PythonPackaging
import Testing

@testable import Poetry

@Suite struct PoetryConstraintTests {
    struct TextCase: Sendable, CustomStringConvertible {
        var constraint: String
        var text: String
        var pep440: String
        var description: String { constraint }
    }

    @Test(arguments: [
        TextCase(constraint: "^1.2", text: ">=1.2,<2.0", pep440: ">=1.2,<2.0"),
        TextCase(constraint: "^0.2.3", text: ">=0.2.3,<0.3.0", pep440: ">=0.2.3,<0.3.0"),
        TextCase(constraint: "^0.0.3", text: ">=0.0.3,<0.0.4", pep440: ">=0.0.3,<0.0.4"),
        TextCase(constraint: "^0", text: ">=0,<1", pep440: ">=0,<1"),
        TextCase(constraint: "~1.2.3", text: ">=1.2.3,<1.3.0", pep440: ">=1.2.3,<1.3.0"),
        TextCase(constraint: "~1", text: ">=1,<2", pep440: ">=1,<2"),
        TextCase(constraint: "~=1.4.5", text: ">=1.4.5,<1.5.0", pep440: ">=1.4.5,<1.5.0"),
        TextCase(constraint: "1.2.*", text: "==1.2.*", pep440: "==1.2.*"),
        TextCase(constraint: "!=1.4.*", text: "!=1.4.*", pep440: "!=1.4.*"),
        TextCase(constraint: "1.0", text: "1.0", pep440: "==1.0"),
        TextCase(constraint: "v1.0", text: "1.0", pep440: "==1.0"),
        TextCase(constraint: "*", text: "*", pep440: ""),
        TextCase(constraint: "!=1.0", text: "!=1.0", pep440: "!=1.0"),
        TextCase(constraint: ">=1.0 <2.0", text: ">=1.0,<2.0", pep440: ">=1.0,<2.0"),
        TextCase(constraint: "^1.0.0-beta.2", text: ">=1.0.0b2,<2.0.0", pep440: ">=1.0.0b2,<2.0.0"),
        TextCase(constraint: "<2.0 || >=3.0", text: "<2.0 || >=3.0", pep440: "<2.0 || >=3.0"),
        TextCase(constraint: ">1,!=2", text: ">1,!=2", pep440: ">1,!=2"),
        TextCase(
            constraint: ">=1.0,<2.0,!=1.5", text: ">=1.0,!=1.5,<2.0", pep440: ">=1.0,<2.0,!=1.5"),
        TextCase(constraint: "dev", text: "0.0.dev0", pep440: "==0.0.dev0"),
        TextCase(constraint: "<>1.0", text: "1.0", pep440: "==1.0"),
        TextCase(constraint: "3.0-betadev1", text: "3.0b0.dev1", pep440: "==3.0b0.dev1"),
        TextCase(constraint: "!=1apost2", text: "!=1a0.post2", pep440: "!=1a0.post2"),
        TextCase(
            constraint: "~3.1-postdev1", text: ">=3.1.post0.dev1,<3.2",
            pep440: ">=3.1.post0.dev1,<3.2"),
        TextCase(constraint: "1.0-BETADEV1", text: "1.0beta0.dev1", pep440: "==1.0beta0.dev1"),
        TextCase(constraint: "~8.DEV", text: ">=8.dev0,<9", pep440: ">=8.dev0,<9"),
        TextCase(constraint: "1.3.POST1.*", text: "==1.3.post1.*", pep440: "==1.3.post1.*"),
        TextCase(constraint: "8.dev-.*", text: ">=8.dev0,<8.dev1", pep440: ">=8.dev0,<8.dev1"),
        TextCase(constraint: "3.1DEV0.* || 10.1", text: "10.1", pep440: "==10.1"),
    ])
    func rendersAsPoetryCore(_ testCase: TextCase) throws {
        let constraint = try PoetryConstraint(testCase.constraint)
        #expect(constraint.description == testCase.text)
        #expect(try constraint.pep440Text(writtenAs: testCase.constraint) == testCase.pep440)
    }

    struct AllowsCase: Sendable, CustomStringConvertible {
        var constraint: String
        var version: String
        var allowed: Bool
        var description: String { "\(constraint) \(version)" }
    }

    @Test(arguments: [
        AllowsCase(constraint: "<2.0", version: "2.0.dev1", allowed: false),
        AllowsCase(constraint: "<2.0", version: "2.0a1", allowed: false),
        AllowsCase(constraint: "^1.2", version: "2.0a1", allowed: false),
        AllowsCase(constraint: "^1.2", version: "1.9.post1", allowed: true),
        AllowsCase(constraint: "!=1.0", version: "1.0.post1", allowed: true),
        AllowsCase(constraint: "!=1.0", version: "1.0+local", allowed: false),
        AllowsCase(constraint: ">1.0", version: "1.0.post1", allowed: false),
        AllowsCase(constraint: "<=1.0", version: "1.0+local", allowed: true),
        AllowsCase(constraint: "1.0", version: "1.0+local", allowed: true),
        AllowsCase(constraint: "1.0+local", version: "1.0", allowed: false),
        AllowsCase(constraint: "1.0RC1", version: "1.0rc1", allowed: false),
        AllowsCase(constraint: "*", version: "not-a-version", allowed: false),
    ])
    func allowsAsPoetryCore(_ testCase: AllowsCase) throws {
        #expect(
            try PoetryConstraint(testCase.constraint).allows(testCase.version) == testCase.allowed)
    }

    struct ErrorCase: Sendable, CustomStringConvertible {
        var constraint: String
        var message: String
        var description: String { constraint }
    }

    @Test(arguments: [
        ErrorCase(
            constraint: "latest",
            message: "invalid version constraint 'latest': expected a version with an optional "
                + "operator ('^', '~', '~=', '==', '!=', '>=', '<=', '>', '<') or a wildcard such "
                + "as '1.2.*'; use '*' for any version"),
        ErrorCase(
            constraint: "~>1.0",
            message: "invalid version constraint '~>1.0': expected a version with an optional "
                + "operator ('^', '~', '~=', '==', '!=', '>=', '<=', '>', '<') or a wildcard such "
                + "as '1.2.*'; did you mean '~=1.0'?"),
        ErrorCase(
            constraint: "^",
            message: "invalid version constraint '^': expected a version with an optional "
                + "operator ('^', '~', '~=', '==', '!=', '>=', '<=', '>', '<') or a wildcard such "
                + "as '1.2.*'"),
        ErrorCase(
            constraint: "",
            message: "invalid version constraint '': expected a constraint such as '^1.2', "
                + "found nothing"),
        ErrorCase(
            constraint: ">=1.0, foo",
            message: "invalid version constraint '>=1.0, foo': cannot read 'foo': expected a "
                + "version with an optional operator ('^', '~', '~=', '==', '!=', '>=', '<=', "
                + "'>', '<') or a wildcard such as '1.2.*'"),
        ErrorCase(
            constraint: "8.dev.*",
            message: "invalid version constraint '8.dev.*': expected a version with an optional "
                + "operator ('^', '~', '~=', '==', '!=', '>=', '<=', '>', '<') or a wildcard such "
                + "as '1.2.*'"),
        ErrorCase(
            constraint: "1.0b2.dev2.*,>=0.3",
            message: "invalid version constraint '1.0b2.dev2.*,>=0.3': a wildcard of a pre- or "
                + "dev-release such as '1.0b2.dev2.*' matches no version, and poetry-core fails "
                + "to combine it"),
    ])
    func rejectsWithAClearError(_ testCase: ErrorCase) {
        #expect(throws: PoetryConstraintError.self) { try PoetryConstraint(testCase.constraint) }
        do {
            _ = try PoetryConstraint(testCase.constraint)
        } catch {
            #expect(error.description == testCase.message)
        }
    }

    @Test func convertsToAnExactRange() throws {
        let caret = try PoetryConstraint("^1.2").range
        #expect(caret.description == ">=1.2, <2.0")
        #expect(!caret.contains(try Version("2.0a1")))
        let union = try PoetryConstraint("<1.0 || >=2.0").range
        #expect(union.description == "<1.0 || >=2.0")
        #expect(try PoetryConstraint("==1.54.2").range.description == "==1.54.2")
        #expect(try PoetryConstraint("!=1.0").range.contains(try Version("1.0.post1")))
    }
}
