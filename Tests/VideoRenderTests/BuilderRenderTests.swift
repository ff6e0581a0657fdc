import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoRender

@Suite struct BuilderRenderTests {
    static func smallBuilder() -> ProgrammaticVideoBuilder {
        ProgrammaticVideoBuilder(
            videoID: "builder-render", title: "Builder render", resolution: Resolution(width: 320, height: 180),
            fps: 12,
            theme: .light
        )
        .addTitle("Builder", subtitle: "renders", narration: "Hello, builder.")
        .addQuiz(question: "Two plus two?", options: ["3", "4"], answerIndex: 1, narration: "Think. The answer is B.")
        .addOutro("Bye", narration: "Bye now.")
    }

    @Test func planIsFrameExactWithTheToneVoice() async throws {
        let config = try Self.smallBuilder().build()
        let planner = TimingPlanner()
        let manifest = try await VideoPipeline().plan(config, synthesizer: ToneSynthesizer())
        #expect(manifest.scenes.map(\.sceneID) == ["title_1", "quiz_1", "outro_1"])
        #expect(manifest.fps == 12 && manifest.sampleRate == 22_050)
        // "Hello, builder." = two words and two pauses: 2 × 6615 + 2 × 3308 samples.
        #expect(manifest.scenes[0].narrationSamples == 2 * 6615 + 2 * 3308)
        var frame = 0
        for scene in manifest.scenes {
            #expect(scene.startFrame == frame)
            let needed =
                Int((planner.leadIn * 22_050).rounded()) + scene.narrationSamples
                + Int((planner.tail * 22_050).rounded())
            #expect(scene.frameCount == (needed * 12 + 22_049) / 22_050)
            #expect(scene.words.first.map { abs($0.startTime - (scene.startTime + planner.leadIn)) < 1e-3 } == true)
            frame += scene.frameCount
        }
        #expect(manifest.totalFrames == frame)
        #expect(manifest.scenes[1].words.map(\.text) == ["Think.", "The", "answer", "is", "B."])
        // Deterministic.
        #expect(try await VideoPipeline().plan(config, synthesizer: ToneSynthesizer()) == manifest)
    }

    @Test func builderRendersAVideoThatDecodesAndMatchesThePlan() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-builder")
        let out = temporary.uniquePath()
        let builder = Self.smallBuilder()
        let result = try await builder.render(
            to: out, options: RenderOptions(preset: "ultrafast", theme: .light, transitionDuration: 0.2),
            synthesizer: ToneSynthesizer())
        let planned = try await VideoPipeline().plan(try builder.build(), synthesizer: ToneSynthesizer())
        #expect(result.manifest == planned)
        #expect(result.directory.lastPathComponent == "builder-render")
        let info = try MediaProbe.inspect(result.videoURL)
        #expect(info.videoCodec == "h264" && info.audioCodec == "aac")
        #expect(info.width == 320 && info.height == 180)
        #expect(info.videoFrameCount == planned.totalFrames)
    }

    @Test func allScenesExamplePlansEveryType() async throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/all-scenes.yaml")
        let config = try YAMLAdapter(url: file).makeVideoConfig()
        let manifest = try await VideoPipeline().plan(config, synthesizer: ToneSynthesizer())
        #expect(manifest.scenes.map(\.sceneType) == config.scenes.map(\.sceneType))
        #expect(Set(manifest.scenes.map(\.sceneType)).count == SceneType.builtIn.count)
        #expect(manifest.scenes.allSatisfy { !$0.words.isEmpty })
    }

    @Test func themeNamesMapToThemes() {
        #expect(VideoTheme(named: .dark) == .dark)
        #expect(VideoTheme(named: .light) == .light)
    }
}
