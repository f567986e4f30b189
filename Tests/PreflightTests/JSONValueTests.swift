import Testing

@testable import Preflight

@Suite struct JSONValueTests {
    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":"x\ny"}"#,
        #"[]"#,
        #"{}"#,
        #"-12.5e+3"#,
        #""\u00e9\ud83d\ude00""#,
    ])
    func roundTripsThroughRendering(_ text: String) throws {
        let value = try JSONValue(parsing: text)
        #expect(try JSONValue(parsing: value.rendered()) == value)
    }

    @Test func keepsKeyOrderAndEscapes() {
        let value = JSONValue.object([("z", .int(1)), ("a", .string("q\"\u{01}"))])
        #expect(value.rendered() == #"{"z":1,"a":"q\"\u0001"}"#)
    }

    @Test(arguments: ["", "{", "[1,]", "01", "\"abc", "{\"a\" 1}", "tru", "1 2"])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func refusesHostileNesting() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep) }
    }
}
