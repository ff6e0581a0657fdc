import Foundation
import VideoCore

/// One provider's wire format: where requests go, which headers they carry, how a request
/// becomes a body and a body becomes an answer. Pure functions; no I/O.
protocol WireFormat: Sendable {
    /// Which provider speaks this format.
    var provider: LanguageModelProvider { get }

    /// The endpoint under `base`.
    func endpoint(base: URL) -> URL

    /// The header fields of every request (the key among them, when there is one).
    func headers(apiKey: String?) -> [String: String]

    /// The body for `request` to `model`; with `correction`, the body that asks again after
    /// an answer that broke the schema.
    func body(for request: LanguageModelRequest, model: String, correction: Correction?) -> JSONValue

    /// The answer in a 2xx response's body.
    /// - Throws: `VideoError(.io)` when the body is not this format's answer.
    func reply(from body: Data, for request: LanguageModelRequest) throws -> WireReply
}

/// An answer as a wire format delivers it, before any schema check.
struct WireReply: Sendable, Hashable {
    /// The text (for a structured answer, the JSON text).
    var text: String
    /// JSON the format already parsed (an Anthropic tool input), if any.
    var json: JSONValue?
    /// The model that answered.
    var model: String
    /// Tokens read.
    var inputTokens: Int
    /// Tokens written.
    var outputTokens: Int
    /// Whether the answer stopped at the token limit.
    var truncated: Bool
    /// The model's refusal, when it declined to answer.
    var refusal: String?
    /// The answer as an assistant turn for the format's `messages`, for a re-ask.
    var turn: JSONValue
}

/// What a re-ask tells the model about its previous answer.
struct Correction: Sendable, Hashable {
    /// The rejected answer.
    var previous: WireReply
    /// Why it was rejected.
    var problem: String

    /// The user turn that asks again.
    var instruction: String {
        "Your previous answer was rejected: \(problem). Answer again with only a JSON object that follows the schema."
    }
}

enum WireFormats {
    /// The format a provider speaks.
    static func format(for provider: LanguageModelProvider, baseURL: URL) -> any WireFormat {
        switch provider {
        case .openai: OpenAIChatFormat(usesCompletionTokens: baseURL.host?.lowercased() == "api.openai.com")
        case .anthropic: AnthropicMessagesFormat()
        }
    }

    /// `base` with `path` appended, whether or not `base` ends with a slash.
    static func join(_ base: URL, _ path: String) -> URL {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return URL(string: text + path) ?? base.appendingPathComponent(path)
    }

    /// The error message in an error body: `{"error": {"type": …, "message": …}}` for both
    /// providers, `{"error": "…"}` or `{"message": "…"}` from some local servers.
    static func errorMessage(in body: Data) -> String? {
        guard let value = try? JSONValue.parse(body) else {
            let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        if let error = value["error"] {
            if let message = error.stringValue { return message }
            let message = error["message"]?.stringValue
            let type = error["type"]?.stringValue ?? error["code"]?.stringValue
            switch (type, message) {
            case (let type?, let message?): return "\(type): \(message)"
            case (nil, let message?): return message
            case (let type?, nil): return type
            default: break
            }
        }
        return value["message"]?.stringValue
    }

    /// A whole number in a usage object (0 when absent).
    static func count(_ value: JSONValue?) -> Int {
        guard let number = value?.numberValue, number.isFinite, number >= 0 else { return 0 }
        return Int(min(number, Double(Int.max / 2)))
    }

    /// The body as JSON.
    /// - Throws: `VideoError(.io)` when it is not JSON.
    static func parse(_ body: Data, provider: LanguageModelProvider) throws -> JSONValue {
        do {
            return try JSONValue.parse(body)
        } catch {
            throw VideoError(.io, "the \(provider.rawValue) server's answer is not JSON (\(body.count) bytes)")
        }
    }
}
