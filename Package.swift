// swift-tools-version: 6.0
import PackageDescription

// The library is split into targets along the pipeline; across targets the optimiser may
// inline only what it is told it may. Full cross-module optimisation lets a release build
// inline across the walls as it did inside one library (the walls are for the type checker,
// not for the generated code): the whole build 3.4 % faster (20 alternating runs each on the
// bench workspace, 0.734 s against 0.760 s).
let optimised: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "boardpack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "boardpack", targets: ["boardpack"]),
        .library(name: "BoardpackKit", targets: ["BoardpackKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev ships libcmark-gfm.pc, which links both libraries.
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The pipeline as walls the compiler keeps (see Sources/README.md): each
        // target may import only the targets above it in this list.
        .target(
            name: "BoardpackSupport",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: optimised
        ),
        .target(name: "BoardpackMarkdown", dependencies: ["CMarkGFM", "BoardpackSupport"], swiftSettings: optimised),
        .target(
            name: "BoardpackContent",
            dependencies: [
                "BoardpackSupport", "BoardpackMarkdown",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ], swiftSettings: optimised
        ),
        .target(name: "BoardpackFormat", dependencies: ["BoardpackContent"], swiftSettings: optimised),
        .target(
            name: "BoardpackMetrics",
            dependencies: [
                "BoardpackSupport", "BoardpackMarkdown", "BoardpackContent", "BoardpackFormat",
                .product(name: "Yams", package: "Yams"),
            ], swiftSettings: optimised
        ),
        .target(
            name: "BoardpackPresentation",
            dependencies: [
                "BoardpackSupport", "BoardpackMarkdown", "BoardpackContent", "BoardpackFormat", "BoardpackMetrics",
                .product(name: "Mustache", package: "swift-mustache"),
            ], swiftSettings: optimised
        ),
        .target(name: "BoardpackSite", dependencies: ["BoardpackSupport"], swiftSettings: optimised),
        .target(
            name: "BoardpackKit",
            dependencies: [
                "BoardpackSupport", "BoardpackMarkdown", "BoardpackContent", "BoardpackFormat", "BoardpackMetrics", "BoardpackPresentation",
                "BoardpackSite",
            ], swiftSettings: optimised
        ),
        .executableTarget(
            name: "boardpack",
            dependencies: [
                "BoardpackSupport", "BoardpackMarkdown", "BoardpackContent", "BoardpackFormat", "BoardpackMetrics", "BoardpackPresentation",
                "BoardpackSite", "BoardpackKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: optimised
        ),
        // libFuzzer targets for the parsers (SPEC §7, Fuzz/README.md). They live in this package
        // because the parsers are `package` declarations. Built only when named (`--product
        // fuzz-csv`, or by `swift test`, which builds every target), never for `--product
        // boardpack`. A plain build replays files (`scripts/fuzz-replay.sh`, in `make test`);
        // built with libFuzzer and `-DFUZZING` each is a fuzzer (`scripts/fuzz.sh`, `make fuzz`).
        .target(name: "FuzzSupport", dependencies: ["BoardpackSupport"], path: "Sources/Fuzz/Support"),
        .executableTarget(
            name: "fuzz-csv", dependencies: ["BoardpackSupport", "BoardpackContent", "BoardpackMetrics", "FuzzSupport"],
            path: "Sources/Fuzz/CSV"
        ),
        .executableTarget(
            name: "fuzz-yaml", dependencies: ["BoardpackSupport", "BoardpackContent", "BoardpackMetrics", "FuzzSupport"],
            path: "Sources/Fuzz/YAML"
        ),
        .executableTarget(
            name: "fuzz-frontmatter", dependencies: ["BoardpackSupport", "BoardpackContent", "BoardpackMarkdown", "FuzzSupport"],
            path: "Sources/Fuzz/FrontMatter"
        ),
        .executableTarget(
            name: "fuzz-formula", dependencies: ["BoardpackSupport", "BoardpackMetrics", "FuzzSupport"],
            path: "Sources/Fuzz/Formula"
        ),
        .executableTarget(
            name: "fuzz-embeds",
            dependencies: [
                "BoardpackSupport", "BoardpackMarkdown", "BoardpackContent", "BoardpackMetrics", "BoardpackPresentation", "FuzzSupport",
            ],
            path: "Sources/Fuzz/Embeds"
        ),
        .testTarget(
            name: "BoardpackKitTests",
            dependencies: [
                "BoardpackSupport", "BoardpackMarkdown", "BoardpackContent", "BoardpackFormat", "BoardpackMetrics", "BoardpackPresentation",
                "BoardpackSite", "BoardpackKit", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
