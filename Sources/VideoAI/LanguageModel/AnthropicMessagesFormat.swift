import Foundation
import VideoCore

/// Anthropic Messages: `POST {base}/v1/messages`, `x-api-key: KEY`,
/// `anthropic-version: 2023-06-01`, `max_tokens` always present.
///
/// Structured output is a forced tool call: the schema becomes the `input_schema` of one tool
/// named after the schema, and `tool_choice` `{"type": "tool", "name": …}` makes the model
/// answer by calling it, so the answer arrives as the tool's parsed `input`. (Every Claude
/// model since Claude 3 supports it, and it needs no beta header; a prefilled `{` would leave
/// the JSON unconstrained.) A re-ask returns a `tool_result` with `is_error: true` carrying the
/// validation error, the documented way to tell Claude a tool call was wrong.
struct AnthropicMessagesFormat: WireFormat {
    /// The API version every request names.
    static let version = "2023-06-01"

    var provider: LanguageModelProvider { .anthropic }

    func endpoint(base: URL) -> URL { WireFormats.join(base, "/v1/messages") }

    func headers(apiKey: String?) -> [String: String] {
        var headers = [
            "Content-Type": "application/json", "Accept": "application/json", "anthropic-version": Self.version,
        ]
        if let apiKey, !apiKey.isEmpty { headers["x-api-key"] = apiKey }
        return headers
    }

    func body(for request: LanguageModelRequest, model: String, correction: Correction?) -> JSONValue {
        var messages: [JSONValue] = request.messages.map {
            ["role": .string($0.role.rawValue), "content": .string($0.text)]
        }
        if let correction {
            messages.append(correction.previous.turn)
            let toolUse = correction.previous.turn["content"]?.arrayValue?.first { $0["type"] == "tool_use" }
            if let id = toolUse?["id"] {
                let result: JSONValue = [
                    "type": "tool_result", "tool_use_id": id, "is_error": true,
                    "content": .string(correction.instruction),
                ]
                messages.append(["role": "user", "content": [result]])
            } else {
                messages.append(["role": "user", "content": .string(correction.instruction)])
            }
        }
        var body: [String: JSONValue] = [
            "model": .string(model),
            "max_tokens": .number(Double(request.maxTokens)),
            "messages": .array(messages),
        ]
        if let system = request.system { body["system"] = .string(system) }
        if let temperature = request.temperature { body["temperature"] = .number(min(temperature, 1)) }
        if let output = request.output {
            let description = output.description ?? "Give the answer as this tool's input."
            body["tools"] = [
                ["name": .string(output.name), "description": .string(description), "input_schema": output.schema]
            ]
            body["tool_choice"] = ["type": "tool", "name": .string(output.name)]
        }
        return .object(body)
    }

    func reply(from body: Data, for request: LanguageModelRequest) throws -> WireReply {
        let answer = try WireFormats.parse(body, provider: provider)
        guard let content = answer["content"]?.arrayValue else {
            throw VideoError(.io, "the anthropic server's answer has no content")
        }
        var text = content.compactMap { $0["type"] == "text" ? $0["text"]?.stringValue : nil }.joined()
        var json: JSONValue?
        var kept: [JSONValue] = []
        for block in content {
            if block["type"] == "text", let value = block["text"] {
                kept.append(["type": "text", "text": value])
            } else if block["type"] == "tool_use", let id = block["id"], let name = block["name"] {
                let input = block["input"] ?? [:]
                kept.append(["type": "tool_use", "id": id, "name": name, "input": input])
                if request.output.map({ .string($0.name) == name }) ?? false {
                    json = input
                    text = input.jsonString
                }
            }
        }
        let stop = answer["stop_reason"]?.stringValue
        return WireReply(
            text: text, json: json,
            model: answer["model"]?.stringValue ?? "",
            inputTokens: WireFormats.count(answer["usage"]?["input_tokens"]),
            outputTokens: WireFormats.count(answer["usage"]?["output_tokens"]),
            truncated: stop == "max_tokens",
            refusal: stop == "refusal" ? (text.isEmpty ? "refused" : text) : nil,
            turn: ["role": "assistant", "content": kept.isEmpty ? "(no answer)" : .array(kept)])
    }
}
