import Testing

@testable import PythonPackaging

@Suite struct DistributionFilenameTests {
    @Test func wheelParts() throws {
        let wheel = try WheelFilename(
            parsing:
                "Pydantic_Core-2.41.5-1local-cp314-cp314t-"
                + "manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
        )
        #expect(wheel.name.normalized == "pydantic-core")
        #expect(wheel.version.description == "2.41.5")
        #expect(wheel.build == "1local")
        #expect(
            wheel.tags.map(\.description) == [
                "cp314-cp314t-manylinux_2_17_x86_64", "cp314-cp314t-manylinux2014_x86_64",
            ])
        let freeThreaded = try TargetEnvironment(python: "3.14t", platform: "debian")
        let regular = try TargetEnvironment(python: "3.14", platform: "debian")
        #expect(wheel.isCompatible(with: freeThreaded))
        #expect(!wheel.isCompatible(with: regular))
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        var filename: String
        var error: String
        var testDescription: String { filename }
    }

    // packaging 26.4 rejects each of these too.
    @Test(arguments: [
        InvalidCase(
            filename: "a-1.0-py3-none-any.zip",
            error: "expected a '.whl', '.tar.gz' or '.zip' file, found 'a-1.0-py3-none-any.zip'"),
        InvalidCase(
            filename: "a-1.0-none-any.whl",
            error: """
                expected name, version, optional build and three tags separated by '-' in \
                'a-1.0-none-any.whl'
                """),
        InvalidCase(
            filename: "my__name-1.0-py3-none-any.whl",
            error: "invalid project name in 'my__name-1.0-py3-none-any.whl'"),
        InvalidCase(
            filename: "a-1.0.x-py3-none-any.whl",
            error: "invalid version in 'a-1.0.x-py3-none-any.whl'"),
        InvalidCase(
            filename: "a-1.0-abc-py3-none-any.whl",
            error: "expected a build tag starting with a digit in 'a-1.0-abc-py3-none-any.whl'"),
        InvalidCase(
            filename: "a-1.0-py3.-none-any.whl",
            error:
                "invalid tags in 'a-1.0-py3.-none-any.whl': tag 'py3.-none-any' has an empty"
                + " component in 'py3.'"
        ),
        InvalidCase(
            filename: "a-1.0-3py-none-any.whl",
            error:
                "invalid tags in 'a-1.0-3py-none-any.whl': tag '3py-none-any' has an invalid"
                + " interpreter '3py'"
        ),
    ])
    func invalidWheels(_ example: InvalidCase) {
        do {
            _ = try WheelFilename(parsing: example.filename)
            Issue.record("accepted \(example.filename)")
        } catch {
            #expect(error.description == example.error)
        }
    }

    struct SdistCase: Sendable, CustomTestStringConvertible {
        var filename: String
        var name: String?
        var version: String?
        var testDescription: String { filename }
    }

    // packaging 26.4's parse_sdist_filename answers.
    @Test(arguments: [
        SdistCase(filename: "foo-1.0.tar.gz", name: "foo", version: "1.0"),
        SdistCase(filename: "Foo_Bar-2.0rc1.zip", name: "foo-bar", version: "2.0rc1"),
        SdistCase(filename: "foo-bar-1.0.post1.tar.gz", name: "foo-bar", version: "1.0.post1"),
        SdistCase(filename: "foo-1.0.tar.bz2"),
        SdistCase(filename: "foo.tar.gz"),
        SdistCase(filename: "-1.0.tar.gz"),
        SdistCase(filename: "foo-bar.zip"),
    ])
    func sdists(_ example: SdistCase) {
        let sdist = try? SdistFilename(parsing: example.filename)
        #expect(sdist?.name.normalized == example.name)
        #expect(sdist?.version.description == example.version)
    }
}
