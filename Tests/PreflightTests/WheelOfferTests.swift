import Testing

@testable import Preflight

@Suite struct WheelOfferTests {
    struct Case: Sendable, CustomStringConvertible {
        var platform: String
        var files: [String]
        var summary: String
        var description: String { summary }
    }

    @Test(arguments: [
        Case(
            platform: "debian",
            files: [
                "g-1-cp37-cp37m-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "g-1-cp38-cp38-manylinux_2_17_aarch64.manylinux2014_aarch64.whl",
                "g-1-cp311-cp311-musllinux_1_1_x86_64.whl",
                "g-1-cp310-cp310-macosx_12_0_universal2.whl", "g-1-cp39-cp39-win_amd64.whl",
            ],
            summary: """
                wheels for cp37–cp311 on manylinux_2_17 x86_64/aarch64, musllinux_1_1 x86_64, \
                macOS and Windows; none for cp314
                """),
        Case(
            platform: "alpine",
            files: ["k-1-cp314-cp314-manylinux_2_28_x86_64.whl"],
            summary: "wheels for cp314 on manylinux_2_28 x86_64; none for musllinux x86_64"),
        Case(
            platform: "alpine",
            files: ["k-1-cp311-cp311-manylinux_2_28_x86_64.whl", "k-1-cp39-abi3-win_amd64.whl"],
            summary: """
                wheels for cp311 and cp39-abi3 (any later CPython) on manylinux_2_28 x86_64 \
                and Windows; none for musllinux x86_64
                """),
        Case(
            platform: "debian",
            files: ["p-1-py2-none-any.whl"],
            summary: "only pure-Python wheels (py2)"),
        Case(
            platform: "debian",
            files: [
                "n-1-cp313-cp313t-manylinux_2_17_x86_64.whl",
                "n-1-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl",
            ],
            summary: "wheels for cp313t and PyPy on manylinux_2_17 x86_64; none for cp314"),
    ])
    func summary(_ test: Case) throws {
        let target = try CheckTarget(python: "3.14", platform: test.platform)
        var reader = WheelReader(target: target)
        let wheels = test.files.compactMap { reader.read($0) }
        #expect(wheels.count == test.files.count)
        #expect(WheelOffer.summary(of: wheels, target: target) == test.summary)
    }

    @Test func listJoinsWithCommasAndAnd() {
        #expect(WheelOffer.list([]) == "")
        #expect(WheelOffer.list(["a"]) == "a")
        #expect(WheelOffer.list(["a", "b"]) == "a and b")
        #expect(WheelOffer.list(["a", "b", "c"]) == "a, b and c")
    }
}
