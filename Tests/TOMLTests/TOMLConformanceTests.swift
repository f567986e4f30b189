import Foundation
import Testing

@testable import TOML

/// The toml-test suite (TOML 1.0.0) from ../shared/conformance, read in place.
@Suite struct TOMLConformanceTests {
    /// `../shared/conformance/toml-test` from the package root, or from a folder above
    /// it when the package is a worktree nested deeper.
    static let suite: URL = {
        var folder = Samples.packageRoot.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("shared/conformance/toml-test")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Samples.packageRoot.appendingPathComponent("../shared/conformance/toml-test")
    }()
    static let isPresent = FileManager.default.fileExists(
        atPath: suite.appendingPathComponent("valid").path)

    /// The `.toml` files under `kind` (valid or invalid), relative to the suite.
    static func cases(_ kind: String) -> [String] {
        let root = suite.appendingPathComponent(kind)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".toml") }.sorted()
            .map { "\(kind)/\($0)" }
    }

    @Test(.enabled(if: isPresent, "toml-test suite not found at ../shared/conformance"))
    func validCasesDecodeToTheExpectedJSON() throws {
        let cases = Self.cases("valid")
        #expect(cases.count == 210)
        for name in cases {
            let tomlURL = Self.suite.appendingPathComponent(name)
            let jsonURL = tomlURL.deletingPathExtension().appendingPathExtension("json")
            let bytes = [UInt8](try Data(contentsOf: tomlURL))
            let table: TOMLTable
            do {
                table = try TOMLTable(parsing: bytes)
            } catch {
                Issue.record("\(name): \(error)")
                continue
            }
            let have = try JSONSerialization.jsonObject(with: Data(table.taggedJSON().utf8))
            let want = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonURL))
            if let difference = TaggedJSON.difference(want: want, have: have, key: "") {
                Issue.record("\(name): \(difference)")
            }
        }
    }

    @Test(.enabled(if: isPresent, "toml-test suite not found at ../shared/conformance"))
    func invalidCasesThrow() throws {
        let cases = Self.cases("invalid")
        #expect(cases.count == 499)
        for name in cases {
            let bytes = [UInt8](try Data(contentsOf: Self.suite.appendingPathComponent(name)))
            #expect(throws: TOMLError.self, "\(name)") { try TOMLTable(parsing: bytes) }
        }
    }
}

/// Compares toml-test tagged JSON as the suite does: objects unordered, floats by
/// value (nan equal to nan), date-times as instants.
enum TaggedJSON {
    static func difference(want: Any, have: Any, key: String) -> String? {
        if let want = want as? [String: Any] {
            guard let have = have as? [String: Any] else { return "'\(key)': expected an object" }
            if let type = want["type"] as? String, let value = want["value"] as? String,
                want.count == 2
            {
                guard let haveType = have["type"] as? String,
                    let haveValue = have["value"] as? String
                else { return "'\(key)': expected a tagged value, found \(have)" }
                guard type == haveType else {
                    return "'\(key)': expected \(type), found \(haveType)"
                }
                return sameValue(type: type, want: value, have: haveValue)
                    ? nil : "'\(key)': expected \(value), found \(haveValue)"
            }
            guard Set(want.keys) == Set(have.keys) else {
                return "'\(key)': keys \(want.keys.sorted()) != \(have.keys.sorted())"
            }
            for (member, value) in want {
                if let difference = difference(
                    want: value, have: have[member]!, key: key + "." + member)
                {
                    return difference
                }
            }
            return nil
        }
        if let want = want as? [Any] {
            guard let have = have as? [Any], have.count == want.count else {
                return "'\(key)': arrays differ in length"
            }
            for (index, pair) in zip(want, have).enumerated() {
                if let difference = difference(want: pair.0, have: pair.1, key: "\(key)[\(index)]")
                {
                    return difference
                }
            }
            return nil
        }
        return "'\(key)': unexpected JSON \(want)"
    }

    static func sameValue(type: String, want: String, have: String) -> Bool {
        switch type {
        case "float":
            if want.hasSuffix("nan") || have.hasSuffix("nan") {
                return want.trimmingCharacters(in: ["+", "-"])
                    == have.trimmingCharacters(in: ["+", "-"])
            }
            return Double(want.replacingOccurrences(of: "_", with: "")) == Double(have)
        case "datetime", "datetime-local", "date-local", "time-local":
            return instant(want) == instant(have)
        default:
            return want == have
        }
    }

    /// Seconds and nanoseconds since 0001-01-01 (UTC for offset date-times), via the
    /// TOML parser.
    static func instant(_ text: String) -> [Int]? {
        guard let value = try? TOMLTable(parsing: "v = \(text)")["v"] else { return nil }
        func days(_ date: TOMLDate) -> Int {
            let year = date.month <= 2 ? date.year - 1 : date.year
            let era = year / 400
            let yearOfEra = year - era * 400
            let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra
        }
        func seconds(_ time: TOMLTime) -> Int { time.hour * 3600 + time.minute * 60 + time.second }
        switch value {
        case .offsetDateTime(let dateTime):
            let total =
                days(dateTime.date) * 86_400 + seconds(dateTime.time)
                - dateTime.offset.totalMinutes * 60
            return [total, dateTime.time.nanosecond]
        case .localDateTime(let dateTime):
            let total = days(dateTime.date) * 86_400 + seconds(dateTime.time)
            return [total, dateTime.time.nanosecond]
        case .localDate(let date):
            return [days(date)]
        case .localTime(let time):
            return [seconds(time), time.nanosecond]
        default:
            return nil
        }
    }
}
