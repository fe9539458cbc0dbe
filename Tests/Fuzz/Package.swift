// swift-tools-version: 6.1
// A libFuzzer target over irkb's article readers and the whole extraction pipeline.
// Kept out of the main package: `-sanitize=fuzzer` would break a plain `swift build`.
// Build and run with ./run.sh SECONDS (Linux).
import PackageDescription

let package = Package(
    name: "IRFuzz",
    dependencies: [
        .package(name: "irkb", path: "../.."),
    ],
    targets: [
        .target(name: "FuzzerEntry"),
        .executableTarget(
            name: "IRFuzz",
            dependencies: ["FuzzerEntry", .product(name: "IRIngest", package: "irkb")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
