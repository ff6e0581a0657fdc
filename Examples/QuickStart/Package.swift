// swift-tools-version:6.0
import PackageDescription

// A downstream app that depends on vgen by path: it adds its own scene type ("metric"),
// with a renderer and a narration template, and builds a video with ProgrammaticVideoBuilder.
let package = Package(
    name: "QuickStart",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "vgen", path: "../..")],
    targets: [
        .target(
            name: "QuickStartKit",
            dependencies: [
                .product(name: "VideoCore", package: "vgen"), .product(name: "VideoAI", package: "vgen"),
                .product(name: "VideoRender", package: "vgen"),
            ]),
        .executableTarget(
            name: "quickstart",
            dependencies: [
                "QuickStartKit", .product(name: "VideoCore", package: "vgen"),
                .product(name: "VideoRender", package: "vgen"),
            ]),
        .testTarget(
            name: "QuickStartKitTests",
            dependencies: [
                "QuickStartKit", .product(name: "VideoCore", package: "vgen"),
                .product(name: "VideoRender", package: "vgen"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
