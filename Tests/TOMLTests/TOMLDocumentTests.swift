import Foundation
import Testing

@testable import TOML

@Suite struct TOMLDocumentTests {
    // MARK: - Round trips

    @Test(arguments: Samples.names)
    func unEditedDocumentReproducesTheSample(_ name: String) throws {
        let bytes = Samples.bytes(name)
        let document = try TOMLDocument(parsing: bytes)
        #expect(document.bytes == bytes)
        #expect(document.text == String(decoding: bytes, as: UTF8.self))
    }

    @Test(.enabled(if: !Samples.fixtureFiles.isEmpty, "no Fixtures/ folder in this checkout"))
    func unEditedDocumentReproducesEveryFixture() throws {
        for url in Samples.fixtureFiles {
            let bytes = [UInt8](try Data(contentsOf: url))
            let document = try TOMLDocument(parsing: bytes)
            #expect(document.bytes == bytes, "\(url.lastPathComponent)")
        }
    }

    /// Setting every single-line value of a sample to a new string changes exactly
    /// that line; putting the original text back restores the file byte for byte.
    @Test(arguments: Samples.names.filter { !$0.contains("analytics-poetry") })
    func settingAValueChangesOnlyItsLine(_ name: String) throws {
        let original = try TOMLDocument(parsing: Samples.bytes(name))
        let originalLines = lines(original.bytes)
        var edited = 0
        for path in leafPaths(original.root) {
            guard let entry = entry(at: path, in: original.root),
                entry.keySpan.line > 0,
                !original.bytes[entry.valueSpan.bytes].contains(ASCII.newline)
            else { continue }
            var document = original
            try document.setValue("edited", at: path)
            let lines = lines(document.bytes)
            #expect(lines.count == originalLines.count, "\(path)")
            let changed = zip(lines, originalLines).enumerated().filter { $0.1.0 != $0.1.1 }
            #expect(changed.map(\.offset) == [entry.valueSpan.line - 1], "\(path)")
            #expect(document.value(at: path) == "edited")
            edited += 1
        }
        #expect(edited > 0)
    }

    /// Removing each single-line key of a sample removes exactly its line.
    @Test(arguments: Samples.names.filter { !$0.contains("analytics-poetry") })
    func removingAKeyRemovesOnlyItsLine(_ name: String) throws {
        let original = try TOMLDocument(parsing: Samples.bytes(name))
        let originalLines = lines(original.bytes)
        for path in leafPaths(original.root) {
            guard let entry = entry(at: path, in: original.root),
                let parent = original.root.value(at: path.dropLast())?.table
                    ?? Optional(original.root),
                !parent.isInline,
                !original.bytes[entry.valueSpan.bytes].contains(ASCII.newline)
            else { continue }
            var document = original
            try document.removeValue(at: path)
            var expected = originalLines
            expected.remove(at: entry.keySpan.line - 1)
            #expect(lines(document.bytes) == expected, "\(path)")
            #expect(document.value(at: path) == nil)
        }
    }

    // MARK: - Setting values

    @Test func replacesOnlyTheValueBytes() throws {
        var document = try TOMLDocument(
            parsing: """
                [tool.poetry.dependencies]
                python = "^3.9"
                greenlet = "^2.0"   # needed by gevent
                numpy = { version = "^1.24", python = "<3.12" }

                """)
        try document.setValue("^3.0", at: ["tool", "poetry", "dependencies", "greenlet"])
        try document.setValue("<3.13", at: ["tool", "poetry", "dependencies", "numpy", "python"])
        #expect(
            document.text == """
                [tool.poetry.dependencies]
                python = "^3.9"
                greenlet = "^3.0"   # needed by gevent
                numpy = { version = "^1.24", python = "<3.13" }

                """)
    }

    @Test func writesCanonicalTOMLValues() throws {
        var document = try TOMLDocument(parsing: "a = 1\n")
        try document.setValue("say \"hi\"\\\n\t\u{1}", at: ["a"])
        #expect(document.text == "a = \"say \\\"hi\\\"\\\\\\n\\t\\u0001\"\n")
        try document.setValue(.array([1, 2.5, .float(.infinity), true]), at: ["a"])
        #expect(document.text == "a = [1, 2.5, inf, true]\n")
        try document.setValue(
            .table(["version": "^2.31", "extras": .array(["socks"]), "odd key": 1]), at: ["a"])
        #expect(
            document.text == "a = { version = \"^2.31\", extras = [\"socks\"], \"odd key\" = 1 }\n")
        #expect(try TOMLTable(parsing: document.text)["a"]?["odd key"] == 1)
    }

    @Test func replacesOneArrayElement() throws {
        var document = try TOMLDocument(
            parsing: """
                [project]
                dependencies = [
                    "httpx (>=0.27,<0.29)",
                    "grpcio (==1.62.2)",          # pinned: see INC-4411
                ]
                """)
        try document.setElement("grpcio (>=1.66)", at: 1, inArrayAt: ["project", "dependencies"])
        #expect(
            document.text == """
                [project]
                dependencies = [
                    "httpx (>=0.27,<0.29)",
                    "grpcio (>=1.66)",          # pinned: see INC-4411
                ]
                """)
    }

    // MARK: - Adding keys

    @Test func addsAKeyAfterTheLastKeyLineOfItsSection() throws {
        var document = try TOMLDocument(
            parsing: """
                [tool.poetry.dependencies]
                python = "^3.9"
                requests = "^2.31"  # http

                # Development tools
                [tool.poetry.group.dev.dependencies]
                pytest = "^8.0"

                """)
        try document.setValue("^0.27", at: ["tool", "poetry", "dependencies", "httpx"])
        try document.setValue(
            "^5.0", at: ["tool", "poetry", "group", "dev", "dependencies", "pytest-cov"])
        #expect(
            document.text == """
                [tool.poetry.dependencies]
                python = "^3.9"
                requests = "^2.31"  # http
                httpx = "^0.27"

                # Development tools
                [tool.poetry.group.dev.dependencies]
                pytest = "^8.0"
                pytest-cov = "^5.0"

                """)
    }

    @Test func addedKeysFollowIndentationAndSpacing() throws {
        var document = try TOMLDocument(parsing: "  [tool.ruff]\n  line-length=88\n[other]\n")
        try document.setValue("py311", at: ["tool", "ruff", "target-version"])
        #expect(
            document.text
                == "  [tool.ruff]\n  line-length=88\n  target-version=\"py311\"\n[other]\n")
    }

    @Test func addsAKeyAfterAMultiLineValue() throws {
        var document = try TOMLDocument(parsing: "[project]\ndeps = [\n  \"a\",\n]  # end\n\n[x]\n")
        try document.setValue(">=3.10", at: ["project", "requires-python"])
        #expect(
            document.text
                == "[project]\ndeps = [\n  \"a\",\n]  # end\nrequires-python = \">=3.10\"\n\n[x]\n")
    }

    @Test func addsAKeyAtTheEndOfAFileWithoutANewline() throws {
        var document = try TOMLDocument(parsing: "[t]\na = 1")
        try document.setValue(2, at: ["t", "b"])
        #expect(document.text == "[t]\na = 1\nb = 2\n")
    }

    @Test func addsAKeyBelowAnEmptyHeader() throws {
        var document = try TOMLDocument(parsing: "[a]\n\n[b]\nx = 1\n")
        try document.setValue(true, at: ["a", "flag"])
        #expect(document.text == "[a]\nflag = true\n\n[b]\nx = 1\n")
    }

    @Test func addsADottedKeyToATableWrittenWithDottedKeys() throws {
        var document = try TOMLDocument(parsing: Samples.bytes("dotted-pyproject.toml"))
        let before = document.text
        try document.setValue("^0.27", at: ["tool", "poetry", "dependencies", "httpx"])
        let expected = before.replacingOccurrences(
            of: "extras = [\"jupyter\"] }\n",
            with: "extras = [\"jupyter\"] }\ndependencies.httpx = \"^0.27\"\n")
        #expect(document.text == expected)
        #expect(document.value(at: ["tool", "poetry", "dependencies", "httpx"]) == "^0.27")
    }

    @Test func addsAKeyToAnInlineTableInItsStyle() throws {
        var document = try TOMLDocument(parsing: "requests = {version = \"^2.31\"}\nempty = {}\n")
        try document.setValue(.array(["socks"]), at: ["requests", "extras"])
        try document.setValue(1, at: ["empty", "x"])
        #expect(
            document.text
                == "requests = {version = \"^2.31\", extras = [\"socks\"]}\nempty = { x = 1 }\n")
    }

    @Test func addsAMissingTableAfterTheSectionsOfItsParent() throws {
        var document = try TOMLDocument(
            parsing: """
                [tool.poetry.dependencies]
                python = "^3.9"

                [tool.poetry.group.dev.dependencies]
                pytest = "^8.0"

                [build-system]
                requires = ["poetry-core"]
                """)
        try document.setValue(
            "^7.0", at: ["tool", "poetry", "group", "docs", "dependencies", "sphinx"])
        try document.setValue("x", at: ["tool", "black", "target"])
        #expect(
            document.text == """
                [tool.poetry.dependencies]
                python = "^3.9"

                [tool.poetry.group.dev.dependencies]
                pytest = "^8.0"

                [tool.poetry.group.docs.dependencies]
                sphinx = "^7.0"

                [tool.black]
                target = "x"

                [build-system]
                requires = ["poetry-core"]
                """)
    }

    @Test func addsAnImplicitTableBeforeItsFirstChildAndItsComments() throws {
        var document = try TOMLDocument(
            parsing: """
                title = "x"

                # Runtime
                [tool.poetry.dependencies]
                python = "^3.9"

                """)
        try document.setValue("demo", at: ["tool", "poetry", "name"])
        #expect(
            document.text == """
                title = "x"

                [tool.poetry]
                name = "demo"

                # Runtime
                [tool.poetry.dependencies]
                python = "^3.9"

                """)
    }

    @Test func addsATableOfAnEmptyDocumentAtTheEnd() throws {
        var document = try TOMLDocument(parsing: "")
        try document.setValue("demo", at: ["tool", "poetry", "name"])
        #expect(document.text == "[tool.poetry]\nname = \"demo\"\n")
    }

    @Test func keepsWindowsLineEndings() throws {
        var document = try TOMLDocument(parsing: Samples.bytes("crlf-pyproject.toml"))
        try document.setValue("^0.27", at: ["tool", "poetry", "dependencies", "httpx"])
        try document.removeValue(at: ["tool", "poetry", "name"])
        #expect(
            document.text
                == "# Windows line endings\r\n[tool.poetry]\r\nversion = \"0.1.0\"\r\n\r\n"
                + "[tool.poetry.dependencies]\r\npython = \"^3.11\"\r\nrequests = \"^2.32\"\r\n"
                + "httpx = \"^0.27\"\r\n")
    }

    // MARK: - Removing keys

    @Test func removesAKeyLineWithItsComment() throws {
        var document = try TOMLDocument(
            parsing: """
                [tool.poetry.dependencies]
                python = "^3.9"
                shippo-core = "1.0.20230105"          # vendor SDK, pins grpcio
                grpcio = ">=1.51,<1.60"

                """)
        try document.removeValue(at: ["tool", "poetry", "dependencies", "shippo-core"])
        #expect(
            document.text == """
                [tool.poetry.dependencies]
                python = "^3.9"
                grpcio = ">=1.51,<1.60"

                """)
    }

    @Test func removesInlineTableEntriesWithTheirCommas() throws {
        var document = try TOMLDocument(
            parsing: "d = { version = \"^1\", python = \"<3.12\", optional = true }\n")
        try document.removeValue(at: ["d", "python"])
        #expect(document.text == "d = { version = \"^1\", optional = true }\n")
        try document.removeValue(at: ["d", "optional"])
        #expect(document.text == "d = { version = \"^1\" }\n")
        try document.removeValue(at: ["d", "version"])
        #expect(document.text == "d = {}\n")
    }

    @Test func removesAMultiLineValueWithAllItsLines() throws {
        var document = try TOMLDocument(
            parsing: """
                [project]
                name = "x"
                dependencies = [
                    "httpx",  # client
                ]  # end
                version = "1"

                """)
        try document.removeValue(at: ["project", "dependencies"])
        #expect(document.text == "[project]\nname = \"x\"\nversion = \"1\"\n")
    }

    @Test func addsToTheRootTableBeforeTheFirstHeader() throws {
        var document = try TOMLDocument(parsing: "# top\ntitle = \"x\"\n\n[a]\nb = 1\n")
        try document.setValue(2, at: ["count"])
        #expect(document.text == "# top\ntitle = \"x\"\ncount = 2\n\n[a]\nb = 1\n")
    }

    @Test func positionsFollowEdits() throws {
        var document = try TOMLDocument(parsing: "[a]\nx = 1\n[b]\ny = 2\n")
        try document.setValue("a much longer value", at: ["a", "x"])
        try document.setValue(3, at: ["a", "z"])
        let y = try #require(document.root.entry(at: ["b", "y"]))
        #expect(y.keySpan.line == 5)
        #expect(Array(document.bytes[y.valueSpan.bytes]) == Array("2".utf8))
    }

    // MARK: - Refused edits

    @Test func refusesEditsThatCannotBeMadeInPlace() throws {
        let source = "[tool.poetry]\nname = \"x\"\n[[package]]\nname = \"a\"\n"
        var document = try TOMLDocument(parsing: source)
        #expect(throws: TOMLError.self) { try document.setValue(1, at: ["tool", "poetry"]) }
        #expect(throws: TOMLError.self) { try document.setValue(1, at: ["package"]) }
        #expect(throws: TOMLError.self) { try document.removeValue(at: ["tool"]) }
        #expect(throws: TOMLError.self) {
            try document.removeValue(at: ["tool", "poetry", "missing"])
        }
        #expect(throws: TOMLError.self) {
            try document.setValue(1, at: ["tool", "poetry", "name", "x"])
        }
        #expect(throws: TOMLError.self) {
            try document.setElement(1, at: 0, inArrayAt: ["tool", "poetry", "name"])
        }
        #expect(document.text == source)
        do {
            try document.setValue(1, at: ["tool", "poetry", "name", "x"])
        } catch {
            #expect(error.message == "'tool.poetry.name' is a string, not a table")
            #expect(error.line == 2)
        }
    }

    // MARK: - Helpers

    /// The lines of `bytes`, split at line feeds only (Swift treats CRLF as one
    /// character, so splitting text would not).
    private func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: ASCII.newline, omittingEmptySubsequences: false)
    }

    /// Paths of every non-table value reachable through tables.
    private func leafPaths(_ table: TOMLTable, prefix: [String] = []) -> [[String]] {
        table.flatMap { entry -> [[String]] in
            if case .table(let child) = entry.value {
                return leafPaths(child, prefix: prefix + [entry.key])
            }
            if case .array(let array) = entry.value, array.isArrayOfTables { return [] }
            return [prefix + [entry.key]]
        }
    }

    private func entry(at path: [String], in root: TOMLTable) -> TOMLTable.Entry? {
        let parent = path.count == 1 ? root : root.value(at: path.dropLast())?.table
        return parent?.entry(forKey: path[path.count - 1])
    }
}
