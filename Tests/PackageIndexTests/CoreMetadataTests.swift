import Foundation
import Testing

@testable import PackageIndex

@Suite struct CoreMetadataTests {
    @Test func readsFoldedCRLFHeadersAndIgnoresTheBody() throws {
        let metadata = try CoreMetadata(
            parsing: try fixture("crlf-folded.metadata", in: "metadata"))
        #expect(metadata.metadataVersion == "2.1")
        #expect(metadata.name == "Demo-Pkg")
        #expect(metadata.version == "1.0")
        #expect(metadata.requiresPython == ">=3.8")
        #expect(
            metadata.requiresDist == ["idna (>=2.5)", #"PySocks!=1.5.7,>=1.5.6; extra == "socks""#])
        #expect(metadata.providesExtra == ["socks"])
    }

    @Test func readsRealWheelMetadata() throws {
        let data = try fixture("six-1.17.0-py2.py3-none-any.whl.metadata", in: "metadata")
        let metadata = try CoreMetadata(parsing: data)
        #expect(metadata.name == "six")
        #expect(metadata.version == "1.17.0")
        #expect(metadata.requiresDist.isEmpty)
        #expect(metadata.requiresPython == ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*")
    }

    @Test func decodesNonUTF8Lossily() throws {
        let metadata = try CoreMetadata(parsing: try fixture("latin1.metadata", in: "metadata"))
        #expect(metadata.metadataVersion == "1.0")
        #expect(metadata.name == "old")
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        var text: String
        var message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        InvalidCase(
            text: "", message: "invalid core metadata: expected a 'Metadata-Version' header"),
        InvalidCase(
            text: "Metadata-Version: 2.4\nVersion: 1\n",
            message: "invalid core metadata: expected a 'Name' header"),
        InvalidCase(
            text: "Metadata-Version: 2.1\nName: x\n",
            message: "invalid core metadata: expected a 'Version' header"),
        InvalidCase(
            text: "Metadata-Version: 3.0\nName: x\nVersion: 1\n",
            message: "invalid core metadata: metadata version '3.0' is not supported"),
        InvalidCase(
            text: "Metadata-Version: 99999999999999999999999.0\nName: x\nVersion: 1\n",
            message:
                "invalid core metadata: metadata version '99999999999999999999999.0'"
                + " is not supported"
        ),
        InvalidCase(
            text: " folded\nName: x\n",
            message: "invalid core metadata: expected a header, found continuation ' folded'"),
        InvalidCase(
            text: "Metadata-Version: 2.1\nthis is not a header\n",
            message: "invalid core metadata: expected 'Name: value', found 'this is not a header'"),
    ])
    func rejectsInvalidDocuments(_ testCase: InvalidCase) {
        #expect {
            try CoreMetadata(parsing: Data(testCase.text.utf8))
        } throws: { error in
            (error as? IndexError)?.description == testCase.message
        }
    }

    @Test(arguments: ["1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "2.3", "2.4"])
    func acceptsEveryMetadataVersion(_ version: String) throws {
        let text = "Metadata-Version: \(version)\nName: x\nVersion: 1\nRequires-Dist: a\n"
        #expect(try CoreMetadata(parsing: Data(text.utf8)).requiresDist == ["a"])
    }
}
