import Foundation
import Testing
import VideoCore
import VideoTestSupport

@Suite struct VoiceChainTests {
    let chain = VoiceChain()

    @Test func fliteSpeaksEnglishEspeakTheRest() throws {
        for voice in Voice.portable + ["cmu_us_slt", "awb"] {
            #expect(try #require(chain.engine(for: voice)) is FliteSynthesizer, "\(voice)")
        }
        for voice: Voice in ["de", "fr+f2", "en-gb", "es"] {
            #expect(try #require(chain.engine(for: voice)) is EspeakSynthesizer, "\(voice)")
        }
    }

    @Test func everyEngineComesOutAtTheChainsRate() async throws {
        let text = "One rate for every voice."
        let direct = try await FliteSynthesizer().synthesize(text, voice: .female)
        let english = try await chain.synthesize(text, voice: .female)
        #expect(english.sampleRate == 22_050)
        #expect(abs(english.samples.count - direct.samples.count * 22_050 / 16_000) <= 1)
        for (a, b) in zip(english.words, direct.words) {
            #expect(a.text == b.text)
            #expect(abs(a.startSample - b.startSample * 22_050 / 16_000) <= 1)
        }
        let german = try await chain.synthesize("Eine Rate für jede Stimme.", voice: "de")
        #expect(german.sampleRate == 22_050 && german.words.count == 5)
    }

    @Test func aVideoMixingVoicesHasOneRate() async throws {
        let folder = try TemporaryDirectory()
        let video = try VideoConfig(
            videoID: "mixed", title: "Mixed",
            scenes: [
                try SceneConfig(sceneID: "en", content: .title(TitleContent(title: "Hi")), narration: "Hello there."),
                try SceneConfig(
                    sceneID: "de", content: .title(TitleContent(title: "Hallo")), narration: "Hallo zusammen.",
                    voice: "de"),
            ])
        let manifest = try await AudioStage().run(video, context: PipelineContext(directory: folder.url))
        #expect(manifest.sampleRate == 22_050)
        #expect(manifest.scenes.allSatisfy { $0.narrationSamples > 22_050 / 4 })
    }
}
