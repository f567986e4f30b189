import Foundation
import Testing

@testable import TOML

/// Hostile and corrupted input must give a ``TOMLError``, never a crash or a hang.
@Suite struct TOMLRobustnessTests {
    /// Parses `bytes`, which may fail, and checks that a failure points inside them.
    private func parseAllowingErrors(_ bytes: [UInt8]) {
        do {
            _ = try TOMLTable(parsing: bytes)
        } catch {
            let lineCount = bytes.count { $0 == ASCII.newline } + 1
            #expect(error.line >= 1 && error.line <= lineCount)
            #expect(error.column >= 1)
            #expect(!error.message.isEmpty)
        }
    }

    @Test(arguments: Samples.names.filter { !$0.contains("analytics-poetry") })
    func corruptedCopiesGiveErrorsNotCrashes(_ name: String) {
        let original = Samples.bytes(name)
        var generator = SeededGenerator(state: UInt64(name.utf8.count) &* 7919)
        let interesting: [UInt8] =
            Array("\"'[]{}=.,#\\\n\r\t 0_+-:eTZ".utf8) + [0, 0x7F, 0xC0, 0xE0, 0xED, 0xFF]
        let rounds = original.count > 20_000 ? 300 : 600
        var failures = 0
        for _ in 0..<rounds {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[position] = interesting.randomElement(using: &generator)!
                case 1: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 2: bytes.insert(interesting.randomElement(using: &generator)!, at: position)
                default: bytes.removeSubrange(position...)
                }
                if bytes.isEmpty { break }
            }
            if (try? TOMLTable(parsing: bytes)) == nil { failures += 1 }
            parseAllowingErrors(bytes)
        }
        #expect(failures > rounds / 4)
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let depth = 100_000
        let cases: [(String, String)] = [
            ("arrays", "a = " + String(repeating: "[", count: depth)),
            ("inline tables", "a = " + String(repeating: "{b = ", count: depth)),
            ("dotted key", String(repeating: "a.", count: depth) + "a = 1"),
            ("header", "[" + String(repeating: "a.", count: depth) + "a]"),
            ("mixed", "a = " + String(repeating: "[{b = ", count: depth)),
        ]
        for (name, source) in cases {
            #expect(throws: TOMLError.self, "\(name)") { try TOMLTable(parsing: source) }
            do {
                _ = try TOMLTable(parsing: source)
            } catch {
                #expect(
                    error.message == "nesting deeper than 128 levels is not supported", "\(name)")
            }
        }
    }

    @Test func nestingUpToTheLimitParses() throws {
        let depth = TOMLParser.maximumDepth - 1
        let source =
            "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try #require(try TOMLTable(parsing: source)["a"])
        var levels = 1
        while let inner = value.array?.first {
            value = inner
            levels += 1
        }
        #expect(levels == depth)
    }

    @Test func nulAndControlBytesAreErrors() {
        let cases: [[UInt8]] = [
            [0],
            Array(repeating: 0, count: 10_000),
            Array("a = \"x".utf8) + [0] + Array("\"".utf8),
            Array("a = 1".utf8) + [0],
            Array("# comment".utf8) + [0] + Array("\n".utf8),
            Array("a = '''".utf8) + [0x08] + Array("'''".utf8),
            Array("[a".utf8) + [0] + Array("]".utf8),
        ]
        for bytes in cases {
            #expect(throws: TOMLError.self) { try TOMLTable(parsing: bytes) }
        }
    }

    @Test func invalidUTF8AnywhereIsAnError() {
        let bad: [[UInt8]] = [
            [0xFF], [0xC0, 0xAF], [0xED, 0xB0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
            [0xE2, 0x28, 0xA1],
        ]
        for sequence in bad {
            for (prefix, suffix) in [
                ("a = \"", "\""), ("# ", ""), ("", " = 1"), ("a = '''", "'''"),
            ] {
                let bytes = Array(prefix.utf8) + sequence + Array(suffix.utf8)
                #expect(throws: TOMLError.self, "\(bytes)") { try TOMLTable(parsing: bytes) }
            }
        }
    }

    @Test func veryLongLinesAndNumbersParse() throws {
        let long = String(repeating: "x", count: 5_000_000)
        #expect(try TOMLTable(parsing: "a = \"\(long)\"")["a"]?.string?.count == 5_000_000)
        let wide = "a = [" + String(repeating: "\"é\", ", count: 200_000) + "]"
        #expect(try TOMLTable(parsing: wide)["a"]?.array?.count == 200_000)

        let digits = String(repeating: "9", count: 10_000)
        #expect(throws: TOMLError.self) { try TOMLTable(parsing: "a = \(digits)") }
        #expect(try TOMLTable(parsing: "a = 0.\(digits)")["a"]?.float == 1.0)
        #expect(try TOMLTable(parsing: "a = 1e\(digits)")["a"]?.float == .infinity)
        #expect(throws: TOMLError.self) { try TOMLTable(parsing: "a = 0x\(digits)") }
        #expect(throws: TOMLError.self) {
            try TOMLTable(parsing: "a = " + String(repeating: "\"", count: 10_000))
        }
    }

    @Test func emptyAndBlankDocumentsAreEmptyTables() throws {
        for source in ["", "\n", "   \n\t\n", "# only a comment", "\u{FEFF}"] {
            #expect(try TOMLTable(parsing: source).isEmpty)
        }
    }
}

extension TOMLRobustnessTests {
    @Test func errorsOnVeryLongLinesEchoAnExcerpt() {
        let source = "a = [" + String(repeating: "1, ", count: 100_000) + "x]"
        #expect {
            try TOMLTable(parsing: source)
        } throws: { error in
            guard let error = error as? TOMLError else { return false }
            #expect(error.column == 300_006)
            #expect(error.sourceLine == String(repeating: "1, ", count: 20) + "x]")
            #expect(
                error.annotatedDescription.hasSuffix(
                    "\n  | " + String(repeating: " ", count: 60) + "^"))
            return true
        }
    }
}

extension TOMLRobustnessTests {
    @Test func messagesQuoteAtMostAnExcerptOfHugeTokens() {
        let sources = [
            "a = " + String(repeating: "9", count: 1_000_000),
            "a = t" + String(repeating: "x", count: 1_000_000),
            String(repeating: "k", count: 1_000_000) + " 1",
            "a = 1_" + String(repeating: "0", count: 1_000_000) + "x",
        ]
        for source in sources {
            #expect {
                try TOMLTable(parsing: source)
            } throws: { error in
                guard let error = error as? TOMLError else { return false }
                #expect(error.message.count < 200, "\(error.message.prefix(100))")
                return true
            }
        }
    }
}
