// swift-tools-version: 6.0
import PackageDescription

// The libFuzzer target for issue 8, kept out of the main build: `-sanitize=fuzzer` only makes sense for
// this one executable, and the root package's `swift build`/`swift test` must not need it.
// `Fuzz/run.sh [SECONDS]` builds it (release, fuzzer + AddressSanitizer) and runs it over a seed corpus
// copied from ../shared/corpus.
let package = Package(
    name: "ReadinessFuzz",
    // macOS 15: Synchronization's Mutex (batch progress, the role loader, the batch runner).
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "readiness", path: ".."),
    ],
    targets: [
        .target(name: "FuzzerDriver"),
        .executableTarget(
            name: "fuzz-parse",
            dependencies: ["FuzzerDriver", .product(name: "ReadinessKit", package: "readiness")]
        ),
    ]
)
