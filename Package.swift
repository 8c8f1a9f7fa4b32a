// swift-tools-version: 6.0
import PackageDescription

// The folders follow the flow of DESIGN.md: Markup (the only module that sees libxml2) → Extraction
// (one file per résumé format) → Roles (profiles and rubrics) → Scoring (one file per criterion kind) →
// Reporting (one file per output format) → the thin `readiness` command.
let package = Package(
    name: "readiness",
    // macOS 15: Synchronization's Mutex (batch progress, the role loader, the batch runner).
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "readiness", targets: ["readiness"]),
        .library(name: "ReadinessKit", targets: ["Extraction", "Roles", "Scoring", "Reporting", "Batch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "Markup", dependencies: ["CLibXML2"]),
        .target(name: "Extraction", dependencies: ["Markup"]),
        .target(
            name: "Roles",
            dependencies: ["Extraction", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Defaults")]
        ),
        .target(name: "Scoring", dependencies: ["Extraction", "Roles"]),
        .target(
            name: "Reporting",
            dependencies: ["Extraction", "Roles", "Scoring", .product(name: "Plot", package: "Plot")]
        ),
        .target(name: "Batch", dependencies: ["Extraction", "Roles", "Scoring", "Reporting"]),
        .executableTarget(
            name: "readiness",
            dependencies: [
                "Extraction", "Roles", "Scoring", "Reporting", "Batch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A deterministic random generator shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MarkupTests", dependencies: ["Markup", "TestSupport"]),
        .testTarget(
            name: "ExtractionTests",
            dependencies: ["Extraction", "Markup", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ScoringTests",
            dependencies: ["Extraction", "Roles", "Scoring", "Reporting", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CommandTests",
            dependencies: ["Extraction", "Reporting", "Batch", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
