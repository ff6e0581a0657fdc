import Foundation
import Testing
import VideoCore
import VideoTestSupport

@Suite struct LanguageTests {
    @Test func tagsAreCheckedAndCanonicallyCased() throws {
        #expect(try Language(validating: "DE").tag == "de")
        #expect(try Language(validating: "pt-br").tag == "pt-BR")
        #expect(try Language(validating: "zh").tag == "zh-Hans")
        #expect(try Language(validating: "zh-hans-cn").tag == "zh-Hans-CN")
        #expect(try Language(validating: "no").tag == "nb")
        #expect(try Language(validating: "es-419").tag == "es-419")
        #expect(Language.supported.count == 30)
        #expect(Set(Language.supported.map(\.tag)).count == 30)
        for (tag, needle) in [
            ("english", "not a BCP 47 language tag"), ("en_US", "joined by '-', not '_'"), ("de-x", "'x' is not"),
            ("sw", "not a supported language"), ("zh-Hant", "Hans script only"), ("", "not a BCP 47"),
        ] {
            let error = #expect(throws: VideoError.self) { try Language(validating: tag) }
            #expect(error?.field == "language", "\(tag)")
            #expect(error?.description.contains(needle) == true, "\(tag): \(error?.description ?? "")")
            #expect(error?.description.contains("\n") == false)
        }
    }

    @Test func listsRejectRepeats() throws {
        #expect(try Language.list(parsing: "en, es,ja").map(\.tag) == ["en", "es", "ja"])
        let error = #expect(throws: VideoError.self) { try Language.list(parsing: "en,EN") }
        #expect(error?.field == "languages" && error?.message.contains("twice") == true)
    }

    @Test func portableVoicesFollowTheLanguage() throws {
        let german = try Language(validating: "de")
        #expect(Voice.male.speaking(in: german) == "de+m3")
        #expect(Voice.female.speaking(in: try Language(validating: "zh")) == "cmn+f3")
        #expect(Voice("fr+f2").speaking(in: german) == "fr+f2")
        #expect(Voice.male.speaking(in: .english) == .male)
        let chain = VoiceChain()
        #expect(try #require(chain.engine(for: Voice.male.speaking(in: .english))) is FliteSynthesizer)
        #expect(try #require(chain.engine(for: Voice.male.speaking(in: german))) is EspeakSynthesizer)
    }

    @Test func everyLanguagesVoiceSpeaks() async throws {
        let engine = EspeakSynthesizer()
        for language in Language.supported where !language.isEnglish {
            let text = language.code == "he" ? "שלום עולם" : "1 2"
            let speech = try await engine.synthesize(text, voice: Voice.female.speaking(in: language))
            #expect(speech.samples.contains { abs($0) > 0.01 }, "\(language)")
        }
    }

    @Test func configEncodesTheLanguageOnlyWhenNotEnglish() throws {
        let scene = try SceneConfig(sceneID: "t", content: .title(TitleContent(title: "Hallo")))
        let english = try VideoConfig(videoID: "v", title: "T", scenes: [scene])
        #expect(!String(decoding: try JSONEncoder().encode(english), as: UTF8.self).contains("language"))
        let german = try VideoConfig(
            videoID: "v", title: "T", scenes: [scene], language: try Language(validating: "de"))
        let data = try JSONEncoder().encode(german)
        #expect(String(decoding: data, as: UTF8.self).contains("\"language\":\"de\""))
        #expect(try JSONDecoder().decode(VideoConfig.self, from: data) == german)
        #expect(german.speakingVoice(for: scene) == "de+m3")
        let bad = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"de\"", with: "\"xx-\"").utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(VideoConfig.self, from: bad) }
    }

    @Test func everyInputTakesALanguage() throws {
        let yaml = try #require(
            try readYAML("title: T\nlanguage: pt-br\nscenes: [{scene_type: title, title: Olá}]\n").first?.config)
        #expect(yaml.language.tag == "pt-BR")
        #expect(try readYAML(try yaml.yamlString()).first?.config.language.tag == "pt-BR")
        let bad = yamlError("title: T\nlanguage: klingon\nscenes: [{scene_type: title, title: x}]\n")
        #expect(bad.hasPrefix("spec.yaml:2:1: language: 'klingon' is not a BCP 47 language tag"), "\(bad)")
        let set = try YAMLAdapter(
            text: "language: ja\nvideos:\n  - title: A\n    scenes: [{scene_type: title, title: x}]\n",
            baseDirectory: FileManager.default.temporaryDirectory
        ).makeVideoSet()
        #expect(set.map(\.language.tag) == ["ja"])
        let document = try DocumentAdapter(
            text: "# Titel\n\nText.", name: "x.md", settings: VideoSettings(language: try Language(validating: "de"))
        ).makeVideoConfig()
        #expect(document.language.tag == "de")
        let built = try ProgrammaticVideoBuilder(title: "T").language("fa").addTitle("سلام").build()
        #expect(built.language.isRightToLeft)
        let error = #expect(throws: VideoError.self) {
            try ProgrammaticVideoBuilder(title: "T").language("xx_YY").addTitle("x").build()
        }
        #expect(error?.field == "language")
    }
}
