import Foundation
import PythonPackaging
import Testing

@testable import Preflight

@Suite struct CheckTargetTests {
    /// The ranked tags equal the full ordered lists of Fixtures/targets/<name>.json.
    @Test(arguments: Fixtures.targets)
    func tagsMatchTheGroundTruthTargets(_ name: String) throws {
        let url = Fixtures.root.appending(path: "targets/\(name).json")
        let expected = try JSONValue(parsing: String(contentsOf: url, encoding: .utf8))
        let target = try CheckTarget(python: "3.14", platform: name)
        let tags = (expected["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(target.tags.map(\.description) == tags)
        let platformTags = (expected["platform_tags"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(target.environment.platform.platformTags == platformTags)
        #expect(target.platformTag == platformTags.dropFirst().first)
        #expect(target.pythonText == "3.14.0")
    }

    struct BadTarget: Sendable {
        var python: String
        var platform: String
        var message: String
    }

    @Test(arguments: [
        BadTarget(
            python: "3", platform: "debian",
            message: "expected a Python version such as '3.14', '3.14.2' or '3.14t', found '3'"),
        BadTarget(
            python: "3.14", platform: "solaris",
            message: """
                unsupported platform 'solaris'; expected debian, debian-arm64, alpine, \
                alpine-arm64 or a platform tag such as 'manylinux_2_28_x86_64'
                """),
    ])
    func badTargetsAreErrors(_ bad: BadTarget) {
        #expect(throws: CheckError(bad.message)) {
            try CheckTarget(python: bad.python, platform: bad.platform)
        }
    }
}
