// swift-tools-version: 6.3
import PackageDescription

/// Settings shared by every target: strict existentials and explicit member imports.
let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// A library target under `Sources/<name>` with the shared settings.
func library(_ name: String, _ dependencies: [Target.Dependency] = []) -> Target {
    .target(name: name, dependencies: dependencies, swiftSettings: sharedSettings)
}

/// A Swift Testing target under `Tests/<name>` whose fixtures live in `Resources/`.
func tests(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .testTarget(
        name: name,
        dependencies: dependencies,
        resources: [.copy("Resources")],
        swiftSettings: sharedSettings
    )
}

let package = Package(
    name: "Preflight",
    products: [
        .executable(name: "preflight", targets: ["PreflightTool"]),
        .executable(name: "preflight-bench", targets: ["PreflightBenchmarks"]),
        .library(name: "PreflightKit", targets: ["Preflight"]),
    ],
    targets: [
        library("TOML"),
        library("PythonPackaging"),
        library("Poetry", ["TOML", "PythonPackaging"]),
        library("PackageIndex", ["PythonPackaging", "Poetry"]),
        library("Preflight", ["TOML", "PythonPackaging", "Poetry", "PackageIndex"]),
        library(
            "PreflightCLI", ["Preflight", "TOML", "PythonPackaging", "Poetry", "PackageIndex"]),
        .executableTarget(
            name: "PreflightTool",
            dependencies: ["PreflightCLI"],
            swiftSettings: sharedSettings
        ),
        .executableTarget(
            name: "PreflightBenchmarks",
            dependencies: ["Preflight", "TOML", "PythonPackaging", "Poetry", "PackageIndex"],
            swiftSettings: sharedSettings
        ),
        .target(
            name: "VectorSupport", path: "Tests/VectorSupport", swiftSettings: sharedSettings),
        tests("TOMLTests", ["TOML"]),
        tests("PythonPackagingTests", ["PythonPackaging", "VectorSupport"]),
        tests("PoetryTests", ["Poetry", "TOML", "PythonPackaging", "VectorSupport"]),
        tests("PackageIndexTests", ["PackageIndex", "PythonPackaging", "Poetry"]),
        tests("PreflightTests", ["Preflight", "PythonPackaging", "Poetry", "TOML"]),
        tests("PreflightCLITests", ["PreflightCLI", "Preflight"]),
    ],
    swiftLanguageModes: [.v6]
)
