import Testing

@testable import PythonPackaging

@Suite struct TargetEnvironmentTests {
    struct TagList: Decodable, Sendable {
        var python: String
        var platform: String
        var tags: [String]
    }

    @Test func supportedTagsMatchPackaging() throws {
        let vectors = try decodeJSONLines(TagList.self, folder: "wheel", name: "supported_tags")
        #expect(vectors.count > 30)
        for vector in vectors {
            let target = try TargetEnvironment(python: vector.python, platform: vector.platform)
            let tags = target.supportedTags.map(\.description)
            if tags != vector.tags {
                let index = tags.indices.first {
                    $0 >= vector.tags.count || tags[$0] != vector.tags[$0]
                }
                Issue.record(
                    """
                    \(vector.python) on \(vector.platform): \(tags.count) tags, expected \
                    \(vector.tags.count); first difference at \(String(describing: index))
                    """)
            }
        }
    }

    struct PythonCase: Sendable, CustomTestStringConvertible {
        var text: String
        var full: String?
        var abi: String?
        var error: String?
        var testDescription: String { text }
    }

    @Test(arguments: [
        PythonCase(text: "3.14", full: "3.14.0", abi: "cp314"),
        PythonCase(text: "3.14.2", full: "3.14.2", abi: "cp314"),
        PythonCase(text: "3.14t", full: "3.14.0", abi: "cp314t"),
        PythonCase(text: "3.13.1t", full: "3.13.1", abi: "cp313t"),
        PythonCase(text: "3.7", full: "3.7.0", abi: "cp37m"),
        PythonCase(
            text: "3.12t",
            error: "free-threaded builds exist from Python 3.13 on, found '3.12t'"),
        PythonCase(
            text: "2.7",
            error: "expected a Python version such as '3.14', '3.14.2' or '3.14t', found '2.7'"),
        PythonCase(
            text: "3",
            error: "expected a Python version such as '3.14', '3.14.2' or '3.14t', found '3'"),
        PythonCase(
            text: "3.1x",
            error: "expected a Python version such as '3.14', '3.14.2' or '3.14t', found '3.1x'"),
        PythonCase(
            text: "3.99999999999999999999",
            error: """
                expected a Python version such as '3.14', '3.14.2' or '3.14t', \
                found '3.99999999999999999999'
                """),
        PythonCase(
            text: "",
            error: "expected a Python version such as '3.14', '3.14.2' or '3.14t', found ''"),
    ])
    func targetPython(_ example: PythonCase) {
        do {
            let python = try TargetPython(parsing: example.text)
            #expect(python.fullVersion == example.full)
            #expect(python.abiTag == example.abi)
            #expect(example.error == nil)
        } catch {
            #expect(error.description == example.error)
        }
    }

    @Test(arguments: [
        "debian", "debian-arm64", "alpine", "alpine-arm64", "manylinux_2_28_x86_64",
        "musllinux_1_1_aarch64", "macosx_14_0_arm64", "win_amd64", "linux_x86_64",
    ])
    func platformNamesRoundTrip(_ name: String) throws {
        #expect(try TargetPlatform(parsing: name).description == name)
    }

    @Test(arguments: [
        "ubuntu", "manylinux_2_x_x86_64", "macosx_9_0_x86_64", "linux_", "win64", "",
        "manylinux_10_0_x86_64", "musllinux_1_1000_x86_64", "manylinux_2_17_x86-64",
        "macosx_14_0_universal2", "linux_X86_64",
    ])
    func unsupportedPlatforms(_ name: String) {
        #expect(throws: TargetError.unsupportedPlatform(name)) { try TargetPlatform(parsing: name) }
    }

    @Test func largestTargetsStayBounded() throws {
        let glibc = try TargetEnvironment(python: "3.99", platform: "manylinux_9_99_x86_64")
        #expect(glibc.supportedTags.count < 200_000)
        let mac = try TargetEnvironment(python: "3.99", platform: "macosx_99_99_x86_64")
        #expect(mac.supportedTags.count < 200_000)
        #expect(throws: TargetError.self) { try TargetPython(parsing: "3.100") }
        #expect(throws: TargetError.self) { try TargetPlatform(parsing: "macosx_100_0_arm64") }
    }

    @Test func rankPrefersSpecificTags() throws {
        let target = try TargetEnvironment(python: "3.14", platform: "debian")
        let own = WheelTag(interpreter: "cp314", abi: "cp314", platform: "manylinux_2_17_x86_64")
        let stable = WheelTag(interpreter: "cp39", abi: "abi3", platform: "manylinux_2_17_x86_64")
        let pure = WheelTag(interpreter: "py3", abi: "none", platform: "any")
        let musl = WheelTag(interpreter: "cp314", abi: "cp314", platform: "musllinux_1_2_x86_64")
        let ranks = [own, stable, pure].compactMap { target.rank(of: $0) }
        #expect(ranks.count == 3 && ranks == ranks.sorted())
        #expect(target.rank(of: musl) == nil)
        #expect(target.bestRank(of: [pure, stable]) == target.rank(of: stable))
    }
}
