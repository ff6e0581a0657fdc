import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// Every supported language drawn with its own phrases: no tofu, anywhere.
@Suite struct LanguageRenderingTests {
    static let size = Resolution(width: 640, height: 360)

    /// A YAML spec of 30 videos, one per language, each a title and a list in its own words.
    static func thirtyLanguageSpec() -> String {
        var yaml = "resolution: 640x360\nvideos:\n"
        for language in Language.supported {
            let p = Phrases(language)
            func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            yaml += """
                  - video_id: lang-\(language.tag)
                    title: \(quoted(p.text(.thanks)))
                    language: \(language.tag)
                    scenes:
                      - scene_type: title
                        title: \(quoted(p.text(.thanks)))
                        subtitle: \(quoted(p.text(.welcome, ["title": "vgen"])))
                      - scene_type: list
                        heading: \(quoted(p.text(.labelObjectives)))
                        items: [\(p.ordinals.prefix(3).map(quoted).joined(separator: ", ")), \(quoted(p.text(.labelUpNext)))]

                """
        }
        return yaml
    }

    @Test func aSpecInThirtyLanguagesDrawsEveryGlyph() throws {
        let videos = try YAMLAdapter(
            text: Self.thirtyLanguageSpec(), baseDirectory: FileManager.default.temporaryDirectory
        ).makeVideoSet()
        #expect(videos.count == 30)
        #expect(Set(videos.map(\.language)) == Set(Language.supported))
        let registry = RendererRegistry.standard
        for video in videos {
            for (index, scene) in video.scenes.enumerated() {
                let context = RenderContext(
                    resolution: video.resolution, sceneIndex: index, sceneCount: video.scenes.count,
                    videoTitle: video.title, language: video.language)
                let canvas = try registry.render(scene, context: context)
                // The warning a render gives, turned into an error here.
                if !canvas.missingGlyphTexts.isEmpty {
                    Issue.record(
                        "\(video.language.tag) \(scene.sceneID): missing glyphs in \(canvas.missingGlyphTexts)")
                }
                #expect(canvas.cutTexts.isEmpty, "\(video.language.tag) \(scene.sceneID): cut \(canvas.cutTexts)")
            }
        }
    }

    @Test func textWithoutAFontIsCaughtAndNamed() throws {
        let scene = try SceneConfig(sceneID: "t", content: .title(TitleContent(title: "Kein Glyph: \u{0378}\u{0379}")))
        let config = try VideoConfig(
            videoID: "tofu", title: "T", resolution: Self.size, scenes: [scene],
            language: try Language(validating: "de"))
        let warnings = try SceneFitter(registry: .standard, theme: .dark).missingGlyphWarnings(config)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("German (de)") == true && warnings.first?.contains("Kein Glyph") == true)
        let clean = try SceneFitter(registry: .standard, theme: .dark).missingGlyphWarnings(
            try VideoConfig(
                videoID: "ok", title: "T", resolution: Self.size,
                scenes: [
                    try SceneConfig(sceneID: "t", content: .title(TitleContent(title: "Grüße, 你好, مرحبا, नमस्ते")))
                ]))
        #expect(clean.isEmpty, "\(clean)")
    }

    @Test func aSmallVideoInThreeScriptsRendersWithoutWarnings() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-languages")
        for tag in ["ja", "ar", "hi"] {
            let language = try Language(validating: tag)
            let p = Phrases(language)
            let builder = ProgrammaticVideoBuilder(
                videoID: "lang-\(tag)", title: p.text(.thanks), resolution: Self.size, fps: 12
            )
            .language(tag)
            .addTitle(p.text(.thanks), subtitle: p.text(.labelQuiz))
            .addList(heading: p.text(.labelObjectives), items: Array(p.ordinals.prefix(2)))
            let result = try await builder.render(
                to: temporary.url, options: RenderOptions(preset: "ultrafast", transitionDuration: 0.2),
                synthesizer: VoiceChain())
            #expect(result.warnings.filter { $0.contains("missing glyphs") }.isEmpty, "\(tag): \(result.warnings)")
            let info = try MediaProbe.inspect(result.videoURL)
            #expect(info.width == 640 && info.videoFrameCount == result.manifest.totalFrames)
            #expect(result.manifest.scenes.allSatisfy { $0.narrationSamples > 0 }, "\(tag)")
            let script = try JSONDecoder().decode(
                VideoConfig.self, from: Data(contentsOf: result.directory.appendingPathComponent("script.json")))
            #expect(script.language == language)
        }
    }
}
