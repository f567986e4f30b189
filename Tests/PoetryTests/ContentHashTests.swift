import Foundation
import PythonPackaging
import TOML
import Testing
import VectorSupport

@testable import Poetry

/// One pyproject.toml with the content-hash each Poetry version computes for it.
struct ContentHashVector: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var pyproject: String
    var hashes: [String: String?]
    var testDescription: String { name }

    static let all: [ContentHashVector] = {
        struct File: Decodable { var cases: [ContentHashVector] }
        do {
            let data = Data(try TestResources.text("content-hash/vectors.json").utf8)
            return try JSONDecoder().decode(File.self, from: data).cases
        } catch {
            fatalError("cannot load the content-hash vectors: \(error)")
        }
    }()
}

@Suite struct ContentHashTests {
    /// The scheme each Poetry release of the vectors follows.
    static let schemes: [(poetry: String, scheme: ContentHashScheme)] = [
        ("1.8.5", .poetry1), ("2.0.1", .poetry2), ("2.2.1", .poetry2), ("2.5.1", .poetry23),
    ]

    @Test func vectorsCoverEveryScheme() {
        #expect(ContentHashVector.all.count > 400)
        for (poetry, _) in Self.schemes {
            #expect(ContentHashVector.all.allSatisfy { $0.hashes.keys.contains(poetry) })
        }
    }

    @Test(arguments: ContentHashVector.all)
    func agreesWithPoetry(_ vector: ContentHashVector) throws {
        let document = try TOMLTable(parsing: vector.pyproject)
        for (poetry, scheme) in Self.schemes {
            let expected = vector.hashes[poetry] ?? nil
            let computed = try? ContentHash.compute(pyproject: document, scheme: scheme)
            #expect(computed == expected, "Poetry \(poetry)")
        }
    }

    @Test(arguments: [
        ("1.8.5", ContentHashScheme.poetry1), ("1.1.15", .poetry1), ("2.0.0", .poetry2),
        ("2.2.1", .poetry2), ("2.3.0", .poetry23), ("2.3.0b1", .poetry23), ("3.0", .poetry23),
        ("2", .poetry2),
    ])
    func schemeOfPoetryRelease(_ version: String, _ scheme: ContentHashScheme) {
        #expect(ContentHashScheme(poetryVersion: version) == scheme)
    }

    @Test func schemeOfUnknownRelease() {
        #expect(ContentHashScheme(poetryVersion: "dev") == nil)
        #expect(ContentHashScheme(poetryVersion: "") == nil)
    }

    @Test func hashedJSONOfClassicProject() throws {
        let document = try TOMLTable(
            parsing: """
                [tool.poetry]
                name = "x"
                [tool.poetry.dependencies]
                python = "^3.10"
                "caf\\u00e9" = { version = "1", weight = 1e16 }
                """)
        let json = try ContentHash.hashedJSON(pyproject: document, scheme: .poetry23)
        #expect(
            json == """
                {"dependencies": {"caf\\u00e9": {"version": "1", "weight": 1e+16}, \
                "python": "^3.10"}, "dev-dependencies": null, "extras": null, "source": null}
                """)
    }

    @Test func dateInHashedContentIsAnError() throws {
        let document = try TOMLTable(parsing: "[tool.poetry.extras]\nwhen = 1979-05-27\n")
        #expect(
            throws: PoetryError(
                "cannot compute the content-hash: local date values are not JSON serializable"
                    + " (Poetry fails on them too)")
        ) {
            try ContentHash.compute(pyproject: document)
        }
    }

    @Test func poetry1NeedsToolPoetry() throws {
        let document = try TOMLTable(parsing: "[project]\nname = 'x'\n")
        #expect(throws: PoetryError("Poetry 1 requires a [tool.poetry] section; found none")) {
            try ContentHash.compute(pyproject: document, scheme: .poetry1)
        }
    }
}

@Suite struct PythonJSONTests {
    struct FloatCase: Sendable, CustomTestStringConvertible {
        var value: Double
        var repr: String
        var testDescription: String { repr }
    }

    @Test(arguments: [
        FloatCase(value: 1.5, repr: "1.5"), FloatCase(value: 0.1, repr: "0.1"),
        FloatCase(value: 1e16, repr: "1e+16"), FloatCase(value: 1e15, repr: "1000000000000000.0"),
        FloatCase(value: 5e-324, repr: "5e-324"), FloatCase(value: -0.0, repr: "-0.0"),
        FloatCase(value: 0.0001, repr: "0.0001"), FloatCase(value: 0.00001, repr: "1e-05"),
        FloatCase(value: 123456789012345678.0, repr: "1.2345678901234568e+17"),
        FloatCase(value: 1.7976931348623157e308, repr: "1.7976931348623157e+308"),
        FloatCase(value: 100, repr: "100.0"), FloatCase(value: -2.5e-7, repr: "-2.5e-07"),
        FloatCase(value: 1e22, repr: "1e+22"),
        FloatCase(value: 9_007_199_254_740_993, repr: "9007199254740992.0"),
        FloatCase(value: .infinity, repr: "Infinity"),
        FloatCase(value: -.infinity, repr: "-Infinity"),
        FloatCase(value: .nan, repr: "NaN"), FloatCase(value: 0, repr: "0.0"),
        FloatCase(value: 123.456, repr: "123.456"), FloatCase(value: 1e-4, repr: "0.0001"),
    ])
    func floatRepr(_ test: FloatCase) {
        #expect(pythonFloatRepr(test.value) == test.repr)
    }

    @Test func stringEscapes() {
        var output = ""
        PythonJSONWriter.writeString("a\"\\\n\r\t\u{8}\u{C}\u{1}\u{7F}é\u{2028}😀/~ ", to: &output)
        #expect(
            output
                == #""a\"\\\n\r\t\b\f\u0001\u007f\u00e9\u2028\ud83d\ude00/~ ""#)
    }

    @Test func keysSortByCodePoint() throws {
        let table = try TOMLTable(parsing: "\"\\uFF01\" = 1\n\"\\U0001F600\" = 2\nZ = 3\na = 4\n")
        #expect(
            try PythonJSONWriter.render(.table(table))
                == #"{"Z": 3, "a": 4, "\uff01": 1, "\ud83d\ude00": 2}"#)
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func knownDigests(_ input: String, _ digest: String) {
        #expect(SHA256.hexDigest(of: input.utf8) == digest)
    }

    @Test func millionAs() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(
            SHA256.hexDigest(of: input)
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
    ])
    func paddingBoundaries(_ length: Int, _ digest: String) {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        #expect(SHA256.hexDigest(of: input) == digest)
    }
}
