import Testing

@testable import PreflightCLI

@Suite struct DebugPEP508AndWheelTests {
    func run(_ tool: String, _ input: String) -> [String] {
        let captured = CapturedConsole(input: input)
        #expect(runPreflight(["debug", tool], console: captured.console) == .success)
        return captured.outputText.split(separator: "\n").map(String.init)
    }

    @Test func requirementAndMarkerLines() {
        let lines = run(
            "pep508",
            """
            {"op":"requirement","input":"Foo[b,a] (>=1,<2) ; Extra=='x'"}
            {"op":"requirement","input":"foo @ https://x/y.whl ; extra=='Dev_Tools'"}
            {"op":"requirement","input":"foo ==="}
            {"op":"marker","marker":"python_version >= '3.9' and extra == 'a'",\
            "env":{"python_version":"3.14","extra":"A"}}
            {"op":"marker","marker":"sys_platform == 'linux'","env":{}}
            {"op":"frobnicate"}

            """)
        #expect(
            lines == [
                #"{"valid":false,"error":"expected a marker variable or quoted string, found "#
                    + #"'Extra=='x''\n    Foo[b,a] (>=1,<2) ; Extra=='x'\n"#
                    + #"                        ^"}"#,
                #"{"valid":true,"name":"foo","extras":[],"specifier":"","url":"https://x/y.whl","#
                    + #""marker":"extra == \"dev-tools\""}"#,
                #"{"valid":false,"error":"expected semicolon (after name with no version "#
                    + #"specifier) or end, found '==='\n    foo ===\n        ^"}"#,
                #"{"valid":true,"result":true}"#,
                #"{"valid":false,"error":"the environment does not define the marker variable "#
                    + #"'sys_platform'"}"#,
                #"{"valid":false,"error":"expected 'requirement' or 'marker' for 'op', "#
                    + #"found 'frobnicate'"}"#,
            ])
    }

    @Test func wheelLines() {
        let lines = run(
            "wheel",
            """
            {"filename":"grpcio-1.76.0-cp314-cp314-musllinux_1_2_x86_64.whl",\
            "python":"3.14","platform":"alpine"}
            {"filename":"grpcio-1.76.0-cp314-cp314-musllinux_1_2_x86_64.whl",\
            "python":"3.14","platform":"debian"}
            {"filename":"grpcio-1.76.0.tar.gz","python":"3.14","platform":"debian"}
            {"filename":"a-1-py3-none-any.whl","python":"3.14","platform":"solaris"}

            """)
        #expect(
            lines == [
                #"{"valid":true,"name":"grpcio","version":"1.76.0","build":null,"#
                    + #""tags":["cp314-cp314-musllinux_1_2_x86_64"],"compatible":true}"#,
                #"{"valid":true,"name":"grpcio","version":"1.76.0","build":null,"#
                    + #""tags":["cp314-cp314-musllinux_1_2_x86_64"],"compatible":false}"#,
                #"{"valid":false,"error":"expected a '.whl', '.tar.gz' or '.zip' file, "#
                    + #"found 'grpcio-1.76.0.tar.gz'"}"#,
                #"{"valid":false,"error":"unsupported platform 'solaris'; expected debian, "#
                    + #"debian-arm64, alpine, alpine-arm64 or a platform tag such as "#
                    + #"'manylinux_2_28_x86_64'"}"#,
            ])
    }
}
