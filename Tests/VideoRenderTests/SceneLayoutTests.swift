import Foundation
import Testing
import VideoCore

@testable import VideoRender

/// Layouts that adapt to the frame's shape, large sizes, and scenes that change over time.
@Suite struct SceneLayoutTests {
    func render(_ sample: SampleScene, _ resolution: Resolution, theme: VideoTheme = .dark, accent: AccentColor = .blue)
        throws
        -> (Canvas, RenderContext)
    {
        let context = RenderContext(
            resolution: resolution, accentColor: accent, theme: theme, sceneIndex: 4, sceneCount: 12,
            videoTitle: "Layouts")
        return (try RendererRegistry.standard.render(try sample.scene(), context: context), context)
    }

    func expectInside(_ canvas: Canvas, _ context: RenderContext, _ label: String) throws {
        let ink = try #require(canvas.inkBounds(background: context.theme.background), "\(label): nothing drawn")
        #expect(context.safeArea.contains(ink), "\(label): ink \(ink) leaves safe area \(context.safeArea)")
    }

    @Test(arguments: [Resolution(width: 3840, height: 2160), Resolution(width: 2160, height: 3840)])
    func fourKStaysInsideSafeArea(resolution: Resolution) throws {
        let (canvas, context) = try render(.comparisonShort, resolution)
        try expectInside(canvas, context, "4K \(resolution)")
        #expect(canvas.count(of: context.theme.text, tolerance: 0.1, step: 8) > 200)
    }

    @Test(arguments: [
        SampleScene.comparisonShort, .solutionShort, .exerciseShort, .checkpointShort, .quizShort, .problemShort,
    ])
    func fullHDPortraitAndLightSquareStayInside(sample: SampleScene) throws {
        let (portrait, p) = try render(sample, Resolution(width: 1080, height: 1920), accent: .green)
        try expectInside(portrait, p, "1080x1920")
        let (square, s) = try render(sample, Resolution(width: 1080, height: 1080), theme: .light, accent: .cyan)
        try expectInside(square, s, "light 1080x1080")
        #expect(square.count(of: VideoTheme.light.text, tolerance: 0.1, step: 3) > 100)
    }

    /// The horizontal bands of `area` whose rows are at least `fraction` covered by `color`:
    /// how many panels or cards are stacked.
    func bands(of canvas: Canvas, color: RGBColor, in area: Rect, fraction: Double) -> Int {
        var count = 0, inBand = false
        for y in Int(area.minY)..<Int(area.maxY) {
            var hits = 0, total = 0
            for x in stride(from: Int(area.minX), to: Int(area.maxX), by: 2) {
                total += 1
                let p = canvas.pixel(x: x, y: y)
                if abs(p.red - color.red) < 0.02, abs(p.green - color.green) < 0.02, abs(p.blue - color.blue) < 0.02 {
                    hits += 1
                }
            }
            let covered = Double(hits) >= Double(total) * fraction
            if covered && !inBand { count += 1 }
            inBand = covered
        }
        return count
    }

    @Test func codeComparisonIsSideBySideWhenWideAndStackedWhenTall() throws {
        // The panels' title bars are drawn in the theme's surface colour: one band of bars
        // side by side, or two bands one above the other.
        let (wide, w) = try render(.comparisonShort, Resolution(width: 1280, height: 720))
        #expect(bands(of: wide, color: w.theme.surface, in: w.safeArea, fraction: 0.6) == 1)
        let (tall, t) = try render(.comparisonShort, Resolution(width: 720, height: 1280))
        #expect(bands(of: tall, color: t.theme.surface, in: t.safeArea, fraction: 0.6) == 2)
        let (square, s) = try render(.comparisonShort, Resolution(width: 720, height: 720))
        #expect(bands(of: square, color: s.theme.surface, in: s.safeArea, fraction: 0.6) == 2)
    }

    @Test func quizOptionsUseTwoColumnsOnlyWhenWide() throws {
        // Rows of unrevealed option cards, before the reveal.
        func rows(_ resolution: Resolution) throws -> Int {
            let context = RenderContext(resolution: resolution, sceneCount: 1)
            let canvas = try RendererRegistry.standard.render(
                try SampleScene.quizShort.scene(), context: context,
                at: SceneClock(time: 0, timeline: .still(duration: 10, fps: 30)))
            let card = context.theme.surface.mixed(with: context.theme.background, fraction: 0.3)
            return bands(of: canvas, color: card, in: context.safeArea, fraction: 0.3)
        }
        #expect(try rows(Resolution(width: 1280, height: 720)) == 2)
        #expect(try rows(Resolution(width: 720, height: 1280)) == 4)
    }

    @Test func paintAtAnOffsetPlacesTheOtherCanvas() throws {
        let big = try Canvas(width: 40, height: 30), small = try Canvas(width: 10, height: 10)
        big.fill(.black)
        small.fill(.white)
        big.paint(small, at: Point(x: 35, y: 5))
        #expect(big.inkBounds(background: .black) == Rect(x: 35, y: 5, width: 5, height: 10))
    }
}
