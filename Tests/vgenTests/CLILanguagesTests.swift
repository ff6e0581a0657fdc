import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// `vgen --languages`: one version per language in its own folder, narration written per
/// language in YAML or translated by a local OpenAI-compatible server, answers cached.
@Suite struct CLILanguagesTests {
    let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-cli-languages") }

    static let spec = """
        video_id: langs
        title: Languages
        scenes:
          - scene_type: title
            title: Hello
            narration:
              en: Hello and welcome.
              es: Hola y bienvenidos.
          - scene_type: command
            heading: Render
            code: vgen --languages es
            narration: Run `vgen --languages es` with SwiftPM.
        """

    /// Answers translation requests with the text after a Spanish prefix, markers kept; any
    /// other request (the metadata improver's) gets an error, which it survives.
    static func server() throws -> LocalHTTPServer {
        let server = try LocalHTTPServer()
        server.setResponder { request in
            let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any]
            let format = (body?["response_format"] as? [String: Any])?["json_schema"] as? [String: Any]
            guard format?["name"] as? String == "translation",
                let messages = body?["messages"] as? [[String: Any]], let text = messages.last?["content"] as? String
            else { return StubReply(status: 400, body: Data("{\"error\":{\"message\":\"no\"}}".utf8)) }
            let content = String(
                decoding: try! JSONSerialization.data(withJSONObject: ["translation": "Traducido: " + text]),
                as: UTF8.self)
            let reply: [String: Any] = [
                "id": "c1", "object": "chat.completion", "model": "local-test-model",
                "choices": [
                    ["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": content]]
                ],
                "usage": ["prompt_tokens": 10, "completion_tokens": 10],
            ]
            return StubReply(body: try! JSONSerialization.data(withJSONObject: reply))
        }
        return server
    }

    static let fast = ["--resolution", "320x180", "--fps", "10", "--preset", "ultrafast"]

    func narrations(_ folder: URL) throws -> [String] {
        let script = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("script.json")))
        let scenes = (script as? [String: Any])?["scenes"] as? [[String: Any]] ?? []
        return scenes.map { $0["narration"] as? String ?? "" }
    }

    @Test func eachLanguageGetsItsFolderAndTranslationsAreCached() async throws {
        let server = try Self.server()
        defer { server.stop() }
        try Self.spec.write(to: temporary.file("spec.yaml"), atomically: true, encoding: .utf8)
        let environment = [
            "VGEN_LLM": "openai", "OPENAI_BASE_URL": server.baseURL.absoluteString + "/v1",
            "OPENAI_API_KEY": "sk-test", "VGEN_LLM_MODEL": "local-test-model",
        ]
        let arguments = ["--yaml", "spec.yaml", "--languages", "en,es", "--output-dir", "out"] + Self.fast
        let outcome = try await CLI.run(arguments, in: temporary.url, environment: environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let en = temporary.file("out/en/langs"), es = temporary.file("out/es/langs")
        let printed = Array(outcome.lines.suffix(2))
        #expect(printed.count == 2 && printed[0].hasSuffix("out/en/langs/video.mp4"), "\(printed)")
        #expect(printed.count == 2 && printed[1].hasSuffix("out/es/langs/video.mp4"), "\(printed)")
        for folder in [en, es] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("video.mp4").path))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("metadata.json").path))
        }
        // The script stage cleans narration for speech (the backticks go); the glossary kept the
        // command and the product name as written.
        #expect(try narrations(en) == ["Hello and welcome.", "Run vgen --languages es with SwiftPM."])
        #expect(try narrations(es) == ["Hola y bienvenidos.", "Traducido: Run vgen --languages es with SwiftPM."])
        let translations = {
            server.requests.filter { String(decoding: $0.body, as: UTF8.self).contains("\"translation\"") }
        }
        #expect(translations().count == 1, "only the scene without Spanish narration is translated")
        // A second run asks the model nothing: the answer is in the task folder's cache.
        let again = try await CLI.run(arguments, in: temporary.url, environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(translations().count == 1)
    }

    @Test func withoutAProviderTheErrorNamesTheLanguagesAndVariables() async throws {
        try Self.spec.write(to: temporary.file("spec.yaml"), atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(
            ["--yaml", "spec.yaml", "--languages", "en,es,ja", "--output-dir", "out"], in: temporary.url)
        #expect(outcome.status == 1)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.stderr)")
        let line = String(lines.first ?? "")
        #expect(line.contains("no narration is written in es, ja"), "\(line)")
        #expect(line.contains("OPENAI_API_KEY") && line.contains("ANTHROPIC_API_KEY"), "\(line)")
        #expect(!FileManager.default.fileExists(atPath: temporary.file("out/en").path), "nothing rendered")
    }
}
