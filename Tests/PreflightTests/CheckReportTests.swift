import Foundation
import Testing

@testable import Preflight

/// The reports of scenario-before on debian, compared verbatim with the snapshots in
/// Resources/reports (regenerate with `preflight check Fixtures/scenario-before
/// --offline --format text|markdown`, after reading the difference).
@Suite struct CheckReportTests {
    static func report(_ platform: String = "debian") throws -> CheckReport {
        let project = try Project(folder: Fixtures.path("scenario-before"))
        return try LockCheck.run(
            project, target: try CheckTarget(python: "3.14", platform: platform))
    }

    static func snapshot(_ name: String) throws -> String {
        let url = try #require(
            Bundle.module.url(
                forResource: name, withExtension: nil, subdirectory: "Resources/reports"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func textReport() throws {
        let text = try Self.report().text()
        #expect(text == (try Self.snapshot("scenario-before.debian.txt")))
    }

    @Test func markdownReport() throws {
        let markdown = try Self.report().markdown
        #expect(markdown == (try Self.snapshot("scenario-before.debian.md")))
    }

    @Test func textStylesMarkTheParts() throws {
        let text = try Self.report().text { text, style in
            switch style {
            case .blocker: "<b>\(text)</b>"
            case .emphasis: "*\(text)*"
            default: text
            }
        }
        #expect(text.hasPrefix("<b>BLOCKED</b>: *rates-service 0.14.2* on Python 3.14.0"))
        #expect(text.contains("  <b>✗</b> *grpcio 1.54.2* [main]: no wheel for this target"))
    }

    @Test func jsonHasTheStableKeys() throws {
        let json = try Self.report().json
        let keys = json.objectValue?.map(\.key) ?? []
        #expect(keys.starts(with: ["project", "lock", "target", "groups", "verdict"]))
        #expect(json["proposal"] == .null)
        let targetFile = Fixtures.root.appending(path: "targets/debian.json")
        let target = try JSONValue(parsing: String(contentsOf: targetFile, encoding: .utf8))
        let tagCount = target["tags"]?.arrayValue?.count ?? 0
        #expect(json["target"]?["tags_considered"] == .int(tagCount))
        let grpcio = try #require(
            json["blockers"]?.arrayValue?.first { $0["name"]?.stringValue == "grpcio" })
        #expect(grpcio["group"] == .string("main"))
        #expect(
            grpcio["chain"]
                == .array([
                    .array([
                        .string("rates-service"), .string("0.14.2"),
                        .string("shippo-core[http,proto] ==1.0.20230105120000"),
                    ]),
                    .array([
                        .string("shippo-core"), .string("1.0.20230105120000"),
                        .string("grpcio ==1.54.2"),
                    ]),
                ]))
        #expect(
            grpcio["fix"]?.stringValue?.contains("`preflight versions grpcio --python 3.14`")
                == true)
    }

    @Test func readyReportSaysSo() throws {
        let project = try Project(folder: Fixtures.path("modern-ready"))
        let report = try LockCheck.run(
            project, target: try CheckTarget(python: "3.14", platform: "alpine"))
        let text = report.text()
        #expect(text.hasPrefix("READY: "))
        #expect(text.hasSuffix("Every package installs from a wheel on this target.\n"))
        #expect(
            report.markdown.hasPrefix(
                "## ✅ Preflight: ready on Python 3.14.0, alpine (musllinux_1_2_x86_64)"))
    }
}
