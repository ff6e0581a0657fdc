import Foundation
import Testing
import VideoCore

@testable import VideoRender

/// Scenes that change over time: the quiz reveals its answer on the narration's word.
@Suite struct QuizRevealTests {
    static let still = SceneTimeline.still(duration: 10, fps: 30)

    func bytes(_ canvas: Canvas) -> Data { canvas.withBGRA { Data(bytes: $0, count: $1 * canvas.height) } }

    /// Words 0.5 s apart from 0.4 s, each 0.4 s long, times from the scene's start.
    func timeline(_ narration: String, duration: Double = 12, fps: Int = 30) -> SceneTimeline {
        let words = narration.split(separator: " ").enumerated().map { i, word in
            WordTiming(text: String(word), startTime: 0.4 + 0.5 * Double(i), endTime: 0.8 + 0.5 * Double(i))
        }
        return SceneTimeline(
            duration: duration, frameCount: Int(duration * Double(fps)), fps: fps, words: words)
    }

    @Test func quizRevealsItsAnswerAtItsKeyframe() throws {
        let scene = try SampleScene.quizShort.scene()
        let registry = RendererRegistry.standard
        #expect(try registry.keyframes(for: scene, timeline: Self.still) == [0, 6], "60 % without words")
        let context = RenderContext(resolution: Resolution(width: 1280, height: 720), accentColor: .pink)
        func pixels(_ time: Double) throws -> (Data, Canvas) {
            let canvas = try registry.render(scene, context: context, at: SceneClock(time: time, timeline: Self.still))
            return (bytes(canvas), canvas)
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
        #expect(bytes(try registry.render(scene, context: context)) == after)
    }

    @Test func theRevealFallsOnTheWordThatStartsTheAnswer() throws {
        let scene = try SampleScene.quizShort.scene()
        let registry = RendererRegistry.standard
        // The answer starts on word 15, "B:", at 0.4 + 0.5 × 15 = 7.9 s (not on the first "B:").
        let said = timeline("Quiz time. Which one? Is it A: var; or B: let? Think. The answer is B: let. Let binds.")
        let onB = 0.4 + 0.5 * 15
        #expect(said.words[15].text == "B:" && said.words[15].startTime == onB)
        #expect(try registry.keyframes(for: scene, timeline: said) == [0, onB])
        // Case and punctuation do not matter; the old character rule would say about 4.7 s.
        let shouted = timeline("Quiz time! Which one? Think it over, then listen. THE ANSWER, is... let!")
        #expect(try registry.keyframes(for: scene, timeline: shouted) == [0, 0.4 + 0.5 * 12])
        // The picture follows the keyframe: the question just before the word, the answer on it.
        let context = RenderContext(resolution: Resolution(width: 320, height: 180))
        let question = try registry.render(scene, context: context, at: SceneClock(time: onB - 0.01, timeline: said))
        let answer = try registry.render(scene, context: context, at: SceneClock(time: onB, timeline: said))
        #expect(
            bytes(question)
                == bytes(try registry.render(scene, context: context, at: SceneClock(time: 0, timeline: said))))
        #expect(bytes(answer) == bytes(try registry.render(scene, context: context)))
        #expect(bytes(question) != bytes(answer))
    }

    @Test func theRevealFallsBackWithoutTheCueAndYieldsToRevealAfter() throws {
        var quiz = QuizContent(question: "Q?", options: ["a", "b"], answerIndex: 0)
        func keyframes(_ timeline: SceneTimeline) throws -> [Double] {
            try RendererRegistry.standard.keyframes(
                for: try SceneConfig(sceneID: "q", content: .quiz(quiz)), timeline: timeline)
        }
        let said = timeline("Quiz time. Q? The answer is A.", duration: 10)
        #expect(try keyframes(said) == [0, 0.4 + 0.5 * 6])
        #expect(try keyframes(timeline("Quiz time. Q? It is A.", duration: 10)) == [0, 6], "no cue: 60 %")
        #expect(try keyframes(.still(duration: 4, fps: 30)) == [0, 4 * QuizContent.defaultRevealFraction])
        quiz.revealAfter = 2.5
        #expect(try keyframes(said) == [0, 2.5], "reveal_after wins over the words")
        quiz.revealAfter = 30
        #expect(try keyframes(said) == [0, 9], "the answer stays up for the last tenth")
        quiz.revealAfter = nil
        #expect(try keyframes(.still(duration: 0, fps: 30)) == [0])
        // A cue said at the very end still reveals inside the scene, on its last frame at the latest.
        let late = timeline("The answer is A.", duration: 1.5)
        #expect(try keyframes(late) == [0, 1.5 - 1.0 / 30])
    }

    @Test func theRevealFollowsTheManifestsWordsWithinItsScene() async throws {
        let quiz = try SampleScene.quizShort.scene()
        let config = try VideoConfig(
            videoID: "q", title: "Quiz",
            scenes: [try SceneConfig(sceneID: "t", content: .title(TitleContent(title: "Hi"))), quiz])
        let manifest = try await VideoPipeline().plan(config, synthesizer: ToneSynthesizer())
        let timing = manifest.scenes[1]
        let timeline = SceneTimeline(timing, fps: manifest.fps)
        #expect(
            timing.startTime > 0 && timeline.duration == timing.duration && timeline.frameCount == timing.frameCount)
        // From the scene's start, rounded to the microsecond (`SceneTiming.wordsFromSceneStart`).
        #expect(abs(timeline.words.first!.startTime - (timing.words.first!.startTime - timing.startTime)) < 1e-6)
        #expect(timeline.words == timing.wordsFromSceneStart)
        // The default narration says "… The answer is B: let. …".
        let texts = timing.words.map(\.text)
        let cue = try #require(texts.indices.first { texts[$0...].starts(with: ["The", "answer", "is"]) })
        #expect(texts[cue + 3] == "B:")
        let expected = timing.words[cue + 3].startTime - timing.startTime
        let reveal = try RendererRegistry.standard.keyframes(for: quiz, timeline: timeline)[1]
        #expect(abs(reveal - expected) <= 1.0 / Double(manifest.fps))
        #expect(reveal > 0.5 * timeline.duration, "the answer comes late in the narration")
    }

    @Test func stillScenesHaveOneKeyframeAndIgnoreTime() throws {
        let scene = try SampleScene.listShort.scene()
        let timeline = SceneTimeline.still(duration: 8, fps: 30)
        #expect(timeline.frameCount == 240 && timeline.words.isEmpty)
        #expect(try RendererRegistry.standard.keyframes(for: scene, timeline: timeline) == [0])
        let context = RenderContext(resolution: Resolution(width: 320, height: 180))
        let a = try RendererRegistry.standard.render(
            scene, context: context, at: SceneClock(time: 0, timeline: timeline))
        let b = try RendererRegistry.standard.render(scene, context: context, at: .end(of: timeline))
        #expect(bytes(a) == bytes(b))
        #expect(SceneClock.end(of: timeline).time == 8 && SceneClock.end(of: timeline).duration == 8)
    }
}
