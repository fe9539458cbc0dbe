// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "irkb",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "irkb", targets: ["irkb"]),
        .library(name: "IRStore", targets: ["IRStore"]),
        .library(name: "IRIngest", targets: ["IRIngest"]),
        .library(name: "IRQuery", targets: ["IRQuery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .target(name: "CSQLiteConfig", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "IRStore",
            dependencies: ["CSQLiteConfig", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        .target(
            name: "IRIngest",
            dependencies: ["IRStore"],
            exclude: ["Lexicon/README.md", "Lexicon/Data"]
        ),
        .target(
            name: "IRQuery",
            dependencies: ["IRStore"]
        ),
        .executableTarget(
            name: "irkb",
            dependencies: [
                "IRIngest", "IRQuery", "IRStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "irkb-bench", dependencies: ["IRIngest", "IRQuery", "IRStore"], path: "Benchmarks"),
        .testTarget(name: "IRStoreTests", dependencies: ["IRStore"]),
        .testTarget(name: "IRIngestTests", dependencies: ["IRIngest", "IRStore"]),
        .testTarget(name: "IRQueryTests", dependencies: ["IRQuery", "IRIngest", "IRStore"], exclude: ["Golden"]),
        .testTarget(name: "irkbTests", dependencies: ["irkb"]),
    ]
)
