// swift-tools-version:6.0
import PackageDescription

/// vgen: documents into narrated videos, photos and music into beat-synced montages.
///
/// Data enters through the input adapters (`VideoCore`), flows through the pipeline stages
/// (script in `VideoAI`, speech in `VideoCore`, frames and encoding in `VideoRender`) and
/// leaves as an MP4 with its timing manifest, captions and metadata.
let swiftSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "vgen",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "VideoCore", targets: ["VideoCore"]),
        .library(name: "VideoAI", targets: ["VideoAI"]),
        .library(name: "VideoRender", targets: ["VideoRender"]),
        .executable(name: "vgen", targets: ["vgen"]),
        .executable(name: "vgen-engine", targets: ["vgen-engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // The job service (`vgen serve`, Docs/Service.md); only the vgen executable links them.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        // The shared job store for many `vgen worker` processes (Docs/Service.md).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // C libraries, one shim target per family. Only the thin wrappers in the Swift
        // targets below import these.
        .systemLibrary(
            name: "CFFmpeg", pkgConfig: "libavformat",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libswscale-dev", "libswresample-dev"])]),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3", providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"])]),
        .systemLibrary(name: "CEspeakNG", pkgConfig: "espeak-ng", providers: [.apt(["libespeak-ng-dev"])]),
        // flite ships no pkg-config file; the module map links the library and its four voices.
        .systemLibrary(name: "CFlite", providers: [.apt(["flite1-dev"])]),
        .systemLibrary(
            name: "CPocketSphinx", pkgConfig: "pocketsphinx",
            providers: [.apt(["libpocketsphinx-dev", "pocketsphinx-en-us"])]),

        // Models, input adapters, timing manifest, speech, media I/O, pipeline.
        .target(
            name: "VideoCore",
            dependencies: [
                "CFFmpeg", "CCmarkGFM", "CEspeakNG", "CFlite", "CPangoCairo", .product(name: "Yams", package: "Yams"),
            ],
            resources: [.process("Resources")], swiftSettings: swiftSettings),
        // Narration writers, captions, metadata, music analysis, edit planning.
        .target(name: "VideoAI", dependencies: ["VideoCore", "CFFTW", "CPocketSphinx"], swiftSettings: swiftSettings),
        // Scene renderers, drawing, encoding, the assembled pipeline.
        .target(
            name: "VideoRender", dependencies: ["VideoCore", "VideoAI", "CPangoCairo", "CRsvg", "CFFmpeg"],
            swiftSettings: swiftSettings),
        // The command line (Docs/Startup.md): every command's declarations, with nothing but
        // ArgumentParser, so the front starts without the C libraries.
        .target(
            name: "VGenCommandLine", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/vgen/CommandLine", swiftSettings: swiftSettings),
        // `vgen`, what users run: answers help and usage errors itself and execs `vgen-engine`,
        // beside it, for a command that does work. The static Swift runtime keeps its start-up
        // to a few shared objects.
        .executableTarget(
            name: "vgen", dependencies: ["VGenCommandLine"], path: "Sources/vgen/Front", swiftSettings: swiftSettings,
            linkerSettings: [
                .unsafeFlags(["-static-stdlib"]),
                // FoundationEssentials (ArgumentParser imports it) names these archives only as
                // autolink entries the static link does not follow.
                .linkedLibrary("_FoundationCollections"), .linkedLibrary("_FoundationCShims"),
                .linkedLibrary("swiftSynchronization"),
            ]),
        // `vgen-engine`: the commands' work, the job service and its workers.
        .executableTarget(
            name: "vgen-engine",
            dependencies: [
                "VGenCommandLine", "VideoCore", "VideoAI", "VideoRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Sources/vgen/Engine", swiftSettings: swiftSettings),

        // What every test target shares: self-removing temporary folders, an event recorder,
        // subprocesses, and generated media (photos, clips, music, WAV files) and documents.
        .target(
            name: "VideoTestSupport", dependencies: ["VideoCore", "VideoAI", "VideoRender"],
            path: "Tests/VideoTestSupport",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "VideoCoreTests", dependencies: ["VideoCore", "CFFmpeg", "VideoTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "VideoAITests", dependencies: ["VideoAI", "VideoCore", "VideoTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "VideoRenderTests", dependencies: ["VideoRender", "VideoAI", "VideoCore", "VideoTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "vgenTests",
            dependencies: [
                "vgen-engine", "VGenCommandLine", "VideoCore", "VideoAI", "VideoRender", "VideoTestSupport",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)

// Sanitizer runs of the core suites (`make test-asan`, `make test-tsan`; Docs/Sanitizers.md) set
// VGEN_CORE_ONLY=1: the manifest then leaves out the `vgen` executables, their tests and the service
// packages only it links, which is most of a clean build's time.
if Context.environment["VGEN_CORE_ONLY"] == "1" {
    package.products.removeAll { $0.name == "vgen" || $0.name == "vgen-engine" }
    package.targets.removeAll { ["vgen", "vgen-engine", "VGenCommandLine", "vgenTests"].contains($0.name) }
    // Only Yams is left in use; the others are not even fetched.
    package.dependencies = [.package(url: "https://github.com/jpsim/Yams", from: "5.0.1")]
    // VGEN_TEST_TARGETS (the Makefile passes SAN_SUITES) keeps only the test targets it names,
    // so a sanitizer build compiles no suite it will not run.
    if let wanted = Context.environment["VGEN_TEST_TARGETS"] {
        package.targets.removeAll { $0.type == .test && !wanted.contains($0.name) }
        // VideoCore's suite alone, without the fuzz program (the ThreadSanitizer build), needs
        // neither VideoAI nor VideoRender: the test support then leaves out the fixtures
        // that use them.
        let needsAll = ["VideoAITests", "VideoRenderTests"].contains { wanted.contains($0) }
        if !needsAll && Context.environment["VGEN_FUZZER_RUNTIME"] == nil {
            package.targets.removeAll { $0.name == "VideoAI" || $0.name == "VideoRender" }
            package.products.removeAll { $0.name == "VideoAI" || $0.name == "VideoRender" }
            for target in package.targets where target.name == "VideoTestSupport" {
                target.dependencies = ["VideoCore"]
                target.exclude = [
                    "Media/MontageFixtures.swift", "Media/MontageFixtures+Peak.swift", "Media/TalkFixture.swift",
                ]
            }
        }
    }
}

// The libFuzzer program (`make fuzz`, Docs/Fuzzing.md) exists when VGEN_FUZZER_RUNTIME names
// the toolchain's `libclang_rt.fuzzer_no_main` archive, in the sanitizer build (`make
// test-asan`): its modules are compiled with AddressSanitizer and coverage counters, and its
// `main` calls that archive's driver.
if let fuzzerRuntime = Context.environment["VGEN_FUZZER_RUNTIME"] {
    package.targets += [
        .target(name: "CLibFuzzer", path: "Tests/Fuzz/CLibFuzzer"),
        .executableTarget(
            name: "vgen-fuzz", dependencies: ["CLibFuzzer", "VideoCore", "VideoAI", "VideoRender", "VideoTestSupport"],
            path: "Tests/Fuzz/vgen-fuzz", swiftSettings: swiftSettings,
            linkerSettings: [.unsafeFlags(["-Xlinker", fuzzerRuntime]), .linkedLibrary("stdc++")]),
    ]
    package.products.append(.executable(name: "vgen-fuzz", targets: ["vgen-fuzz"]))
}
