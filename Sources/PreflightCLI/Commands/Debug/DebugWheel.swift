import Preflight
import PythonPackaging
import Synchronization

extension DebugTool {
    /// `preflight debug wheel`: wheel filenames and their compatibility with a target.
    static let wheel = DebugTool(
        name: "wheel",
        summary: "Parse wheel filenames and check them against a target.",
        discussion: """
            {"filename":S,"python":"3.14","platform":TAG} answers {"valid","name","version",
            "build","tags","compatible"}; platform is a preset (debian, debian-arm64, alpine,
            alpine-arm64) or a platform tag. The target defaults to 3.14 on debian.
            """,
        inputProtocol: .jsonLines(answerWheel)
    )
}

/// Targets already built in this batch, by `python` and `platform`.
private let targets = TargetCache()

private func answerWheel(_ request: JSONValue) throws(DebugInputError) -> JSONValue {
    let filename = try request.requiredString("filename")
    let python = try request.optionalString("python") ?? "3.14"
    let platform = try request.optionalString("platform") ?? "debian"
    do {
        let wheel = try WheelFilename(parsing: filename)
        let target = try targets.target(python: python, platform: platform)
        return .object([
            ("valid", .bool(true)),
            ("name", .string(wheel.name.normalized)),
            ("version", .string(wheel.version.description)),
            ("build", .optional(wheel.build)),
            ("tags", .array(sortedTagTexts(wheel.tags).map(JSONValue.string))),
            ("compatible", .bool(wheel.isCompatible(with: target))),
        ])
    } catch {
        return .object([("valid", .bool(false)), ("error", .string("\(error)"))])
    }
}

extension JSONValue {
    /// The optional string field `key`: `nil` when absent or `null`.
    fileprivate func optionalString(_ key: String) throws(DebugInputError) -> String? {
        guard let field = self[key], !field.isNull else { return nil }
        guard let text = field.stringValue else {
            throw DebugInputError(description: "expected a string field '\(key)'")
        }
        return text
    }
}

/// A memo of target environments: building the tag list once per target keeps a batch
/// of thousands of lines fast.
private final class TargetCache: Sendable {
    private let targets = Mutex<[String: TargetEnvironment]>([:])

    func target(python: String, platform: String) throws(TargetError) -> TargetEnvironment {
        let key = python + "\u{0}" + platform
        if let target = targets.withLock({ $0[key] }) { return target }
        let target = try TargetEnvironment(python: python, platform: platform)
        targets.withLock { $0[key] = target }
        return target
    }
}

/// The distinct texts of `tags` in Python's order for `sorted(str(t) for t in tags)`:
/// by Unicode scalars, so canonically equivalent spellings stay apart.
private func sortedTagTexts(_ tags: [WheelTag]) -> [String] {
    var seen: Set<[UInt32]> = []
    let texts = tags.map(\.description).filter {
        seen.insert($0.unicodeScalars.map(\.value)).inserted
    }
    return texts.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
}
