import Foundation
import Testing
@testable import VideoRender

/// Layouts that adapt to the frame's shape, large sizes, and scenes that change over time.
@Suite struct SceneLayoutTests {
    func render(_ sample: SampleScene, _ resolution: Resolution, theme: Theme = .dark, accent: AccentColor = .blue) throws
        -> (Canvas, RenderContext)
    {
        let context = RenderContext(
            resolution: resolution, accentColor: accent, theme: theme, sceneIndex: 4, sceneCount: 12, videoTitle: "Layouts")
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

    @Test(arguments: [SampleScene.comparisonShort, .solutionShort, .exerciseShort, .checkpointShort, .quizShort, .problemShort])
    func fullHDPortraitAndLightSquareStayInside(sample: SampleScene) throws {
        let (portrait, p) = try render(sample, Resolution(width: 1080, height: 1920), accent: .green)
        try expectInside(portrait, p, "1080x1920")
        let (square, s) = try render(sample, Resolution(width: 1080, height: 1080), theme: .light, accent: .cyan)
        try expectInside(square, s, "light 1080x1080")
        #expect(square.count(of: Theme.light.text, tolerance: 0.1, step: 3) > 100)
    }

    /// How many pixels of `color` lie in each half of the safe area: (left, right, top, bottom).
    func halves(of canvas: Canvas, color: RGBColor, in area: Rect) -> (left: Int, right: Int, top: Int, bottom: Int) {
        var result = (left: 0, right: 0, top: 0, bottom: 0)
        for y in stride(from: Int(area.minY), to: Int(area.maxY), by: 3) {
            for x in stride(from: Int(area.minX), to: Int(area.maxX), by: 3) {
                let p = canvas.pixel(x: x, y: y)
                guard abs(p.red - color.red) < 0.02, abs(p.green - color.green) < 0.02, abs(p.blue - color.blue) < 0.02 else { continue }
                if Double(x) < area.center.x { result.left += 1 } else { result.right += 1 }
                if Double(y) < area.center.y { result.top += 1 } else { result.bottom += 1 }
            }
        }
        return result
    }

    @Test func codeComparisonIsSideBySideWhenWideAndStackedWhenTall() throws {
        // The panels' title bars are drawn in the theme's surface colour.
        let (wide, w) = try render(.comparisonShort, Resolution(width: 1280, height: 720))
        let wideBars = halves(of: wide, color: w.theme.surface, in: w.safeArea)
        #expect(wideBars.left > 200 && wideBars.right > 200, "\(wideBars)")
        #expect(wideBars.bottom < wideBars.top, "both bars are near the top: \(wideBars)")

        let (tall, t) = try render(.comparisonShort, Resolution(width: 720, height: 1280))
        let tallBars = halves(of: tall, color: t.theme.surface, in: t.safeArea)
        #expect(tallBars.top > 100 && tallBars.bottom > 100, "one bar in each half: \(tallBars)")
    }

    @Test func quizOptionsUseTwoColumnsOnlyWhenWide() throws {
        // The card fill of unrevealed options, before the reveal.
        func cards(_ resolution: Resolution) throws -> (Int, Int, Int, Int) {
            let context = RenderContext(resolution: resolution, sceneCount: 1)
            let canvas = try RendererRegistry.standard.render(
                try SampleScene.quizShort.scene(), context: context, at: SceneClock(time: 0, duration: 10))
            let h = halves(of: canvas, color: context.theme.surface.mixed(with: context.theme.background, fraction: 0.3), in: context.safeArea)
            return (h.left, h.right, h.top, h.bottom)
        }
        let wide = try cards(Resolution(width: 1280, height: 720))
        #expect(wide.1 > wide.0 / 2, "right column holds cards: \(wide)")
        let tall = try cards(Resolution(width: 720, height: 1280))
        #expect(tall.1 < tall.0, "one column, starting left: \(tall)")
    }

    // MARK: - Time

    @Test func quizRevealsItsAnswerAtItsKeyframe() throws {
        let scene = try SampleScene.quizShort.scene()
        let registry = RendererRegistry.standard
        let keyframes = try registry.keyframes(for: scene, duration: 10)
        #expect(keyframes == [0, 6])
        let context = RenderContext(resolution: Resolution(width: 1280, height: 720), accentColor: .pink)
        func pixels(_ time: Double) throws -> (Data, Canvas) {
            let canvas = try registry.render(scene, context: context, at: SceneClock(time: time, duration: 10))
            return (canvas.withBGRA { Data(bytes: $0, count: $1 * canvas.height) }, canvas)
        }
        let (before, beforeCanvas) = try pixels(0)
        let (stillBefore, _) = try pixels(5.9)
        let (after, afterCanvas) = try pixels(6)
        #expect(before == stillBefore, "nothing changes between keyframes")
        #expect(before != after)
        // The correct card is tinted with the accent only after the reveal.
        let tint = context.accent.mixed(with: context.theme.background, fraction: 0.72)
        #expect(beforeCanvas.count(of: tint, tolerance: 0.02) < 20)
        #expect(afterCanvas.count(of: tint, tolerance: 0.02) > 500)
        // A still shows the answer.
        let still = try registry.render(scene, context: context)
        #expect(still.withBGRA { Data(bytes: $0, count: $1 * still.height) } == after)
    }

    @Test func revealTimeFollowsTheSettingThenTheNarration() throws {
        var quiz = QuizContent(question: "Q?", options: ["a", "b"], answerIndex: 0)
        #expect(quiz.revealTime(duration: 10) == 6)
        let narration = "Quiz time. Q? Is it A or B? Take a moment. The answer is A."
        let cue = Double(narration.distance(from: narration.startIndex, to: narration.range(of: "The answer is")!.lowerBound))
        #expect(abs(quiz.revealTime(duration: 10, narration: narration) - 10 * cue / Double(narration.count)) < 1e-9)
        quiz.revealAfter = 2.5
        #expect(quiz.revealTime(duration: 10, narration: narration) == 2.5)
        quiz.revealAfter = 30
        #expect(quiz.revealTime(duration: 10) == 9, "the answer stays up for the last tenth")
        #expect(quiz.revealTime(duration: 0) == 0)
        let scene = try SceneConfig(sceneID: "q", content: .quiz(quiz), narration: narration)
        #expect(QuizRenderer().keyframes(for: scene, duration: 4) == [0, 3.6])
    }

    @Test func stillScenesHaveOneKeyframeAndIgnoreTime() throws {
        let scene = try SampleScene.listShort.scene()
        #expect(try RendererRegistry.standard.keyframes(for: scene, duration: 8) == [0])
        let context = RenderContext(resolution: Resolution(width: 320, height: 180))
        let a = try RendererRegistry.standard.render(scene, context: context, at: SceneClock(time: 0, duration: 8))
        let b = try RendererRegistry.standard.render(scene, context: context, at: .end(of: 8))
        #expect(a.withBGRA { Data(bytes: $0, count: $1 * a.height) } == b.withBGRA { Data(bytes: $0, count: $1 * b.height) })
    }

    @Test func paintAtAnOffsetPlacesTheOtherCanvas() throws {
        let big = try Canvas(width: 40, height: 30), small = try Canvas(width: 10, height: 10)
        big.fill(.black)
        small.fill(.white)
        big.paint(small, at: Point(x: 35, y: 5))
        #expect(big.inkBounds(background: .black) == Rect(x: 35, y: 5, width: 5, height: 10))
    }
}
