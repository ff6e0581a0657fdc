import Foundation
import Testing

@testable import VideoCore

/// `narration: {en: …, es: …}` in YAML: the video speaks its language's entry; a plain
/// `narration` keeps working; a bad tag is named with its line.
@Suite struct NarrationPerLanguageTests {
    static func spec(language: String, narration: String) -> String {
        """
        video_id: v
        title: V
        language: \(language)
        scenes:
          - scene_type: title
            title: Hello
        \(narration)
          - scene_type: title
            title: Plain
            narration: Plain text.
        """
    }

    static let perLanguage = """
            narration:
              en: Hello.
              es: Hola.
              pt-BR: Olá.
        """

    func read(_ text: String) throws -> VideoConfig {
        try YAMLAdapter(text: text, baseDirectory: URL(fileURLWithPath: "/tmp")).makeVideoConfig()
    }

    @Test func theVideoSpeaksItsLanguagesEntry() throws {
        let es = try read(Self.spec(language: "es", narration: Self.perLanguage))
        #expect(es.scenes.map(\.narration) == ["Hola.", "Plain text."])
        #expect(es.scenes[0].narrations == ["en": "Hello.", "es": "Hola.", "pt-BR": "Olá."])
        let pt = try read(Self.spec(language: "pt", narration: Self.perLanguage))
        #expect(pt.scenes[0].narration == "Olá.", "pt-BR serves pt")
        let de = try read(Self.spec(language: "de", narration: Self.perLanguage))
        #expect(de.scenes[0].narration == nil, "no German entry: the writer fills it")
        #expect(try de.localized(to: Language(validating: "en")).scenes[0].narration == "Hello.")
        // It survives the task state's JSON round trip.
        let decoded = try JSONDecoder().decode(VideoConfig.self, from: JSONEncoder().encode(es))
        #expect(decoded == es)
    }

    @Test func aBadTagIsNamedWithItsLine() throws {
        let text = Self.spec(language: "en", narration: "    narration:\n      english: Hello.")
        #expect {
            try read(text)
        } throws: { error in
            let message = "\(error)"
            return message.contains("spec.yaml:8") && message.contains("narration.english")
        }
    }
}
