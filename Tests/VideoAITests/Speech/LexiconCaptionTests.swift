import Foundation
import Testing
import VideoAI
import VideoCore
import VideoTestSupport

/// The lexicon changes what the voice says, never what the captions show.
@Suite struct LexiconCaptionTests {
    @Test func captionsShowTheWrittenWords() async throws {
        let folder = try TemporaryDirectory()
        let video = try VideoConfig(
            videoID: "lexicon", title: "Lexicon",
            scenes: [
                try SceneConfig(
                    sceneID: "a", content: .title(TitleContent(title: "vgen")),
                    narration: "Serve vgen videos with nginx, built by SwiftPM.")
            ],
            pronunciations: try PronunciationLexicon(["vgen": "vee gen", "nginx": "engine x", "SwiftPM": "Swift P M"]))
        let manifest = try await AudioStage().run(video, context: PipelineContext(directory: folder.url))
        let shown = CaptionBuilder().captions(for: manifest).flatMap(\.lines).joined(separator: " ")
        #expect(shown.contains("vgen") && shown.contains("nginx,") && shown.contains("SwiftPM."))
        #expect(!shown.contains("vee") && !shown.contains("engine") && !shown.contains("Swift P"))
    }
}
