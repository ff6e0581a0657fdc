import Foundation
import Testing
import VideoTestSupport

@testable import VideoRender

/// Transitions between scenes and scenes whose picture changes over time (a quiz).
@Suite struct PipelineTransitionTests {
    private func solid(_ color: RGBColor) throws -> Canvas {
        let canvas = try Canvas(width: 64, height: 36)
        canvas.fill(color)
        return canvas
    }

    @Test func transitionsBlendAsNamed() throws {
        let red = try solid(RGBColor(red: 1, green: 0, blue: 0))
        let blue = try solid(RGBColor(red: 0, green: 0, blue: 1))
        let black = RGBColor.black
        let cut = try SceneTransition(kind: .cut, background: black).frame(from: red, to: blue, progress: 0.3)
        #expect(cut.pixel(x: 10, y: 10).blue > 0.99)
        let cross = try SceneTransition(kind: .crossfade, background: black).frame(from: red, to: blue, progress: 0.5)
        #expect(abs(cross.pixel(x: 10, y: 10).red - 0.5) < 0.02 && abs(cross.pixel(x: 10, y: 10).blue - 0.5) < 0.02)
        let fade = try SceneTransition(kind: .fade, background: black).frame(from: red, to: blue, progress: 0.5)
        #expect(fade.pixel(x: 10, y: 10).red < 0.02 && fade.pixel(x: 10, y: 10).blue < 0.02)
        let slide = try SceneTransition(kind: .slide, background: black).frame(from: red, to: blue, progress: 0.5)
        #expect(slide.pixel(x: 5, y: 10).red > 0.99)  // the old scene still on the left
        #expect(slide.pixel(x: 60, y: 10).blue > 0.99)  // the new one coming in on the right
    }

    @Test func everyTransitionKeepsTheManifestsFrames() async throws {
        for kind in Transition.allCases {
            let temporary = try TemporaryDirectory(prefix: "vgen-tr")
            let out = temporary.uniquePath()
            let config = try VideoConfig(
                videoID: "t-\(kind.rawValue)", title: "T", resolution: Resolution(width: 160, height: 90), fps: 12,
                transition: kind,
                scenes: [
                    try SceneConfig(sceneID: "a", content: .title(TitleContent(title: "One")), narration: "One."),
                    try SceneConfig(
                        sceneID: "b", content: .quote(QuoteContent(text: "Two")), narration: "Two.",
                        transition: kind == .cut ? .slide : nil),
                ])
            let result = try await VideoPipeline(options: RenderOptions(preset: "ultrafast")).render(config, to: out)
            let info = try MediaProbe.inspect(result.videoURL)
            #expect(info.videoFrameCount == result.manifest.totalFrames, "\(kind)")
        }
    }

    @Test func quizRevealsItsAnswerWithinTheScene() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-quiz")
        let out = temporary.uniquePath()
        let quiz = QuizContent(
            question: "Which keyword declares a constant in Swift?", options: ["var", "let", "const"], answerIndex: 1)
        let config = try VideoConfig(
            videoID: "quiz", title: "Quiz", resolution: Resolution(width: 320, height: 180), fps: 10, transition: .cut,
            scenes: [try SceneConfig(sceneID: "q", content: .quiz(quiz))])
        let result = try await VideoPipeline(options: RenderOptions(preset: "ultrafast")).render(config, to: out)
        let frames = try MediaProbe.videoFrameSignatures(result.videoURL, width: 80, height: 45)
        let changes = zip(frames, frames.dropFirst()).filter { $0.meanAbsoluteDifference(to: $1) > 0.5 }.count
        #expect(changes == 1, "the picture should change once, at the reveal")
    }
}
