import Foundation
import VideoCore

/// OpenAI Chat Completions: `POST {base}/chat/completions`, `Authorization: Bearer KEY`,
/// structured output through `response_format` `json_schema` in strict mode. Local servers
/// (llama.cpp, Ollama, vLLM, LM Studio) speak the same format, most without a key.
struct OpenAIChatFormat: WireFormat {
    /// Whether the token limit goes in `max_completion_tokens` (OpenAI's own API, where
    /// `max_tokens` is deprecated and refused by reasoning models) rather than `max_tokens`
    /// (what every compatible local server reads).
    var usesCompletionTokens: Bool

    var provider: LanguageModelProvider { .openai }

    func endpoint(base: URL) -> URL { WireFormats.join(base, "/chat/completions") }

    func headers(apiKey: String?) -> [String: String] {
        var headers = ["Content-Type": "application/json", "Accept": "application/json"]
        if let apiKey, !apiKey.isEmpty { headers["Authorization"] = "Bearer \(apiKey)" }
        return headers
    }

    func body(for request: LanguageModelRequest, model: String, correction: Correction?) -> JSONValue {
        var messages: [JSONValue] = []
        if let system = request.system { messages.append(["role": "system", "content": .string(system)]) }
        for message in request.messages {
            messages.append(["role": .string(message.role.rawValue), "content": .string(message.text)])
        }
        if let correction {
            messages.append(correction.previous.turn)
            messages.append(["role": "user", "content": .string(correction.instruction)])
        }
        var body: [String: JSONValue] = [
            "model": .string(model),
            "messages": .array(messages),
            usesCompletionTokens ? "max_completion_tokens" : "max_tokens": .number(Double(request.maxTokens)),
        ]
        if let temperature = request.temperature { body["temperature"] = .number(temperature) }
        if let output = request.output {
            var schema: [String: JSONValue] = ["name": .string(output.name), "strict": true, "schema": output.schema]
            if let description = output.description { schema["description"] = .string(description) }
            body["response_format"] = ["type": "json_schema", "json_schema": .object(schema)]
        }
        return .object(body)
    }

    func reply(from body: Data, for request: LanguageModelRequest) throws -> WireReply {
        let answer = try WireFormats.parse(body, provider: provider)
        guard let choice = answer["choices"]?.arrayValue?.first, let message = choice["message"] else {
            throw VideoError(.io, "the openai server's answer has no choices[0].message")
        }
        let text = message["content"]?.stringValue ?? ""
        return WireReply(
            text: text, json: nil,
            model: answer["model"]?.stringValue ?? "",
            inputTokens: WireFormats.count(answer["usage"]?["prompt_tokens"]),
            outputTokens: WireFormats.count(answer["usage"]?["completion_tokens"]),
            truncated: choice["finish_reason"]?.stringValue == "length",
            refusal: message["refusal"]?.stringValue,
            turn: ["role": "assistant", "content": .string(text)])
    }
}
