import Testing

@testable import PreflightCLI

@Suite struct DebugTOMLDecodeTests {
    @Test func validTOMLPrintsTaggedJSON() {
        let captured = CapturedConsole(
            input: "a = 1\nb = [\"x\", 1.5, nan]\n[t]\nd = 1979-05-27T07:32:00Z\n")
        #expect(runPreflight(["debug", "toml-decode"], console: captured.console) == .success)
        #expect(
            captured.outputText == #"{"a":{"type":"integer","value":"1"},"b":["#
                + #"{"type":"string","value":"x"},{"type":"float","value":"1.5"},"#
                + #"{"type":"float","value":"nan"}],"t":{"d":"#
                + #"{"type":"datetime","value":"1979-05-27T07:32:00Z"}}}"# + "\n")
        #expect(captured.errorText.isEmpty)
    }

    @Test func invalidTOMLExitsOneWithTheErrorOnStderr() {
        let captured = CapturedConsole(input: "[tool]\nname \"x\"\n")
        #expect(runPreflight(["debug", "toml-decode"], console: captured.console) == .notReady)
        #expect(captured.outputText.isEmpty)
        #expect(
            captured.errorText == """
                error: line 2, column 6: expected '=' after key 'name', found '"'
                2 | name "x"
                  |      ^

                """)
    }
}
