import Foundation
import Testing
import VideoRender

/// Sample scenes for renderer tests, short and pathologically long.
enum SampleScene: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case titleShort, titleLong, listShort, listLong, listMany, commandShort, commandLong, commandCode, quoteShort,
        quoteLong, outroShort, outroLong

    var testDescription: String { rawValue }

    static let longText = String(
        repeating: "Rendering pipelines turn structured documents into narrated frames, one scene at a time. ", count: 17)
        .prefix(1_500).description

    func scene() throws -> SceneConfig {
        let content: SceneContent
        switch self {
        case .titleShort: content = .title(TitleContent(title: "Getting Started with Swift", subtitle: "Part 1 · Installing the toolchain"))
        case .titleLong: content = .title(TitleContent(title: Self.longText, subtitle: Self.longText))
        case .listShort:
            content = .list(ListContent(heading: "What you will learn", items: [
                "Install Swift on Linux and macOS", "Create a package with swift package init",
                "Build, run and test from the command line", "Add a dependency",
            ]))
        case .listLong:
            content = .list(ListContent(heading: Self.longText, items: Array(repeating: Self.longText, count: 6)))
        case .listMany:
            content = .list(ListContent(heading: "Fifty items", items: (1...50).map { "Item number \($0) with a few words" }))
        case .commandShort:
            content = .command(CommandContent(
                heading: "Create a package", code: "mkdir Hello && cd Hello\nswift package init --type executable\nswift run",
                language: "bash", caption: "SwiftPM writes Package.swift and a main.swift for you."))
        case .commandLong:
            let code = (1...40).map { "swift build --configuration release --product tool\($0) --jobs 2 # line \($0)" }
                .joined(separator: "\n")
            content = .command(CommandContent(heading: Self.longText, code: code, language: nil, caption: Self.longText))
        case .commandCode:
            content = .command(CommandContent(
                heading: "A first function",
                code: "func greet(_ name: String) -> String {\n    return \"Hello, \\(name)!\"\n}\n\nprint(greet(\"world\"))",
                language: "swift", caption: "Functions take labelled arguments."))
        case .quoteShort:
            content = .quote(QuoteContent(
                text: "Simplicity is prerequisite for reliability.", attribution: "Edsger W. Dijkstra"))
        case .quoteLong: content = .quote(QuoteContent(text: Self.longText, attribution: Self.longText))
        case .outroShort: content = .outro(OutroContent(title: "Thanks for watching", subtitle: "Next: Swift packages in depth"))
        case .outroLong: content = .outro(OutroContent(title: Self.longText, subtitle: Self.longText))
        }
        return try SceneConfig(sceneID: rawValue, content: content)
    }
}

extension Canvas {
    /// How many pixels are within `tolerance` (0–1 per channel) of `color`.
    func count(of color: RGBColor, tolerance: Double = 0.04, step: Int = 2) -> Int {
        var n = 0
        for y in stride(from: 0, to: height, by: step) {
            for x in stride(from: 0, to: width, by: step) {
                let p = pixel(x: x, y: y)
                if abs(p.red - color.red) <= tolerance, abs(p.green - color.green) <= tolerance,
                    abs(p.blue - color.blue) <= tolerance
                {
                    n += 1
                }
            }
        }
        return n
    }
}

/// A directory for images tests write for people to look at.
func contactDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vgen-render-contact", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
