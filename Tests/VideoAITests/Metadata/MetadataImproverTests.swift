import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// Metadata improved by a model on local servers: valid fields replace the offline ones,
/// fields past YouTube's limits keep them, any failure keeps them all with a warning, and the
/// chapters stay computed.
@Suite struct MetadataImproverTests {
    typealias F = LanguageModelFixtures
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory(prefix: "vgen-ai-metadata") }

    static func offline() throws -> (VideoMetadata, VideoConfig) {
        let headings = ["Overview", "Architecture", "Getting Started"]
        let scenes =
            [
                try SceneConfig(
                    sceneID: "t", content: .title(TitleContent(title: "Loopy", subtitle: "Event loops.")),
                    narration: "Loopy runs event loops.")
            ]
            + (try headings.enumerated().map { i, heading in
                try SceneConfig(
                    sceneID: "s\(i)", content: .list(ListContent(heading: heading, items: ["A point."])),
                    narration: "Event loops run tasks.")
            })
        let config = try VideoConfig(videoID: "loopy", title: "Loopy", description: "About loops.", scenes: scenes)
        let narrations = config.scenes.map {
            TimingPlanner.Narration(scene: $0, sampleCount: 16_000 * 14, words: [], audioFile: "a.wav")
        }
        let manifest = TimingPlanner().plan(narrations, fps: 30, sampleRate: 16_000)
        return (VideoMetadata(config: config, manifest: manifest), config)
    }

    static let answer: JSONValue = [
        "with_subtitle": "Loopy: event loops without the pain", "question": "What is an event loop?",
        "how_to": "How to run tasks on event loops with Loopy", "short": "Loopy in short",
        "description": "A tour of Loopy's event loops.", "tags": ["loopy", "event loop", "swift"],
        "keywords": ["Event Loop", "tasks"],
    ]

    private func improve(_ model: HTTPLanguageModel, log: Log = Log()) async throws -> (VideoMetadata, VideoMetadata) {
        let (metadata, config) = try Self.offline()
        let improved = try await MetadataImprover(model: model).improve(
            metadata, config: config, directory: folder.url, warn: { log.add($0) })
        return (metadata, improved)
    }

    @Test func validAnswersReplaceTheOfflineFieldsAndChaptersStay() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.openAI(Self.answer))
        let log = Log()
        let (offline, improved) = try await improve(F.openAIModel(server, options: F.fastOptions()), log: log)

        #expect(improved.titleVariants.withSubtitle == "Loopy: event loops without the pain")
        #expect(improved.titleVariants.howTo == "How to run tasks on event loops with Loopy")
        #expect(improved.titleVariants.original == "Loopy")
        #expect(improved.tags == ["loopy", "event loop", "swift"])
        #expect(improved.keywords == ["event loop", "tasks"])
        #expect(improved.chapters == offline.chapters)
        #expect(improved.youtubeChapters == offline.youtubeChapters)
        #expect(!offline.youtubeChapters.isEmpty)
        #expect(improved.description.hasPrefix("A tour of Loopy's event loops.\n\n0:00 "))
        #expect(improved.description.hasSuffix(offline.description.components(separatedBy: "\n\n").last!))
        #expect(log.all.isEmpty)
        let body = try #require(server.requests.first).json
        #expect(body["response_format"]?["json_schema"]?["name"] == "video_metadata")
        #expect(UsageLedger(directory: folder.url).summary().map(\.purpose) == ["metadata"])
    }

    @Test func fieldsPastYouTubesLimitsKeepTheOfflineOnes() async throws {
        var answer = Self.answer.objectValue!
        answer["question"] = "What is <script>?"
        answer["tags"] = .array((0..<30).map { .string("tag number \($0) " + String(repeating: "x", count: 20)) })
        let server = try LocalHTTPServer()
        server.enqueue(F.openAI(.object(answer)))
        let log = Log()
        let (offline, improved) = try await improve(F.openAIModel(server, options: F.fastOptions()), log: log)
        #expect(improved.titleVariants.question == offline.titleVariants.question)
        #expect(improved.titleVariants.short == "Loopy in short")
        #expect(YouTubeRules.tagCharacters(improved.tags) <= YouTubeRules.maximumTagCharacters)
        #expect(improved.tags.count < 30)
        #expect(log.all == ["metadata: kept the offline question: the model's broke YouTube's limits"])
    }

    @Test(arguments: ["500", "schema", "malformed"])
    func failuresKeepTheOfflineMetadata(fault: String) async throws {
        let server = try LocalHTTPServer()
        switch fault {
        case "500": server.setFallback(F.error(500, "api_error", "boom"))
        case "schema": server.setFallback(F.openAI(["short": "Only this"]))
        default: server.setFallback(F.openAI("not json at all"))
        }
        let log = Log()
        let (offline, improved) = try await improve(
            F.openAIModel(server, options: F.fastOptions(attempts: 2)), log: log)
        #expect(improved == offline)
        #expect(log.all.count == 1)
        #expect(log.all.first?.hasPrefix("metadata: the language model failed") == true)
        #expect(UsageLedger(directory: folder.url).summary().isEmpty)
    }

    @Test func ledgerSumsPerPurposeAndReplacesRepeatedRequests() throws {
        let ledger = UsageLedger(directory: folder.url)
        let one = LanguageModelRequest(messages: [.user("one")])
        let two = LanguageModelRequest(messages: [.user("two")])
        let answer = LanguageModelResponse(text: "", model: "m", inputTokens: 10, outputTokens: 3)
        try ledger.record("narration", request: one, response: answer, provider: "openai")
        try ledger.record("narration", request: two, response: answer, provider: "openai")
        try ledger.record("narration", request: one, response: answer, provider: "openai")
        try ledger.record("metadata", request: one, response: answer, provider: "openai")
        #expect(
            ledger.summary() == [
                LanguageModelUsage(
                    purpose: "metadata", provider: "openai", model: "m", calls: 1, inputTokens: 10, outputTokens: 3),
                LanguageModelUsage(
                    purpose: "narration", provider: "openai", model: "m", calls: 2, inputTokens: 20, outputTokens: 6),
            ])
        try ledger.reset("narration")
        #expect(ledger.summary().map(\.purpose) == ["metadata"])
    }
}
