import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// Prompt → plan against local servers: the schema comes from the scene types offered (an
/// app's own included), the plan goes through the YAML validator, an invalid plan is asked
/// for once more with the error, and the spec reads back into the same video.
@Suite struct PromptPlannerTests {
    typealias F = LanguageModelFixtures

    static let metric = SceneTypeDescription(
        type: "metric", summary: "One big number and what it measures.",
        fields: [
            SceneField("value", .text, required: true, "The number"), SceneField("label", .text, "What it counts"),
        ])
    static let types = [SceneTypeDescription.builtIn(.title), .builtIn(.list), .builtIn(.quiz), metric]

    /// A planned scene as the schema has it: `{"TYPE": {fields…, "narration": …}}`.
    static func scene(_ type: String, _ fields: [String: JSONValue], _ narration: String) -> JSONValue {
        var all = fields
        all["narration"] = .string(narration)
        return [type: .object(all)]
    }

    static func plan(answerIndex: Int = 1) -> JSONValue {
        [
            "title": "Swift actors for Python developers",
            "description": "Actors explained by way of asyncio.",
            "scenes": [
                scene("title", ["title": "Swift actors", "subtitle": .null], "Let us meet **Swift** actors."),
                scene(
                    "list", ["heading": "Why actors", "items": ["No data races", "Async access"]],
                    "Actors keep state safe."),
                scene("metric", ["value": "1", "label": "task at a time"], "An actor runs one task at a time."),
                scene(
                    "quiz",
                    [
                        "question": "What does await mark?", "options": ["A suspension point", "A lock"],
                        "answer_index": .number(Double(answerIndex)), "explanation": .null, "reveal_after": .null,
                    ], "Think about it."),
            ],
        ]
    }

    static let resolution = try! Resolution(parsing: "320x180")

    @Test func schemaIsGeneratedFromTheOfferedTypes() throws {
        let schema = PlanSchema.schema(for: Self.types, maxScenes: 8)
        let branches = try #require(schema["properties"]?["scenes"]?["items"]?["anyOf"]?.arrayValue)
        #expect(branches.map { $0["required"] } == ["title", "list", "quiz", "metric"].map { .array([.string($0)]) })
        #expect(
            branches.allSatisfy { $0["additionalProperties"] == false && $0["properties"]?.objectValue?.count == 1 })
        let metric = try #require(branches[3]["properties"]?["metric"])
        #expect(metric["required"] == ["value", "label", "narration"])
        #expect(metric["properties"]?["label"]?["type"] == ["string", "null"])
        #expect(metric["properties"]?["value"]?["type"] == "string")
        #expect(metric["description"] == "One big number and what it measures.")
        #expect(metric["additionalProperties"] == false)
        let quiz = try #require(branches[2]["properties"]?["quiz"])
        #expect(quiz["properties"]?["answer_index"]?["type"] == "integer")
        #expect(quiz["properties"]?["options"]?["items"]?["type"] == "string")
        #expect(JSONSchemaValidator(schema: schema).problems(in: Self.plan()).isEmpty)
        let wrong = JSONSchemaValidator(schema: schema).problems(in: [
            "title": "t", "description": "", "scenes": [["metric": ["narration": "x"]]],
        ])
        #expect(wrong.contains { $0.contains("value") })
    }

    @Test func aValidPlanBecomesAVideoAndASpecThatReadsBack() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.openAI(Self.plan()))
        let planner = PromptPlanner(model: F.openAIModel(server, options: F.fastOptions()), sceneTypes: Self.types)
        let plan = try await planner.plan(
            prompt: "Explain Swift actors to a Python developer", duration: 60, resolution: Self.resolution)

        #expect(plan.config.videoID == "swift-actors-for-python-developers")
        #expect(plan.config.resolution == Self.resolution)
        #expect(plan.config.scenes.map(\.sceneType) == ["title", "list", "metric", "quiz"])
        #expect(plan.config.scenes[0].narration == "Let us meet Swift actors.")
        #expect(
            plan.config.scenes[2].content
                == .custom(CustomSceneContent(type: "metric", fields: ["value": "1", "label": "task at a time"])))
        let reread = try YAMLAdapter(
            text: plan.specYAML, baseDirectory: FileManager.default.temporaryDirectory, customSceneTypes: ["metric"]
        ).makeVideoConfig()
        #expect(reread == plan.config)
        #expect(
            plan.usage
                == LanguageModelUsage(
                    purpose: "planning", provider: "openai", model: "gpt-test-0613", calls: 1, inputTokens: 11,
                    outputTokens: 7))

        let body = try #require(server.requests.first).json
        #expect(body["response_format"]?["json_schema"]?["name"] == "video_plan")
        let ask = body["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        #expect(ask.contains("about 60 seconds"))
        #expect(ask.contains("about 165 words"))
        #expect(
            body["messages"]?.arrayValue?.first?["content"]?.stringValue?.contains("- metric: One big number") == true)
    }

    @Test func anInvalidPlanIsAskedForOnceMoreWithTheError() async throws {
        let anthropic = try LocalHTTPServer()
        anthropic.enqueue(
            F.anthropicTool("video_plan", input: Self.plan(answerIndex: 5)),
            F.anthropicTool("video_plan", input: Self.plan()))
        let planner = PromptPlanner(
            model: F.anthropicModel(anthropic, options: F.fastOptions()), sceneTypes: Self.types)
        let plan = try await planner.plan(prompt: "Actors", duration: nil, resolution: Self.resolution)

        #expect(plan.config.scenes.count == 4)
        #expect(plan.usage?.calls == 2)
        let requests = anthropic.requests
        try #require(requests.count == 2)
        let messages = requests[1].json["messages"]?.arrayValue ?? []
        #expect(messages.count == 3)
        let correction = messages.last?["content"]?.jsonString ?? ""
        #expect(correction.contains("rejected"))
        #expect(correction.contains("answer_index"))
    }

    @Test func aPlanInvalidTwiceFailsWithTheLastError() async throws {
        let server = try LocalHTTPServer(fallback: F.openAI(Self.plan(answerIndex: 7)))
        let planner = PromptPlanner(model: F.openAIModel(server, options: F.fastOptions()), sceneTypes: Self.types)
        let error = try await #require(throws: VideoError.self) {
            try await planner.plan(prompt: "Actors", duration: 60, resolution: Self.resolution)
        }
        #expect(error.code == .io)
        #expect(error.message.contains("not valid twice"))
        #expect(error.message.contains("answer_index"))
        #expect(!error.description.contains("\n"))
        #expect(server.requests.count == 2)
    }

    @Test func aSchemaViolationTwiceFailsInTheModelLayer() async throws {
        let server = try LocalHTTPServer(fallback: F.openAI(["title": "No scenes"]))
        let planner = PromptPlanner(model: F.openAIModel(server, options: F.fastOptions()), sceneTypes: Self.types)
        let error = try await #require(throws: VideoError.self) {
            try await planner.plan(prompt: "Actors", duration: 60, resolution: Self.resolution)
        }
        #expect(error.message.contains("video_plan schema twice"))
        #expect(server.requests.count == 2)
    }

    @Test func noProviderIsOneLineNamingTheVariables() throws {
        let error = try #require(throws: VideoError.self) {
            _ = try LanguageModelConfiguration.requiredLanguageModel(for: "--prompt", environment: [:])
        }
        let text = error.description
        #expect(!text.contains("\n"))
        for name in [
            "--prompt", "OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "VGEN_LLM",
            "VGEN_LLM_MODEL",
        ] {
            #expect(text.contains(name))
        }
    }

    @Test func badPromptsAreRefusedBeforeAnyCall() async throws {
        let server = try LocalHTTPServer()
        let planner = PromptPlanner(model: F.openAIModel(server, options: F.fastOptions()), sceneTypes: Self.types)
        let empty = try await #require(throws: VideoError.self) {
            try await planner.plan(prompt: "  ", duration: 60, resolution: Self.resolution)
        }
        #expect(empty.field == "prompt")
        let short = try await #require(throws: VideoError.self) {
            try await planner.plan(prompt: "Actors", duration: 1, resolution: Self.resolution)
        }
        #expect(short.field == "duration")
        #expect(server.requests.isEmpty)
    }
}
