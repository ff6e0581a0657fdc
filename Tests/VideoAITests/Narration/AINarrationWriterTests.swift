import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// The AI narration writer against local OpenAI-compatible and Anthropic servers: what it
/// asks, what it makes of the answers, its cache and ledger, and the fallback on every fault.
@Suite struct AINarrationWriterTests {
    typealias F = LanguageModelFixtures
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory(prefix: "vgen-ai-narration") }

    static let scene = try! SceneConfig(
        sceneID: "actors", content: .list(ListContent(heading: "Actors", items: ["Isolated state", "Async calls"])))
    static let video = try! VideoConfig(videoID: "v", title: "Swift actors", scenes: [scene])
    static let template = TemplateNarrationWriter.narration(for: scene.content, videoTitle: video.title)

    static func answer(_ narration: String) -> JSONValue { ["narration": .string(narration)] }

    private func write(
        _ model: HTTPLanguageModel, source: String? = nil, target: Double? = 12, log: Log = Log()
    ) async throws -> String {
        let context = NarrationContext(
            directory: folder.url, warn: { log.add($0) }, sourceText: source, targetSeconds: target)
        return try await AINarrationWriter(model: model).narration(
            for: Self.scene, at: 0, in: Self.video, context: context)
    }

    @Test func asksForStructuredNarrationSizedToTheTarget() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.openAI(Self.answer("Actors keep **their** state isolated 🚀. See https://swift.org for more.")))
        let text = try await write(
            F.openAIModel(server, options: F.fastOptions()), source: "Actors protect mutable state.", target: 12)

        #expect(text.hasPrefix("Actors keep their state isolated"))
        #expect(!text.contains("*") && !text.contains("http") && !text.contains("🚀"))
        let body = try #require(server.requests.first).json
        #expect(body["response_format"]?["type"] == "json_schema")
        #expect(body["response_format"]?["json_schema"]?["name"] == "narration")
        let prompt = body["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        #expect(prompt.contains("about 33 words (12 seconds of speech)"))
        #expect(prompt.contains("Actors protect mutable state."))
        #expect(prompt.contains("Isolated state"))
        let usage = UsageLedger(directory: folder.url).summary()
        #expect(
            usage == [
                LanguageModelUsage(
                    purpose: "narration", provider: "openai", model: "gpt-test-0613", calls: 1, inputTokens: 11,
                    outputTokens: 7)
            ])
    }

    @Test func aRepeatedSceneIsAnsweredFromTheTaskCache() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.openAI(Self.answer("Actors serialise access.")))
        let model = F.openAIModel(server, options: F.fastOptions())
        let first = try await write(model)
        let second = try await write(model)
        #expect(first == second)
        #expect(server.requests.count == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("llm-cache").path)
        #expect(files.count == 1)
        #expect(UsageLedger(directory: folder.url).summary().first?.calls == 1)
    }

    @Test func anthropicToolAnswerIsUsed() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.anthropicTool("narration", input: Self.answer("An actor runs one task at a time.")))
        let text = try await write(F.anthropicModel(server, options: F.fastOptions()))
        #expect(text == "An actor runs one task at a time.")
        let body = try #require(server.requests.first).json
        #expect(body["tool_choice"]?["name"] == "narration")
    }

    @Test func rateLimitWithRetryAfterIsWaitedForThenAnswered() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(
            F.error(429, "rate_limit_error", "slow down", headers: ["Retry-After": "1"]),
            F.openAI(Self.answer("Actors queue their callers.")))
        let log = Log()
        let text = try await write(F.openAIModel(server, options: F.fastOptions()), log: log)
        #expect(text == "Actors queue their callers.")
        #expect(log.all.isEmpty)
        let requests = server.requests
        try #require(requests.count == 2)
        #expect(requests[0].receivedAt.seconds(to: requests[1].receivedAt) >= 1.0)
    }

    @Test func slowAnswerWithinTheTimeoutIsUsed() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.json(F.openAIBody(Self.answer("Slow but fine.")), delay: 0.3))
        let text = try await write(F.openAIModel(server, options: F.fastOptions(timeout: 10)))
        #expect(text == "Slow but fine.")
    }

    /// Every fault ends in the template, with one warning naming the scene.
    @Test(arguments: [
        "500", "timeout", "malformed", "schema", "down",
    ])
    func faultsFallBackToTheTemplate(fault: String) async throws {
        let server = try LocalHTTPServer()
        var timeout = 30.0
        switch fault {
        case "500": server.setFallback(F.error(500, "api_error", "boom"))
        case "timeout":
            timeout = 0.3
            server.setFallback(F.json(F.openAIBody(Self.answer("Too late.")), delay: 2))
        case "malformed": server.setFallback(F.openAI("{\"narration\": \"unterminated"))
        case "schema": server.setFallback(F.openAI("{\"text\": \"wrong key\"}"))
        default: server.stop()
        }
        let log = Log()
        let text = try await write(
            F.openAIModel(server, options: F.fastOptions(attempts: 2, timeout: timeout)), log: log)
        #expect(text == Self.template)
        #expect(log.all.count == 1)
        #expect(log.all.first?.hasPrefix("scene actors: AI narration failed, using the template instead") == true)
        #expect(log.all.first?.contains(F.secretKey) == false)
        #expect(UsageLedger(directory: folder.url).summary().isEmpty)
    }

    @Test func aSceneWithSourceTextFallsBackToItsOwnText() async throws {
        let server = try LocalHTTPServer(fallback: F.error(500, "api_error", "boom"))
        let text = try await write(
            F.openAIModel(server, options: F.fastOptions(attempts: 1)),
            source: "Actors isolate state and serialise async calls.")
        #expect(text == "Actors isolate state and serialise async calls.")
    }

    @Test func scriptStageRewritesOwnNarrationAndSharesTheBudget() async throws {
        let server = try LocalHTTPServer()
        server.setResponder { request in
            let prompt = request.json["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
            return F.openAI(Self.answer(prompt.contains("Slide 1") ? "First slide spoken." : "Second slide spoken."))
        }
        let scenes = [
            try SceneConfig(
                sceneID: "a", content: .title(TitleContent(title: "Actors")), narration: "Actors, briefly."),
            try SceneConfig(sceneID: "b", content: .quote(QuoteContent(text: "Share nothing.", attribution: nil))),
        ]
        let video = try VideoConfig(videoID: "v", title: "Actors", scenes: scenes)
        let events = EventRecorder()
        let stage = ScriptStage(
            writer: AINarrationWriter(model: F.openAIModel(server, options: F.fastOptions())), durationBudget: 30)
        let out = try await stage.run(video, context: PipelineContext(directory: folder.url, events: events.record))
        #expect(out.scenes.map(\.narration) == ["First slide spoken.", "Second slide spoken."])
        #expect(events.warnings.isEmpty)
        let targets = stage.targetSeconds(for: video).compactMap { $0 }
        #expect(abs(targets.reduce(0, +) - 30) < 1e-9)
        let first = server.requests.first?.json["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        #expect(first.contains("Source text of its section: Actors, briefly."))
        #expect(UsageLedger(directory: folder.url).summary().first?.calls == 2)
    }
}
