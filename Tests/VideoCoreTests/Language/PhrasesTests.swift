import Foundation
import Testing
import VideoCore
import VideoTestSupport

@Suite struct PhrasesTests {
    /// The `{name}` placeholders of a phrase.
    private func placeholders(_ text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    @Test func everyLanguageHasEveryPhraseWithTheSamePlaceholders() {
        for language in Language.supported {
            let phrases = Phrases(language)
            #expect(phrases.missingKeys.isEmpty, "\(language): \(phrases.missingKeys)")
            #expect(phrases.ordinals.count == 8, "\(language)")
            #expect(phrases.isMachineMade == !language.isEnglish, "\(language)")
            for key in Phrases.Key.allCases {
                let text = phrases.text(key), english = Phrases.english.text(key)
                #expect(placeholders(text) == placeholders(english), "\(language) \(key): \(text)")
                #expect(!text.isEmpty || key == .listSeparator, "\(language) \(key)")
            }
        }
    }

    @Test func placeholdersAreFilled() throws {
        let german = Phrases(try Language(validating: "de-AT"))
        #expect(german.text(.welcome, ["title": "Swift"]) == "Willkommen zu Swift.")
        #expect(german.joined(["a", "b", "c"]) == "a, b und c")
        #expect(Phrases(try Language(validating: "ja")).joined(["a", "b", "c"]) == "a、bとc")
        #expect(Phrases.english.text(.labelAnswer, ["letter": "B"]) == "Answer: B")
    }

    @Test func aDocumentsOutroThanksInItsLanguage() throws {
        let settings = VideoSettings(language: try Language(validating: "es"))
        let config = try DocumentAdapter(text: "# Título\n\nTexto.", name: "x.md", settings: settings).makeVideoConfig()
        guard case .outro(let outro) = try #require(config.scenes.last).content else {
            Issue.record("the last scene is not an outro")
            return
        }
        #expect(outro.title == "Gracias por ver")
    }
}
