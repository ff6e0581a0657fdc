import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// `vgen --prompt` and `vgen --narration ai` against a local OpenAI-compatible server: the
/// video is planned, rendered and saved as `spec.yaml`, the spec renders again to the same
/// scenes, `metadata.json` counts every call, and the key is in no file.
@Suite struct CLIPromptTests {
    static let key = "sk-cli-SECRET-93ab71c0"
    let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-cli-prompt") }

    static var plan: [String: Any] {
        [
            "title": "Swift actors for Python developers",
            "description": "Actors, explained by way of asyncio.",
            "scenes": [
                ["title": ["title": "Swift actors", "subtitle": NSNull(), "narration": "Meet Swift actors."]],
                [
                    "list": [
                        "heading": "Like asyncio", "items": ["One task at a time", "Await to enter"],
                        "narration": "An actor runs one task at a time, and you await to enter it.",
                    ]
                ],
                ["outro": ["title": "Thanks", "subtitle": NSNull(), "narration": "That is all."]],
            ],
        ]
    }

    static var metadata: [String: Any] {
        [
            "with_subtitle": "Swift actors: asyncio's cousin", "question": "What is a Swift actor?",
            "how_to": "How to think about Swift actors", "short": "Swift actors",
            "description": "Actors for Pythonistas.",
            "tags": ["swift", "actors"], "keywords": ["swift actors"],
        ]
    }

    /// A Chat Completions answer whose content is `object` as JSON.
    static func reply(_ object: [String: Any]) -> StubReply {
        let content = String(
            decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        let body: [String: Any] = [
            "id": "c1", "object": "chat.completion", "model": "local-test-model",
            "choices": [["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": content]]],
            "usage": ["prompt_tokens": 100, "completion_tokens": 40],
        ]
        return StubReply(body: try! JSONSerialization.data(withJSONObject: body))
    }

    /// A server that answers each schema: the plan, the metadata, and narration.
    static func server() throws -> LocalHTTPServer {
        let server = try LocalHTTPServer()
        server.setResponder { request in
            let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any]
            let format = (body?["response_format"] as? [String: Any])?["json_schema"] as? [String: Any]
            switch format?["name"] as? String {
            case "video_plan": return reply(plan)
            case "video_metadata": return reply(metadata)
            case "narration": return reply(["narration": "Spoken by the model."])
            default: return StubReply(status: 400, body: Data(#"{"error":{"message":"unexpected"}}"#.utf8))
            }
        }
        return server
    }

    static func environment(_ server: LocalHTTPServer) -> [String: String] {
        [
            "VGEN_LLM": "openai", "OPENAI_BASE_URL": server.baseURL.absoluteString + "/v1", "OPENAI_API_KEY": key,
            "VGEN_LLM_MODEL": "local-test-model",
        ]
    }

    static let fast = ["--resolution", "320x180", "--fps", "10", "--preset", "ultrafast"]

    private func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// Every file under `folder` that holds `text`.
    private func files(under folder: URL, holding text: String) throws -> [String] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var found: [String] = []
        var count = 0
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            count += 1
            if try Data(contentsOf: url).range(of: Data(text.utf8)) != nil { found.append(url.path) }
        }
        #expect(count > 5)
        return found
    }

    @Test func promptRendersAVideoAndASpecThatRendersTheSameScenes() async throws {
        let server = try Self.server()
        let out = temporary.file("out")
        let outcome = try await CLI.run(
            ["--prompt", "Explain Swift actors to a Python developer", "--output-dir", out.path] + Self.fast,
            environment: Self.environment(server))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = out.appendingPathComponent("swift-actors-for-python-developers")
        #expect(outcome.lines.last == folder.appendingPathComponent("video.mp4").path)
        let info = try MediaProbe.inspect(folder.appendingPathComponent("video.mp4"))
        #expect(info.width == 320 && info.height == 180 && info.videoFrameCount > 0)

        let metadata = try json(folder.appendingPathComponent("metadata.json"))
        let usage = try #require(metadata["language_models"] as? [[String: Any]])
        #expect(usage.compactMap { $0["purpose"] as? String } == ["metadata", "planning"])
        #expect(usage.allSatisfy { $0["model"] as? String == "local-test-model" && $0["input_tokens"] as? Int == 100 })
        #expect((metadata["title_variants"] as? [String: Any])?["question"] as? String == "What is a Swift actor?")
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(
            requests.allSatisfy {
                $0.headers["authorization"] == "Bearer \(Self.key)" && $0.path == "/v1/chat/completions"
            })

        // The spec renders again, with no model, to the same scenes and narration.
        let spec = folder.appendingPathComponent("spec.yaml")
        let again = temporary.file("again")
        let second = try await CLI.run(["--yaml", spec.path, "--output-dir", again.path] + Self.fast)
        #expect(second.status == 0, "\(second.stderr)")
        let first = try json(folder.appendingPathComponent("script.json"))["scenes"] as? [[String: Any]] ?? []
        let redone =
            try json(again.appendingPathComponent("swift-actors-for-python-developers/script.json"))["scenes"]
            as? [[String: Any]] ?? []
        #expect(first.count == 3)
        #expect(NSArray(array: first).isEqual(to: redone))
        #expect(
            try json(again.appendingPathComponent("swift-actors-for-python-developers/metadata.json"))[
                "language_models"] == nil)

        #expect(try files(under: temporary.url, holding: Self.key) == [])
        #expect(!outcome.stderr.contains(Self.key) && !outcome.stdout.contains(Self.key))
    }

    @Test func aiNarrationWritesEveryScene() async throws {
        let server = try Self.server()
        let document = temporary.file("doc.md")
        try "# Actors\n\nActors guard state.\n\n## Why\n\nThey stop data races.\n".write(
            to: document, atomically: true, encoding: .utf8)
        let out = temporary.file("out")
        let outcome = try await CLI.run(
            ["--document", document.path, "--narration", "ai", "--output-dir", out.path] + Self.fast,
            environment: Self.environment(server))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = URL(fileURLWithPath: try #require(outcome.lines.last)).deletingLastPathComponent()
        let scenes = try json(folder.appendingPathComponent("script.json"))["scenes"] as? [[String: Any]] ?? []
        #expect(!scenes.isEmpty)
        #expect(scenes.allSatisfy { $0["narration"] as? String == "Spoken by the model." })
        let usage =
            try json(folder.appendingPathComponent("metadata.json"))["language_models"] as? [[String: Any]] ?? []
        let narration = try #require(usage.first { $0["purpose"] as? String == "narration" })
        #expect(narration["calls"] as? Int == scenes.count)
        #expect(try files(under: temporary.url, holding: Self.key) == [])
    }

    @Test(arguments: [["--prompt", "Explain actors"], ["--document", "doc.md", "--narration", "ai"]])
    func withoutAProviderTheErrorIsOneLineNamingTheVariables(arguments: [String]) async throws {
        try "# Doc\n\nText.\n".write(to: temporary.file("doc.md"), atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(arguments + ["--output-dir", "out"], in: temporary.url)
        #expect(outcome.status == 1)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.stderr)")
        let line = String(lines.first ?? "")
        #expect(
            line.hasPrefix(
                "vgen: error: \(arguments.contains("--prompt") ? "--prompt" : "--narration ai") needs a language model")
        )
        for name in ["OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "VGEN_LLM", "VGEN_LLM_MODEL"] {
            #expect(line.contains(name))
        }
        #expect(!FileManager.default.fileExists(atPath: temporary.file("out").path))
    }

    @Test func unknownNarrationWriterIsNamed() async throws {
        try "# Doc\n\nText.\n".write(to: temporary.file("doc.md"), atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["--document", "doc.md", "--narration", "gpt"], in: temporary.url)
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.contains("narration: unknown narration writer 'gpt'; valid: template, ai"),
            "\(outcome.stderr)")
    }
}
