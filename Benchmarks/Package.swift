// swift-tools-version: 6.0
import PackageDescription

// The benchmark for issue 7, kept out of the main build: a deterministic résumé generator and a
// bare-libxml2 "floor" program. `Benchmarks/run.sh` builds this package and the root one and times
// `readiness batch` against the floor on the same files.
//
// Neither program depends on the root package: the generator needs nothing from it, and the floor must
// measure libxml2 alone (with the same parse options as Sources/Markup/MarkupParser.swift), not our layer.
let package = Package(
    name: "ReadinessBenchmarks",
    platforms: [.macOS(.v13)],
    targets: [
        // Its own module name, so it can never clash with the root package's CLibXML2.
        .systemLibrary(
            name: "BenchLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .executableTarget(name: "generate-resumes"),
        .executableTarget(name: "parse-floor", dependencies: ["BenchLibXML2"]),
    ]
)
