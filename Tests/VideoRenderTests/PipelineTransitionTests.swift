import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// Transitions between scenes and scenes whose picture changes over time (a quiz).
@Suite struct PipelineTransitionTests {
    /// A 64×36 frame of one colour, converted as the video stage converts its pictures.
    private func solid(_ color: RGBColor) throws -> YUVFrame {
        let canvas = try Canvas(width: 64, height: 36)
        canvas.fill(color)
        return try canvas.withBGRA { try FrameConverter(width: 64, height: 36).convert(bgra: $0, stride: $1) }
    }

    /// The luma and chroma samples at a pixel.
    private func sample(_ frame: YUVFrame, x: Int, y: Int) -> [Int] {
        [
            Int(frame.plane(0)[y * 64 + x]), Int(frame.plane(1)[(y / 2) * 32 + x / 2]),
            Int(frame.plane(2)[(y / 2) * 32 + x / 2]),
        ]
    }

    private func close(_ a: [Int], _ b: [Int], within tolerance: Int = 1) -> Bool {
        zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    @Test func transitionsBlendAsNamed() throws {
        let red = try solid(RGBColor(red: 1, green: 0, blue: 0))
        let blue = try solid(RGBColor(red: 0, green: 0, blue: 1))
        let black = try solid(.black)
        let (r, b, k) = (sample(red, x: 10, y: 10), sample(blue, x: 10, y: 10), sample(black, x: 10, y: 10))
        #expect(r != b && r != k)
        let cut = try TransitionFrames(kind: .cut, background: black).frame(from: red, to: blue, progress: 0.3)
        #expect(sample(cut, x: 10, y: 10) == b)
        let cross = try TransitionFrames(kind: .crossfade, background: black).frame(from: red, to: blue, progress: 0.5)
        #expect(close(sample(cross, x: 10, y: 10), zip(r, b).map { ($0 + $1 + 1) / 2 }))
        let fade = try TransitionFrames(kind: .fade, background: black).frame(from: red, to: blue, progress: 0.5)
        #expect(close(sample(fade, x: 10, y: 10), k), "halfway through a fade is the background")
        let early = try TransitionFrames(kind: .fade, background: black).frame(from: red, to: blue, progress: 0.25)
        #expect(close(sample(early, x: 10, y: 10), zip(k, r).map { ($0 + $1 + 1) / 2 }), "a quarter in: half faded out")
        let slide = try TransitionFrames(kind: .slide, background: black).frame(from: red, to: blue, progress: 0.5)
        #expect(sample(slide, x: 5, y: 10) == r)  // the old scene still on the left
        #expect(sample(slide, x: 60, y: 10) == b)  // the new one coming in on the right
        #expect(sample(slide, x: 30, y: 10) == r && sample(slide, x: 33, y: 10) == b, "halfway: the edge at x = 32")
    }

    @Test func everyTransitionKeepsTheManifestsFrames() async throws {
        for kind in SceneTransition.allCases {
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
