import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// Every fault the issue names, injected by a local server of each wire format that refuses
/// requests breaking its format (`WireConformance`): a structured call must come through each
/// (or fail as documented), and every request it sent, re-asks and retries included, must
/// follow the format.
@Suite struct LanguageModelFaultMatrixTests {
    typealias F = LanguageModelFixtures

    enum Fault: String, CaseIterable, Sendable {
        /// 429 with `Retry-After: 1`, then the answer.
        case rateLimited
        /// 500, then the answer.
        case serverError
        /// OpenAI's 503 or Anthropic's 529 (overloaded), then the answer.
        case overloaded
        /// The first answer is held past the timeout; the retry is answered at once.
        case timeout
        /// An answer that is not JSON, then a valid one.
        case malformedJSON
        /// An answer that breaks the schema, then a valid one.
        case schemaViolation
        /// One answer, slow but within the timeout.
        case slowAnswer
        /// A 200 whose body is not the format's JSON (a proxy's HTML page).
        case garbledBody
    }

    /// An error body as `provider` sends it.
    static func error(_ provider: LanguageModelProvider, _ status: Int, _ type: String, headers: [String: String] = [:])
        -> StubReply
    {
        let body: JSONValue =
            switch provider {
            case .openai: ["error": ["message": "injected", "type": .string(type), "param": .null, "code": .null]]
            case .anthropic:
                ["type": "error", "error": ["type": .string(type), "message": "injected"], "request_id": "req_1"]
            }
        return F.json(body, status: status, headers: headers)
    }

    /// A structured answer carrying `value`, as `provider` sends it.
    static func answer(_ provider: LanguageModelProvider, _ value: JSONValue, delay: Double = 0) -> StubReply {
        var reply =
            switch provider {
            case .openai: F.openAI(value)
            case .anthropic: F.anthropicTool("scene_plan", input: value)
            }
        reply.delay = delay
        return reply
    }

    /// Answer text that is not JSON: Chat Completions content, or a text block from a server
    /// that ignored `tool_choice`.
    static func notJSON(_ provider: LanguageModelProvider) -> StubReply {
        let text = #"{"title": "Rust", "mood": "#
        return switch provider {
        case .openai: F.openAI(text)
        case .anthropic: F.anthropicText([text])
        }
    }

    static func model(_ server: LocalHTTPServer, _ provider: LanguageModelProvider, timeout: Double)
        -> HTTPLanguageModel
    {
        let options = F.fastOptions(timeout: timeout)
        return switch provider {
        case .openai: F.openAIModel(server, options: options)
        case .anthropic: F.anthropicModel(server, options: options)
        }
    }

    @Test(arguments: LanguageModelProvider.allCases, Fault.allCases)
    func aStructuredCallComesThroughEachFault(provider: LanguageModelProvider, fault: Fault) async throws {
        let server = try LocalHTTPServer.speaking(provider, key: F.secretKey)
        let bad: JSONValue = ["title": "Rust", "mood": "grim", "bullets": ["Ownership"]]
        // 3 s: long enough that the immediate second answer arrives in time on a loaded machine.
        var timeout = 30.0
        switch fault {
        case .rateLimited:
            server.enqueue(
                Self.error(provider, 429, "rate_limit_error", headers: ["Retry-After": "1"]),
                Self.answer(provider, F.validAnswer))
        case .serverError:
            server.enqueue(Self.error(provider, 500, "api_error"), Self.answer(provider, F.validAnswer))
        case .overloaded:
            let status = provider == .openai ? 503 : 529
            server.enqueue(Self.error(provider, status, "overloaded_error"), Self.answer(provider, F.validAnswer))
        case .timeout:
            timeout = 3
            server.enqueue(Self.answer(provider, bad, delay: 30), Self.answer(provider, F.validAnswer))
        case .malformedJSON:
            server.enqueue(Self.notJSON(provider), Self.answer(provider, F.validAnswer))
        case .schemaViolation:
            server.enqueue(Self.answer(provider, bad), Self.answer(provider, F.validAnswer))
        case .slowAnswer:
            timeout = 10
            server.enqueue(Self.answer(provider, F.validAnswer, delay: 0.5))
        case .garbledBody:
            server.enqueue(StubReply(headers: ["Content-Type": "text/html"], body: Data("<html>502</html>".utf8)))
        }
        let model = Self.model(server, provider, timeout: timeout)
        let started = ContinuousClock.now

        if fault == .garbledBody {
            let error = try await #require(throws: VideoError.self) { try await model.complete(F.structuredRequest()) }
            #expect(error.code == .io)
            #expect(error.message.contains("answer is not JSON"), "\(error.message)")
            #expect(server.requests.count == 1)
        } else {
            let response = try await model.complete(F.structuredRequest())
            #expect(response.json == F.validAnswer)
            #expect(server.requests.count == (fault == .slowAnswer ? 1 : 2))
        }
        let requests = server.requests
        let elapsed = started.seconds(to: .now)
        switch fault {
        case .rateLimited:
            #expect(requests[0].receivedAt.seconds(to: requests[1].receivedAt) >= 1.0, "Retry-After was honoured")
            #expect(requests[1].body == requests[0].body)
        case .serverError, .overloaded:
            #expect(requests[1].body == requests[0].body, "a retry sends the same request")
        case .timeout:
            #expect(elapsed >= 3)
            var holds = server.holds.makeAsyncIterator()
            #expect(await holds.next() == .hungUp, "the client gave up on the held request")
        case .malformedJSON, .schemaViolation:
            // The re-ask carries the validation error in the format's own way.
            let text = String(decoding: requests[1].body, as: UTF8.self)
            #expect(text.contains(fault == .malformedJSON ? "not valid JSON" : #"\"grim\" is not one of"#), "\(text)")
        case .slowAnswer:
            #expect(elapsed >= 0.5)
        case .garbledBody:
            break
        }
        #expect(server.conformanceProblems(provider, key: F.secretKey) == [])
    }

    @Test(arguments: LanguageModelProvider.allCases)
    func theConformingServerRefusesARequestThatBreaksTheFormat(provider: LanguageModelProvider) async throws {
        // The check is real: the other format's client, or the wrong key, is refused with a 400.
        let server = try LocalHTTPServer.speaking(provider, key: "another-key")
        server.setFallback(Self.answer(provider, F.validAnswer))
        let other: LanguageModelProvider = provider == .openai ? .anthropic : .openai
        let wrongFormat = HTTPLanguageModel(
            configuration: LanguageModelConfiguration(
                provider: other, baseURL: URL(string: server.baseURL.absoluteString + (other == .openai ? "/v1" : ""))!,
                model: "m", apiKey: "another-key"),
            options: F.fastOptions())
        let error = try await #require(throws: VideoError.self) {
            try await wrongFormat.complete(F.structuredRequest())
        }
        #expect(error.code == .invalidInput)
        #expect(error.message.contains("HTTP 400"))
        #expect(!server.conformanceProblems(provider, key: "another-key").isEmpty)

        let wrongKey = Self.model(server, provider, timeout: 30)
        await #expect(throws: VideoError.self) { try await wrongKey.complete(F.structuredRequest()) }
        #expect(server.requests.count == 2)
    }
}
