import Foundation
import Testing
import VideoAI
import VideoCore
import VideoTestSupport

/// Structured answers: re-asks, the clear error after two bad answers, the response cache and
/// keeping the key out of everything written.
@Suite struct LanguageModelOutputTests {
    typealias F = LanguageModelFixtures

    @Test func malformedJSONIsAskedForAgainWithTheValidationError() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(
            F.openAI(#"{"title": "Rust", "mood": "#, prompt: 10, completion: 4),
            F.openAI(F.validAnswer.jsonString, prompt: 40, completion: 9))
        let log = Log()
        let model = F.openAIModel(server, options: F.fastOptions(log: log))
        let response = try await model.complete(F.structuredRequest())

        #expect(response.json == F.validAnswer)
        #expect(response.inputTokens == 50)
        #expect(response.outputTokens == 13)
        let requests = server.requests
        try #require(requests.count == 2)
        let first = try #require(requests[0].json["messages"]?.arrayValue)
        let second = try #require(requests[1].json["messages"]?.arrayValue)
        #expect(second.count == first.count + 2)
        #expect(Array(second.prefix(first.count)) == first)
        #expect(second[first.count] == ["role": "assistant", "content": #"{"title": "Rust", "mood": "#])
        let reAsk = try #require(second.last)
        #expect(reAsk["role"] == "user")
        let text = try #require(reAsk["content"]?.stringValue)
        #expect(text.contains("rejected: not valid JSON"))
        #expect(requests[1].json["response_format"] == requests[0].json["response_format"])
        #expect(log.all.contains { $0.contains("asking once more") })
    }

    @Test func aSchemaViolationTwiceIsAClearError() async throws {
        let server = try LocalHTTPServer()
        let tooLong: JSONValue = [
            "title": .string(String(repeating: "x", count: 41)), "mood": "calm", "bullets": ["a"],
        ]
        let missing: JSONValue = ["title": "Fine", "bullets": ["a", "b", "c", "d"], "extra": true]
        server.enqueue(F.openAI(tooLong.jsonString), F.openAI(missing.jsonString))
        let model = F.openAIModel(server, options: F.fastOptions())
        let error = try await #require(throws: VideoError.self) { try await model.complete(F.structuredRequest()) }

        #expect(server.requests.count == 2, "asked once more, then gave up")
        let reAsk = server.requests[1].json["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        #expect(reAsk.contains("$.title: 41 characters, more than the maximum 40"))
        #expect(error.code == .io)
        #expect(!error.isRetryable)
        #expect(error.message.contains("did not follow the scene_plan schema twice"))
        #expect(error.message.contains(#"$: missing required property "mood""#))
        #expect(error.message.contains("$.bullets: 4 items, more than the maximum 3"))
        #expect(error.message.contains(#"$: unexpected property "extra""#))
    }

    @Test func anthropicReAsksWithAnErrorToolResult() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(
            F.anthropicTool("scene_plan", input: ["title": "T", "mood": "grim", "bullets": ["a"]], id: "toolu_bad"),
            F.anthropicTool("scene_plan", input: F.validAnswer, id: "toolu_good"))
        let model = F.anthropicModel(server, options: F.fastOptions())
        let response = try await model.complete(F.structuredRequest())

        #expect(response.json == F.validAnswer)
        #expect(response.inputTokens == 60)
        let messages = try #require(server.requests.last?.json["messages"]?.arrayValue)
        try #require(messages.count == 5)
        let turn = messages[3]
        #expect(turn["role"] == "assistant")
        #expect(
            turn["content"]
                == [
                    [
                        "type": "tool_use", "id": "toolu_bad", "name": "scene_plan",
                        "input": ["title": "T", "mood": "grim", "bullets": ["a"]],
                    ]
                ])
        let result = try #require(messages[4]["content"]?.arrayValue?.first)
        #expect(messages[4]["role"] == "user")
        #expect(result["type"] == "tool_result")
        #expect(result["tool_use_id"] == "toolu_bad")
        #expect(result["is_error"] == true)
        #expect(result["content"]?.stringValue?.contains(#"$.mood: "grim" is not one of "calm", "bright""#) == true)
    }

    @Test func aFencedAnswerFromALocalModelIsAccepted() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.openAI("```json\n\(F.validAnswer.jsonString)\n```"))
        let model = F.openAIModel(server, key: nil, options: F.fastOptions())
        #expect(try await model.complete(F.structuredRequest()).json == F.validAnswer)
        #expect(server.requests.count == 1)
    }

    @Test func theCacheServesARepeatedRequestWithoutCallingTheServer() async throws {
        let server = try LocalHTTPServer()
        server.enqueue(F.openAI(F.validAnswer.jsonString), F.openAI("Other."))
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = F.openAIModel(server, options: F.fastOptions(cache: folder))

        let first = try await model.complete(F.structuredRequest())
        let second = try await model.complete(F.structuredRequest())
        #expect(server.requests.count == 1)
        #expect(!first.fromCache)
        #expect(second.fromCache)
        #expect(second.json == first.json)
        #expect(second.text == first.text)
        #expect(second.model == first.model)
        #expect(second.inputTokens == first.inputTokens)

        // A new client over the same folder, as a resumed task makes, pays nothing either.
        let resumed = F.openAIModel(server, options: F.fastOptions(cache: folder))
        #expect(try await resumed.complete(F.structuredRequest()).fromCache)
        #expect(server.requests.count == 1)

        // A different request, or the same one to another model, is asked.
        #expect(try await model.complete(F.textRequest()).text == "Other.")
        #expect(server.requests.count == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.count == 2)
        #expect(files.allSatisfy { $0.hasPrefix("llm-") && $0.hasSuffix(".json") })
        server.enqueue(F.openAI(F.validAnswer.jsonString))
        let otherModel = HTTPLanguageModel(
            configuration: LanguageModelConfiguration(
                provider: .openai, baseURL: server.baseURL, model: "gpt-other", apiKey: F.secretKey),
            options: F.fastOptions(cache: folder))
        #expect(try await otherModel.complete(F.structuredRequest()).fromCache == false)
        #expect(server.requests.count == 3)
    }

    @Test func theKeyAppearsInNoFileErrorOrLogLine() async throws {
        let server = try LocalHTTPServer()
        let echo = "Incorrect API key provided: \(F.secretKey). You can find your API key at https://example.invalid."
        // The answer echoes the key too, as a misbehaving server or model might.
        let echoing: JSONValue = ["title": .string("k: \(F.secretKey)"), "mood": "calm", "bullets": ["a"]]
        server.enqueue(
            F.error(500, "api_error", "internal error for key \(F.secretKey)"),
            F.openAI(echoing.jsonString),
            F.error(401, "invalid_request_error", echo))
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = Log()
        let model = F.openAIModel(server, options: F.fastOptions(cache: folder, log: log))

        let answer = try await model.complete(F.structuredRequest())
        #expect(answer.json?["title"] == "k: [redacted]")
        #expect(!answer.text.contains(F.secretKey))
        let error = try await #require(throws: VideoError.self) { try await model.complete(F.textRequest()) }
        #expect(server.requests.count == 3)
        #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Bearer \(F.secretKey)" })

        #expect(error.code == .invalidInput)
        #expect(error.message.contains("HTTP 401"))
        #expect(error.message.contains("Incorrect API key provided: [redacted]."))
        #expect(!error.description.contains(F.secretKey))
        #expect(!String(describing: error).contains(F.secretKey))
        #expect(!String(reflecting: error).contains(F.secretKey))
        #expect(log.all.count == 1)
        #expect(log.all.allSatisfy { !$0.contains(F.secretKey) && $0.contains("[redacted]") })

        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        #expect(!files.isEmpty)
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            #expect(data.range(of: Data(F.secretKey.utf8)) == nil, "\(file) holds the key")
        }

        let configuration = model.configuration
        for text in [configuration.description, String(reflecting: configuration), dumped(configuration)] {
            #expect(!text.contains(F.secretKey))
        }
    }

    private func dumped(_ value: some Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}
