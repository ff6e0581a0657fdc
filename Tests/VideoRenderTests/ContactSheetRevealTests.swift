import Foundation
import Testing
import VideoAI
import VideoCore

@testable import VideoRender

/// The contact sheet a person judges: every scene type at 16:9 and 9:16, light and dark, each
/// as it ends and, for scenes that change while they play, part-way through its reveal. Every
/// tile keeps its ink inside the title-safe area (5 % of the width and of the height from
/// each edge: the graphics-safe area of EBU R 95 and ITU-R BT.1848, see Docs/SceneTypes.md)
/// and draws no text cut short with "…".
@Suite struct ContactSheetRevealTests {
    static let shapes: [(name: String, size: Resolution)] = [
        ("16x9", Resolution(width: 640, height: 360)), ("9x16", Resolution(width: 360, height: 640)),
    ]
    /// The samples that change while they play, shown part-way through as well.
    static let revealing: [SampleScene] = [
        .listShort, .objectivesShort, .problemShort, .checkpointShort, .exerciseShort, .commandCode, .quizShort,
    ]

    /// A scene's template narration, one word every 0.5 s from 0.4 s.
    static func timeline(for scene: SceneConfig) -> SceneTimeline {
        var narration = TemplateNarrationWriter.narration(for: scene.content, videoTitle: "Contact sheet")
        if case .command(let c) = scene.content, let line = c.code.split(separator: "\n").first {
            narration += " Look at \(line.split(separator: "(").first ?? line)."  // names the first line
        }
        let words = narration.split(separator: " ").enumerated().map { i, word in
            WordTiming(text: String(word), startTime: 0.4 + 0.5 * Double(i), endTime: 0.8 + 0.5 * Double(i))
        }
        let duration = 0.4 + 0.5 * Double(words.count) + 1
        return SceneTimeline(duration: duration, frameCount: Int(duration * 30), fps: 30, words: words)
    }

    /// Each tile: its label, the scene and the moment it is drawn at (`nil`: its end, as a still).
    static func samples() throws -> [(label: String, scene: SceneConfig, clock: SceneClock?)] {
        var result: [(String, SceneConfig, SceneClock?)] = []
        for sample in SampleScene.oneOfEachType + [.imageSVG] {
            let scene = try sample.scene()
            result.append((sample.rawValue, scene, nil))
        }
        for sample in revealing {
            let scene = try sample.scene()
            let timeline = timeline(for: scene)
            let keyframes = try RendererRegistry.standard.keyframes(for: scene, timeline: timeline)
            #expect(keyframes.count > 1, "\(sample) does not change as it is said")
            // Part-way: after the first change, before the last (a quiz before its answer).
            let time =
                sample == .quizShort ? 0 : keyframes.count > 2 ? keyframes[keyframes.count / 2] : keyframes[1]
            result.append(("\(sample.rawValue) at \(time)s", scene, SceneClock(time: time, timeline: timeline)))
        }
        return result
    }

    @Test func everyTileIsTitleSafeAndWhole() throws {
        let tiles = try Self.samples()
        for (name, size) in Self.shapes {
            for theme in [VideoTheme.dark, .light] {
                let gap = 12, columns = size.width > size.height ? 4 : 7
                let rows = (tiles.count + columns - 1) / columns
                let sheet = try Canvas(
                    width: columns * size.width + (columns + 1) * gap, height: rows * size.height + (rows + 1) * gap)
                sheet.fill(RGBColor(hex: 0x555555))
                for (i, tile) in tiles.enumerated() {
                    let context = RenderContext(
                        resolution: size, accentColor: AccentColor.allCases[i % AccentColor.allCases.count],
                        theme: theme, sceneIndex: i, sceneCount: tiles.count, videoTitle: "Contact sheet")
                    let canvas =
                        try tile.clock.map {
                            try RendererRegistry.standard.render(tile.scene, context: context, at: $0)
                        }
                        ?? RendererRegistry.standard.render(tile.scene, context: context)
                    let ink = try #require(canvas.inkBounds(background: theme.background), "\(tile.label)")
                    #expect(
                        context.safeArea.contains(ink), "\(tile.label) \(name): ink \(ink) outside \(context.safeArea)")
                    #expect(canvas.cutTexts.isEmpty, "\(tile.label) \(name) cuts \(canvas.cutTexts)")
                    sheet.paint(
                        canvas,
                        at: Point(
                            x: Double(gap + (i % columns) * (size.width + gap)),
                            y: Double(gap + (i / columns) * (size.height + gap))))
                }
                let url = try contactDirectory().appendingPathComponent(
                    "sheet-\(name)-\(theme == .dark ? "dark" : "light").png")
                try sheet.writePNG(to: url)
                print("contact sheet: \(url.path)")
            }
        }
    }
}
