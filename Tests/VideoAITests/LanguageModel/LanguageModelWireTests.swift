import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// Every request checked against its wire format, over real HTTP on 127.0.0.1.
@Suite struct LanguageModelWireTests {
    typealias F = LanguageModelFixtures

    @Test func openAIRequestFollowsChatCompletionsWithJSONSchema() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.openAI(F.validAnswer.jsonString))
        let model = F.openAIModel(server, options: F.fastOptions())
        let response = try await model.complete(F.structuredRequest())

        let sent = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(sent.method == "POST")
        #expect(sent.path == "/v1/chat/completions")
        #expect(sent.headers["authorization"] == "Bearer \(F.secretKey)")
        #expect(sent.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(sent.headers["x-api-key"] == nil)
        let body = sent.json
        #expect(body["model"] == "gpt-test")
        #expect(body["max_tokens"] == 300)
        #expect(body["max_completion_tokens"] == nil)
        #expect(body["temperature"] == 0.2)
        #expect(
            body["messages"]
                == [
                    ["role": "system", "content": "You write video scripts."],
                    ["role": "user", "content": "Plan a scene."],
                    ["role": "assistant", "content": "What topic?"],
                    ["role": "user", "content": "Rust ownership."],
                ])
        #expect(body["response_format"]?["type"] == "json_schema")
        let schema = body["response_format"]?["json_schema"]
        #expect(schema?["name"] == "scene_plan")
        #expect(schema?["strict"] == true)
        #expect(schema?["description"] == "One scene's plan.")
        #expect(schema?["schema"] == F.schema)

        #expect(response.json == F.validAnswer)
        #expect(response.text == F.validAnswer.jsonString)
        #expect(response.model == "gpt-test-0613")
        #expect(response.inputTokens == 11)
        #expect(response.outputTokens == 7)
        #expect(!response.fromCache)
    }

    @Test func openAILocalServerNeedsNoKeyAndFreeTextHasNoResponseFormat() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.openAI("Hello there."))
        // A trailing slash on the base URL must not double the slash in the path.
        let model = F.openAIModel(server, key: nil, path: "/v1/", options: F.fastOptions())
        let response = try await model.complete(F.textRequest())

        let sent = try #require(server.requests.first)
        #expect(sent.path == "/v1/chat/completions")
        #expect(sent.headers["authorization"] == nil)
        #expect(sent.json["response_format"] == nil)
        #expect(sent.json["temperature"] == nil)
        #expect(sent.json["max_tokens"] == 50)
        #expect(response.text == "Hello there.")
        #expect(response.json == nil)
    }

    @Test func openAIsOwnAPIGetsMaxCompletionTokens() throws {
        let format = WireFormats.format(for: .openai, baseURL: LanguageModelProvider.openai.defaultBaseURL)
        let body = format.body(for: F.textRequest(), model: "gpt-x", correction: nil)
        #expect(body["max_completion_tokens"] == 50)
        #expect(body["max_tokens"] == nil)
        #expect(
            format.endpoint(base: LanguageModelProvider.openai.defaultBaseURL).absoluteString
                == "https://api.openai.com/v1/chat/completions")
        #expect(
            WireFormats.format(for: .anthropic, baseURL: LanguageModelProvider.anthropic.defaultBaseURL)
                .endpoint(base: LanguageModelProvider.anthropic.defaultBaseURL).absoluteString
                == "https://api.anthropic.com/v1/messages")
    }

    @Test func anthropicRequestFollowsMessagesWithAForcedTool() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.anthropicTool("scene_plan", input: F.validAnswer))
        let model = F.anthropicModel(server, options: F.fastOptions())
        let response = try await model.complete(F.structuredRequest())

        let sent = try #require(server.requests.first)
        #expect(sent.method == "POST")
        #expect(sent.path == "/v1/messages")
        #expect(sent.headers["x-api-key"] == F.secretKey)
        #expect(sent.headers["anthropic-version"] == "2023-06-01")
        #expect(sent.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(sent.headers["authorization"] == nil)
        let body = sent.json
        #expect(body["model"] == "claude-test")
        #expect(body["max_tokens"] == 300)
        #expect(body["system"] == "You write video scripts.")
        #expect(body["temperature"] == 0.2)
        #expect(
            body["messages"]
                == [
                    ["role": "user", "content": "Plan a scene."],
                    ["role": "assistant", "content": "What topic?"],
                    ["role": "user", "content": "Rust ownership."],
                ])
        #expect(
            body["tools"]
                == [["name": "scene_plan", "description": "One scene's plan.", "input_schema": F.schema]])
        #expect(body["tool_choice"] == ["type": "tool", "name": "scene_plan"])
        #expect(body["response_format"] == nil)

        #expect(response.json == F.validAnswer)
        #expect(response.model == "claude-test-1")
        #expect(response.inputTokens == 30)
        #expect(response.outputTokens == 12)
    }

    @Test func anthropicFreeTextJoinsTextBlocksAndSendsNoTools() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.anthropicText(["Hello ", "there."]))
        let model = F.anthropicModel(server, key: nil, options: F.fastOptions())
        let response = try await model.complete(F.textRequest())

        let sent = try #require(server.requests.first)
        #expect(sent.headers["x-api-key"] == nil)
        #expect(sent.headers["anthropic-version"] == "2023-06-01")
        #expect(sent.json["tools"] == nil)
        #expect(sent.json["tool_choice"] == nil)
        #expect(sent.json["max_tokens"] == 50)
        #expect(response.text == "Hello there.")
        #expect(response.json == nil)
        #expect(response.inputTokens == 21)
        #expect(response.outputTokens == 9)
    }

    @Test func badRequestsFailBeforeAnythingIsSent() async throws {
        let server = try LocalHTTPServer()
        let model = F.openAIModel(server, options: F.fastOptions())
        var request = F.structuredRequest()
        request.output?.schema = ["type": "array"]
        await #expect(throws: VideoError.self) { try await model.complete(request) }
        request = F.textRequest()
        request.messages = [.assistant("Hi")]
        await #expect(throws: VideoError.self) { try await model.complete(request) }
        request = F.structuredRequest()
        request.output?.name = "has spaces"
        await #expect(throws: VideoError.self) { try await model.complete(request) }
        #expect(server.requests.isEmpty)
    }
}
