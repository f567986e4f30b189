import Foundation
import Testing

@testable import PackageIndex

/// The bytes of fixture `name` under `Resources/subdirectory`.
func fixture(_ name: String, in subdirectory: String) throws -> Data {
    let url = try #require(
        Bundle.module.url(
            forResource: name, withExtension: nil, subdirectory: "Resources/\(subdirectory)"))
    return try Data(contentsOf: url)
}

@Suite struct ProjectPageJSONTests {
    let pageURL = "https://index.example.com/simple/demo/"

    @Test func readsEveryFieldOfPEP691() throws {
        let page = try ProjectPage(json: try fixture("demo.json", in: "pages"), pageURL: pageURL)
        #expect(page.name == "demo")
        #expect(page.versions == ["1.0", "1.1", "1.2"])
        #expect(page.apiVersion == "1.1")
        #expect(page.files.count == 4)

        let sdist = page.files[0]
        #expect(sdist.url == "https://index.example.com/files/demo-1.0.tar.gz")
        #expect(sdist.hashes == ["sha256": "abcd"])
        #expect(sdist.requiresPython == ">=3.8")
        #expect(!sdist.isYanked)
        #expect(sdist.size == 10)
        #expect(sdist.uploadTime == "2024-01-01T00:00:00.000000Z")
        #expect(sdist.coreMetadata == .notAdvertised)

        let yankedWithReason = page.files[1]
        #expect(yankedWithReason.isYanked)
        #expect(yankedWithReason.yankedReason == "broken build")
        #expect(yankedWithReason.coreMetadata == .advertised(hashes: ["sha256": "beef"]))
        #expect(yankedWithReason.requiresPython == nil)

        let legacyKey = page.files[2]
        #expect(legacyKey.isYanked && legacyKey.yankedReason == nil)
        #expect(legacyKey.coreMetadata == .advertised(hashes: [:]))
        #expect(legacyKey.url == "https://index.example.com/files/demo-1.2-py3-none-any.whl")

        #expect(
            page.files[3].url == "https://index.example.com/simple/demo/demo-1.3-py3-none-any.whl")
        #expect(page.files[3].coreMetadata == .notAdvertised)
    }

    struct MalformedCase: Sendable, CustomTestStringConvertible {
        var input: String
        var message: String
        var testDescription: String { input }
    }

    @Test(arguments: [
        MalformedCase(
            input: "",
            message: "malformed response from 'https://index.example.com/simple/demo/': "
                + "expected a PEP 691 project page"),
        MalformedCase(
            input: #"{"name": "x", "files": [{"filename": 1}]}"#,
            message: "malformed response from 'https://index.example.com/simple/demo/': "
                + "expected a PEP 691 project page at 'files.0.filename'"),
        MalformedCase(
            input: #"{"name": "x", "files": [{"filename": "a", "url": "b", "yanked": 3}]}"#,
            message: "malformed response from 'https://index.example.com/simple/demo/': "
                + "expected a PEP 691 project page at 'files.0.yanked'"),
        MalformedCase(
            input: "<html></html>",
            message: "malformed response from 'https://index.example.com/simple/demo/': "
                + "expected a PEP 691 project page"),
    ])
    func rejectsMalformedPages(_ testCase: MalformedCase) {
        #expect(throws: IndexError.self) {
            try ProjectPage(json: Data(testCase.input.utf8), pageURL: pageURL)
        }
        do {
            _ = try ProjectPage(json: Data(testCase.input.utf8), pageURL: pageURL)
        } catch {
            #expect(error.description == testCase.message)
        }
    }

    @Test func redactsCredentialsInErrors() {
        do {
            _ = try ProjectPage(json: Data(), pageURL: "https://user:secret@host/simple/x/")
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("secret"))
            #expect(error.description.contains("https://***@host/simple/x/"))
        }
    }
}

@Suite struct ProjectPageHTMLTests {
    @Test func readsRealWorldHTML() throws {
        let page = ProjectPage(
            html: try fixture("quirky.html", in: "pages"),
            pageURL: "https://index.example.com/simple/demo/", name: "demo")
        #expect(page.apiVersion == "1.1")
        #expect(
            page.files.map(\.filename) == [
                "demo-1.0.tar.gz", "demo-1.1-py3-none-any.whl", "demo-1.2-py3-none-any.whl",
                "demo+2.0.zip", "demo-3.0-py3-none-any.whl",
            ])

        let sdist = page.files[0]
        #expect(sdist.url == "https://index.example.com/files/demo-1.0.tar.gz")
        #expect(sdist.hashes == ["sha256": "abcdef01"])
        #expect(sdist.requiresPython == ">=3.8,<4")
        #expect(!sdist.isYanked)

        let yanked = page.files[1]
        #expect(yanked.url == "https://index.example.com/files/demo-1.1-py3-none-any.whl")
        #expect(yanked.isYanked && yanked.yankedReason == nil)
        #expect(yanked.coreMetadata == .advertised(hashes: ["sha256": "1234"]))

        let absolute = page.files[2]
        #expect(absolute.url == "https://cdn.example.org/demo-1.2-py3-none-any.whl")
        #expect(absolute.yankedReason == "broken & bad")
        #expect(absolute.coreMetadata == .advertised(hashes: [:]))

        #expect(page.files[3].hashes == ["md5": "99"])
        #expect(page.files[3].url == "https://index.example.com/simple/demo/demo%2B2.0.zip")
        #expect(page.files[4].requiresPython == nil)
    }

    @Test func honoursBaseHref() {
        let html = #"<base href="https://mirror.example.net/pkgs/"><a href="x-1.0.tar.gz">x</a>"#
        let page = ProjectPage(
            html: Data(html.utf8), pageURL: "https://a.example/simple/x/", name: "x")
        #expect(page.files.map(\.url) == ["https://mirror.example.net/pkgs/x-1.0.tar.gz"])
    }

    struct TolerantCase: Sendable, CustomTestStringConvertible {
        var html: String
        var count: Int
        var testDescription: String { html }
    }

    @Test(arguments: [
        TolerantCase(html: "", count: 0),
        TolerantCase(html: "<", count: 0),
        TolerantCase(html: "<a", count: 0),
        TolerantCase(html: "<a href=", count: 0),
        TolerantCase(html: "<a href='x.whl", count: 1),
        TolerantCase(html: "<a href=x.whl>", count: 1),
        TolerantCase(html: "<!-- unterminated <a href=x.whl>", count: 0),
        TolerantCase(html: "&#xFFFFFFFF;<a href=\"&#99999999;x.whl\">&bogus;</a>", count: 1),
        TolerantCase(html: "<a href=\"\u{1F600}-1.0.tar.gz\">\u{1F600}</a>", count: 1),
        TolerantCase(html: String(repeating: "<a href=a.whl>", count: 2000), count: 1),
    ])
    func neverFailsOnBrokenMarkup(_ testCase: TolerantCase) {
        let page = ProjectPage(
            html: Data(testCase.html.utf8), pageURL: "https://h/simple/x/", name: "x")
        #expect(page.files.count == testCase.count)
    }

    @Test func decodesEntities() {
        #expect(
            decodeEntities("&gt;=3.6, !=3.0.*&#44;&#x3c;4 &amp;&unknown; &")
                == ">=3.6, !=3.0.*,<4 &&unknown; &")
    }
}
