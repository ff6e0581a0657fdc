import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// Narration translated by a language model on a local server speaking the provider's wire
/// format: the glossary comes back untranslated, the answers go through the response cache.
@Suite struct NarrationTranslatorTests {
    static let english =
        "Run `swift build` and then vgen --languages es to render with SwiftPM; the file Package.swift sets VGEN_LLM."

    /// A server that "translates" by answering with the user's text, its markers kept, after
    /// a Spanish prefix; it counts the requests.
    static func translatingServer(openAI: Bool) throws -> LocalHTTPServer {
        let server = try LocalHTTPServer()
        server.setResponder { request in
            let body = request.json
            let text: String
            if openAI {
                text = body["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
            } else {
                text =
                    body["messages"]?.arrayValue?.last?["content"]?.stringValue
                    ?? body["messages"]?.arrayValue?.last?["content"]?.arrayValue?.first?["text"]?.stringValue ?? ""
            }
            let answer: JSONValue = ["translation": .string("Traducido: " + text)]
            return openAI
                ? LanguageModelFixtures.openAI(answer)
                : LanguageModelFixtures.anthropicTool("translation", input: answer)
        }
        return server
    }

    @Test(arguments: [true, false]) func glossaryTermsSurviveAndReRunsHitTheCache(openAI: Bool) async throws {
        let server = try Self.translatingServer(openAI: openAI)
        defer { server.stop() }
        let cache = try LanguageModelFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let options = LanguageModelFixtures.fastOptions()
        let model: any LanguageModel =
            openAI
            ? LanguageModelFixtures.openAIModel(server, options: options)
            : LanguageModelFixtures.anthropicModel(server, options: options)
        let translator = NarrationTranslator(model: model.cached(in: cache), glossary: ["vgen"])
        let es = try Language(validating: "es")
        let spanish = try await translator.translate(Self.english, from: .english, to: es)
        #expect(spanish.hasPrefix("Traducido: "))
        for term in ["`swift build`", "vgen", "--languages", "SwiftPM", "Package.swift", "VGEN_LLM"] {
            #expect(spanish.contains(term), "\(term) in \(spanish)")
        }
        // The model saw markers, never the protected terms.
        let sent = try #require(server.requests.first).json.jsonString
        #expect(!sent.contains("swift build") && !sent.contains("SwiftPM") && !sent.contains("VGEN_LLM"), "\(sent)")
        #expect(sent.contains("⟦1⟧") && sent.contains("Spanish"))
        #expect(server.requests.count == 1)
        // A re-run (a new translator on the same task folder) asks nothing.
        let again = NarrationTranslator(model: model.cached(in: cache), glossary: ["vgen"])
        #expect(try await again.translate(Self.english, from: .english, to: es) == spanish)
        #expect(server.requests.count == 1, "the second translation came from the cache")
    }

    @Test func aLostTermIsRefusedWithItsName() async throws {
        let server = try LocalHTTPServer()
        defer { server.stop() }
        server.setFallback(LanguageModelFixtures.openAI(["translation": "Ejecute el programa."]))
        let model = LanguageModelFixtures.openAIModel(server, options: LanguageModelFixtures.fastOptions())
        let translator = NarrationTranslator(model: model)
        await #expect {
            try await translator.translate("Run `make test` now.", from: .english, to: try Language(validating: "de"))
        } throws: { error in
            "\(error)".contains("dropped the untranslated term '`make test`'") && "\(error)".contains("de")
        }
    }

    @Test func aVideoTakesWrittenNarrationAndTranslatesTheRest() async throws {
        let server = try Self.translatingServer(openAI: true)
        defer { server.stop() }
        let model = LanguageModelFixtures.openAIModel(server, options: LanguageModelFixtures.fastOptions())
        var written = try SceneConfig(sceneID: "a", content: .title(TitleContent(title: "Hola")))
        written.narrations = ["en": "Hello.", "es": "Hola."]
        let plain = try SceneConfig(sceneID: "b", content: .title(TitleContent(title: "B")), narration: "Bye.")
        let silent = try SceneConfig(sceneID: "c", content: .title(TitleContent(title: "C")))
        let config = try VideoConfig(videoID: "v", title: "V", scenes: [written, plain, silent])
        let es = try Language(validating: "es")
        #expect(config.languagesLackingNarration([.english, es]) == [es])
        let spanish = try await NarrationTranslator(model: model).translate(config, to: es)
        #expect(spanish.language == es)
        #expect(spanish.scenes.map(\.narration) == ["Hola.", "Traducido: Bye.", nil])
        #expect(server.requests.count == 1, "only the scene without Spanish narration is translated")
        #expect(config.localized(to: .english).scenes.map(\.narration) == ["Hello.", "Bye.", nil])
    }
}
