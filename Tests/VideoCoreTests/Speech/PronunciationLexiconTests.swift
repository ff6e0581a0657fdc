import Foundation
import Testing
import VideoCore
import VideoTestSupport

@Suite struct PronunciationLexiconTests {
    let lexicon = try! PronunciationLexicon(["vgen": "vee gen", "nginx": "engine x", "SwiftPM": "Swift P M"])

    @Test func refusesBadEntriesNamingTheWord() {
        for (entries, field) in [
            (["two words": "x"], "pronunciations.two words"), (["vgen": " "], "pronunciations.vgen"),
            (["a": "line\nbreak"], "pronunciations.a"), (["": "x"], "pronunciations."),
        ] {
            #expect { try PronunciationLexicon(entries) } throws: { ($0 as? VideoError)?.field == field }
        }
    }

    @Test func theVoiceSaysTheSpokenFormsAndTheManifestKeepsTheWrittenWords() async throws {
        let narration = "Install vgen, then NGINX and SwiftPM."
        let plain = try await speak(narration, lexicon: .empty)
        let spoken = try await speak(narration, lexicon: lexicon)
        #expect(plain.words.map(\.text) == ["Install", "vgen,", "then", "NGINX", "and", "SwiftPM."])
        #expect(spoken.words.map(\.text) == plain.words.map(\.text))
        #expect(spoken.narrationSamples != plain.narrationSamples)
        // Spoken the same as writing the spoken forms out.
        let written = try await speak("Install vee gen, then engine x and Swift P M.", lexicon: .empty)
        #expect(written.narrationSamples == spoken.narrationSamples)
        // "vgen," spans "vee gen,": from the start of "vee" to the end of "gen,".
        let word = try #require(spoken.words.first { $0.text == "vgen," })
        let vee = written.words[1], gen = written.words[2]
        #expect(abs(word.startTime - vee.startTime) < 0.001 && abs(word.endTime - gen.endTime) < 0.001)
    }

    @Test func theCacheKeyHasTheAppliedEntries() {
        let a = SpeechCache.key(engine: "e", voice: .male, text: "vgen")
        let b = SpeechCache.key(engine: "e", voice: .male, lexicon: ["vgen→vee gen"], text: "vgen")
        let c = SpeechCache.key(engine: "e", voice: .male, lexicon: ["vgen→v gen"], text: "vgen")
        #expect(Set([a, b, c]).count == 3)
    }

    @Test func yamlSpecsAndLexiconFilesBesideDocuments() throws {
        let folder = try TemporaryDirectory()
        let yaml = """
            title: Lexicon
            pronunciations:
              vgen: vee gen
            scenes:
              - scene_type: title
                title: vgen
            """
        let config = try YAMLAdapter(text: yaml, baseDirectory: folder.url).makeVideoConfig()
        #expect(config.pronunciations.entries == ["vgen": "vee gen"])
        let bad = yaml.replacingOccurrences(of: "vgen: vee gen", with: "vgen: [vee, gen]")
        #expect { try YAMLAdapter(text: bad, baseDirectory: folder.url).makeVideoConfig() } throws: {
            ($0 as? VideoError)?.field == "pronunciations.vgen"
        }
        let document = try folder.write("# vgen\n\nvgen makes videos.\n\n## Use\n\nRun vgen.\n", to: "README.md")
        _ = try folder.write("nginx: engine x\nvgen: vee gen\n", to: "pronunciations.yaml")
        let read = try DocumentAdapter(url: document).makeVideoConfig()
        #expect(read.pronunciations.entries == ["vgen": "vee gen", "nginx": "engine x"])
        #expect(read.scenes.allSatisfy { !($0.narration ?? "").contains("vee gen") })
        let reread = try JSONDecoder().decode(VideoConfig.self, from: JSONEncoder().encode(read))
        #expect(reread == read)
    }

    private func speak(_ narration: String, lexicon: PronunciationLexicon) async throws -> SceneTiming {
        let folder = try TemporaryDirectory()
        let video = try VideoConfig(
            videoID: "lexicon", title: "Lexicon",
            scenes: [try SceneConfig(sceneID: "a", content: .title(TitleContent(title: "vgen")), narration: narration)],
            pronunciations: lexicon)
        return try await AudioStage().run(video, context: PipelineContext(directory: folder.url)).scenes[0]
    }
}
