import Foundation
import Synchronization
import VideoAI
import VideoCore
import VideoTestSupport

/// Answers in each wire format, requests and clients pointed at a `LocalHTTPServer`.
enum LanguageModelFixtures {
    /// A key that must never show up anywhere.
    static let secretKey = "sk-test-SECRET-4f1c9e2a7b"

    /// The schema the tests ask for: a title of at most 40 characters, a mood from a list and
    /// one to three bullet points.
    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "title": ["type": "string", "maxLength": 40],
            "mood": ["type": "string", "enum": ["calm", "bright"]],
            "bullets": ["type": "array", "items": ["type": "string"], "minItems": 1, "maxItems": 3],
        ],
        "required": ["title", "mood", "bullets"],
        "additionalProperties": false,
    ]

    static let validAnswer: JSONValue = ["title": "Rust in ten minutes", "mood": "bright", "bullets": ["Ownership"]]

    static func structuredRequest() -> LanguageModelRequest {
        LanguageModelRequest(
            system: "You write video scripts.",
            messages: [.user("Plan a scene."), .assistant("What topic?"), .user("Rust ownership.")],
            output: StructuredOutput(name: "scene_plan", description: "One scene's plan.", schema: schema),
            maxTokens: 300, temperature: 0.2)
    }

    static func textRequest(_ prompt: String = "Say hello.") -> LanguageModelRequest {
        LanguageModelRequest(system: "Be brief.", messages: [.user(prompt)], maxTokens: 50)
    }

    /// A Chat Completions answer.
    static func openAI(
        _ content: String, model: String = "gpt-test-0613", prompt: Int = 11, completion: Int = 7,
        finish: String = "stop"
    ) -> StubReply {
        json(openAIBody(content, model: model, prompt: prompt, completion: completion, finish: finish))
    }

    /// A Chat Completions answer's body whose content is `answer` as JSON text.
    static func openAIBody(_ answer: JSONValue) -> JSONValue { openAIBody(answer.jsonString) }

    /// A Chat Completions answer's body.
    static func openAIBody(
        _ content: String, model: String = "gpt-test-0613", prompt: Int = 11, completion: Int = 7,
        finish: String = "stop"
    ) -> JSONValue {
        [
            "id": "chatcmpl-1", "object": "chat.completion", "model": .string(model),
            "choices": [
                [
                    "index": 0, "finish_reason": .string(finish),
                    "message": ["role": "assistant", "content": .string(content), "refusal": .null],
                ]
            ],
            "usage": ["prompt_tokens": .number(Double(prompt)), "completion_tokens": .number(Double(completion))],
        ]
    }

    /// A Chat Completions answer whose content is `answer` as JSON text.
    static func openAI(_ answer: JSONValue) -> StubReply { json(openAIBody(answer)) }

    /// A Messages answer with text blocks.
    static func anthropicText(_ texts: [String], model: String = "claude-test-1") -> StubReply {
        json([
            "id": "msg_1", "type": "message", "role": "assistant", "model": .string(model),
            "content": .array(texts.map { ["type": "text", "text": .string($0)] }),
            "stop_reason": "end_turn", "usage": ["input_tokens": 21, "output_tokens": 9],
        ])
    }

    /// A Messages answer that calls tool `name` with `input`.
    static func anthropicTool(_ name: String, input: JSONValue, id: String = "toolu_01") -> StubReply {
        json([
            "id": "msg_2", "type": "message", "role": "assistant", "model": "claude-test-1",
            "content": [["type": "tool_use", "id": .string(id), "name": .string(name), "input": input]],
            "stop_reason": "tool_use", "usage": ["input_tokens": 30, "output_tokens": 12],
        ])
    }

    static func json(_ value: JSONValue, status: Int = 200, headers: [String: String] = [:], delay: Double = 0)
        -> StubReply
    {
        var all = ["Content-Type": "application/json"]
        all.merge(headers) { _, new in new }
        return StubReply(status: status, headers: all, body: value.jsonData(), delay: delay)
    }

    /// An error body as both providers send it.
    static func error(_ status: Int, _ type: String, _ message: String, headers: [String: String] = [:]) -> StubReply {
        json(
            ["type": "error", "error": ["type": .string(type), "message": .string(message)]], status: status,
            headers: headers)
    }

    /// Options that keep tests fast: tiny backoff. The timeout is long unless a test is about
    /// it: the full suite runs CPU-bound tests beside these.
    static func fastOptions(
        attempts: Int = 3, timeout: Double = 30, threshold: Int = 50, cache: URL? = nil, log: Log? = nil
    ) -> LanguageModelOptions {
        var sink: (@Sendable (String) -> Void)?
        if let log { sink = { line in log.add(line) } }
        return LanguageModelOptions(
            timeout: timeout, retry: RetryPolicy(attempts: attempts, initialDelay: 0.01), maxRetryWait: 5,
            failureThreshold: threshold, coolDown: 30, cacheDirectory: cache, log: sink)
    }

    static func openAIModel(
        _ server: LocalHTTPServer, key: String? = secretKey, path: String = "/v1", options: LanguageModelOptions
    ) -> HTTPLanguageModel {
        HTTPLanguageModel(
            configuration: LanguageModelConfiguration(
                provider: .openai, baseURL: URL(string: server.baseURL.absoluteString + path)!, model: "gpt-test",
                apiKey: key),
            options: options)
    }

    static func anthropicModel(_ server: LocalHTTPServer, key: String? = secretKey, options: LanguageModelOptions)
        -> HTTPLanguageModel
    {
        HTTPLanguageModel(
            configuration: LanguageModelConfiguration(
                provider: .anthropic, baseURL: server.baseURL, model: "claude-test", apiKey: key),
            options: options)
    }

    /// A fresh empty folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vgen-llm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Collected log lines.
final class Log: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

extension RecordedRequest {
    /// The body as JSON (`null` when it is not JSON).
    var json: JSONValue { (try? JSONValue.parse(body)) ?? .null }
}

extension ContinuousClock.Instant {
    /// Seconds from `self` to `later`.
    func seconds(to later: ContinuousClock.Instant) -> Double {
        let duration = later - self
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
