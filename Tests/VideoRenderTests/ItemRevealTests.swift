import Foundation
import Testing
import VideoCore

@testable import VideoRender

/// Items light up on the word where the narration first says them.
@Suite struct ItemRevealTests {
    /// Words 0.5 s apart from 0.4 s, times from the scene's start.
    func timeline(_ narration: String, duration: Double = 20, reveals: Bool = true) -> SceneTimeline {
        let words = narration.split(separator: " ").enumerated().map { i, word in
            WordTiming(text: String(word), startTime: 0.4 + 0.5 * Double(i), endTime: 0.8 + 0.5 * Double(i))
        }
        return SceneTimeline(
            duration: duration, frameCount: Int(duration * 30), fps: 30, words: words, revealsItems: reveals)
    }

    func time(ofWord index: Int) -> Double { 0.4 + 0.5 * Double(index) }

    @Test func itemsAreFoundInOrderPastTheHeading() {
        // "Swift" is in the heading and in the first item: the heading does not light it.
        let said = timeline(
            "Swift tools. Here are 3 points. First, Swift packages build fast. Second, the tests run. Finally, ship it."
        )
        let reveal = ItemReveal(
            ["Swift packages build fast", "The tests run in parallel", "Ship it to users"], heading: "Swift tools",
            timeline: said)
        #expect(reveal.times == [time(ofWord: 7), time(ofWord: 13), time(ofWord: 16)])
        #expect(reveal.keyframes == [0] + reveal.times)
        #expect(reveal.lit(at: time(ofWord: 13) - 0.01) == [true, false, false])
        #expect(reveal.lit(at: time(ofWord: 13)) == [true, true, false])
    }

    @Test func unspokenItemsAndRevealNoneAreLitFromTheStart() {
        let said = timeline("Here is one thing. First, caching helps.")
        let reveal = ItemReveal(["Caching helps", "Nobody says this"], heading: nil, timeline: said)
        #expect(reveal.times == [time(ofWord: 5), 0])
        let none = ItemReveal(
            ["Caching helps"], heading: nil, timeline: timeline("First, caching helps.", reveals: false))
        #expect(none.times == [0] && none.keyframes == [0])
        #expect(ItemReveal(["a"], heading: nil, timeline: .still(duration: 5, fps: 30)).keyframes == [0])
    }

    @Test func constraintsAreLookedForAfterTheStatement() {
        // The statement says "memory" too; the constraint lights up where the constraints are said.
        let said = timeline(
            "Here is a problem: Sum. Add numbers held in memory. Keep this constraint in mind: memory is small.")
        let reveal = ItemReveal(
            ["Memory is small"], heading: nil, preamble: "Add numbers held in memory.", timeline: said)
        #expect(reveal.times == [time(ofWord: 15)])
    }

    @Test func everyListLikeRendererPlacesKeyframesOnItsWords() throws {
        let registry = RendererRegistry.standard
        let said = timeline("What you will learn. First, install the toolchain. Then create and build a package.")
        let objectives = try SceneConfig(
            sceneID: "o",
            content: .learningObjectives(
                LearningObjectivesContent(
                    heading: "What you will learn", objectives: ["Install the toolchain", "Create and build a package"])
            ))
        #expect(try registry.keyframes(for: objectives, timeline: said) == [0, time(ofWord: 5), time(ofWord: 9)])
        let exercise = try SceneConfig(
            sceneID: "e",
            content: .exercise(
                ExerciseContent(title: "Try", instructions: "Reverse it.", hints: ["Walk from the end"])))
        let hinted = timeline("Now it's your turn. Try. Reverse it. Here is a hint: walk from the end.")
        #expect(try registry.keyframes(for: exercise, timeline: hinted) == [0, time(ofWord: 11)])
        // Drawn dimmed before, lit from the keyframe on; the still shows everything lit.
        let context = RenderContext(resolution: Resolution(width: 640, height: 360))
        let bytes = { (t: Double) in
            try registry.render(objectives, context: context, at: SceneClock(time: t, timeline: said))
                .withBGRA { Data(bytes: $0, count: $1 * 360) }
        }
        #expect(try bytes(0) != bytes(time(ofWord: 5)))
        #expect(
            try bytes(time(ofWord: 9))
                == registry.render(objectives, context: context).withBGRA {
                    Data(bytes: $0, count: $1 * 360)
                })
    }

    @Test func codeScenesHighlightTheLineTheNarrationNames() throws {
        let code = "let total = sum(values)\nprint(total)\nsave(report)"
        let said = timeline("Here sum adds them up, and save writes the report.")
        let cues = CodeLineCues(code: code, timeline: said)
        #expect(cues.changes.map(\.line) == [0, 2])
        #expect(cues.keyframes == [0, time(ofWord: 1), time(ofWord: 6)])
        #expect(cues.line(at: 0) == nil && cues.line(at: time(ofWord: 3)) == 0 && cues.line(at: 19) == 2)
        #expect(CodeLineCues(code: code, timeline: timeline("Nothing named here.")).keyframes == [0])
        let scene = try SceneConfig(
            sceneID: "c", content: .command(CommandContent(heading: "Sum", code: code, language: "swift")))
        let context = RenderContext(resolution: Resolution(width: 640, height: 360))
        let before = try RendererRegistry.standard.render(
            scene, context: context, at: SceneClock(time: 0, timeline: said))
        let after = try RendererRegistry.standard.render(
            scene, context: context, at: SceneClock(time: time(ofWord: 1), timeline: said))
        let band = CodePanel.highlightColor(context)
        #expect(before.count(of: band, tolerance: 0.02) < 10)
        #expect(after.count(of: band, tolerance: 0.02) > 200)
    }
}
