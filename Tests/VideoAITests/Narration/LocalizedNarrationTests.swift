import Testing
import VideoAI
import VideoCore

@Suite struct LocalizedNarrationTests {
    @Test func templatesSpeakTheVideosLanguage() throws {
        let list = SceneContent.list(ListContent(heading: "Schritte", items: ["Installieren", "Bauen", "Testen"]))
        let german = TemplateNarrationWriter.narration(
            for: list, videoTitle: "T", language: try Language(validating: "de"))
        #expect(german == "Schritte. Hier sind 3 Punkte. Erstens: Installieren. Zweitens: Bauen. Zum Schluss: Testen.")
        let english = TemplateNarrationWriter.narration(for: list, videoTitle: "T")
        #expect(english == "Schritte. Here are 3 points. First, installieren. Second, bauen. Finally, testen.")
        let title = SceneContent.title(TitleContent(title: "Swift"))
        #expect(
            TemplateNarrationWriter.narration(for: title, videoTitle: "T", language: try Language(validating: "zh"))
                == "欢迎来到Swift。")
    }

    @Test func everyLanguageWritesEveryTemplateWithoutPlaceholdersLeft() throws {
        let contents: [SceneContent] = [
            .title(TitleContent(title: "Swift")), .list(ListContent(heading: "H", items: ["a", "b"])),
            .command(CommandContent(heading: "H", code: "swift build\nswift test")),
            .quote(QuoteContent(text: "Q", attribution: "W")),
            .quiz(QuizContent(question: "Q?", options: ["x", "y", "z"], answerIndex: 1)),
        ]
        for language in Language.supported {
            for content in contents {
                let text = TemplateNarrationWriter.narration(for: content, videoTitle: "T", language: language)
                #expect(!text.contains("{") && !text.contains("}"), "\(language): \(text)")
                #expect(!text.isEmpty)
            }
        }
    }
}
