import Foundation
import VideoAI
import VideoCore
import VideoTestSupport

/// What a server of each wire format refuses: every request's line, headers and body checked
/// against the documented format (`Docs/LanguageModels.md`, "Wire formats", and its sources).
/// The local servers of the fault tests answer a request that breaks it with the provider's own
/// 400 error, as the real APIs do, and the tests assert that no request broke it.
enum WireConformance {
    /// Top-level members a Chat Completions request of vgen may carry.
    static let openAIMembers: Set<String> = [
        "model", "messages", "max_tokens", "max_completion_tokens", "temperature", "response_format",
    ]
    /// Top-level members a Messages request of vgen may carry.
    static let anthropicMembers: Set<String> = [
        "model", "max_tokens", "messages", "system", "temperature", "tools", "tool_choice",
    ]

    /// The ways `request` breaks `provider`'s format, sent with `key` (none when nil).
    static func problems(_ request: RecordedRequest, provider: LanguageModelProvider, key: String?) -> [String] {
        var problems: [String] = []
        func need(_ condition: Bool, _ problem: @autoclosure () -> String) {
            if !condition { problems.append(problem()) }
        }
        need(request.method == "POST", "method \(request.method), not POST")
        need(
            request.headers["content-type"]?.hasPrefix("application/json") == true,
            "Content-Type \(request.headers["content-type"] ?? "missing"), not application/json")
        guard case .object(let body) = (try? JSONValue.parse(request.body)) ?? .null else {
            return problems + ["the body is not a JSON object"]
        }
        need(!(body["model"]?.stringValue ?? "").isEmpty, "model: missing or not a string")
        switch provider {
        case .openai:
            need(request.path.hasSuffix("/chat/completions"), "path \(request.path), not …/chat/completions")
            need(
                request.headers["authorization"] == key.map { "Bearer \($0)" },
                "Authorization: \(request.headers["authorization"] == nil ? "missing" : "not Bearer and the key")")
            need(request.headers["x-api-key"] == nil, "x-api-key sent to an OpenAI server")
            problems += unknown(body, allowed: openAIMembers)
            problems += openAIBody(body)
        case .anthropic:
            need(request.path == "/v1/messages", "path \(request.path), not /v1/messages")
            need(request.headers["x-api-key"] == key, "x-api-key: missing or not the key")
            need(request.headers["anthropic-version"] == "2023-06-01", "anthropic-version: not 2023-06-01")
            need(request.headers["authorization"] == nil, "Authorization sent to an Anthropic server")
            problems += unknown(body, allowed: anthropicMembers)
            problems += anthropicBody(body)
        }
        return problems
    }

    private static func unknown(_ body: [String: JSONValue], allowed: Set<String>) -> [String] {
        body.keys.filter { !allowed.contains($0) }.sorted().map { "unknown member \($0)" }
    }

    private static func isPositiveInteger(_ value: JSONValue?) -> Bool {
        guard let number = value?.numberValue else { return false }
        return number >= 1 && number.rounded() == number
    }

    /// A strict-mode schema: an object at the root, each object's properties all required,
    /// `additionalProperties: false` (OpenAI, Structured Outputs, "Supported schemas").
    private static func strictSchemaProblems(_ schema: JSONValue, at path: String) -> [String] {
        guard case .object(let members) = schema else { return [] }
        var problems: [String] = []
        if members["type"] == "object" {
            let properties = members["properties"]?.objectValue ?? [:]
            let required = Set((members["required"]?.arrayValue ?? []).compactMap(\.stringValue))
            if Set(properties.keys) != required { problems.append("\(path): not every property is required") }
            if members["additionalProperties"] != .bool(false) {
                problems.append("\(path): additionalProperties is not false")
            }
            for (name, value) in properties { problems += strictSchemaProblems(value, at: "\(path).\(name)") }
        }
        if let items = members["items"] { problems += strictSchemaProblems(items, at: "\(path)[]") }
        for (i, branch) in (members["anyOf"]?.arrayValue ?? []).enumerated() {
            problems += strictSchemaProblems(branch, at: "\(path).anyOf[\(i)]")
        }
        return problems
    }

    private static func openAIBody(_ body: [String: JSONValue]) -> [String] {
        var problems: [String] = []
        let limits = ["max_tokens", "max_completion_tokens"].filter { body[$0] != nil }
        if limits.count != 1 || !isPositiveInteger(body[limits.first ?? ""]) {
            problems.append("one of max_tokens and max_completion_tokens must be a positive integer")
        }
        if let temperature = body["temperature"], !(temperature.numberValue.map { (0...2).contains($0) } ?? false) {
            problems.append("temperature: not a number from 0 to 2")
        }
        let messages = body["messages"]?.arrayValue ?? []
        if messages.isEmpty { problems.append("messages: missing or empty") }
        for (i, message) in messages.enumerated() {
            let role = message["role"]?.stringValue ?? ""
            if !["system", "user", "assistant"].contains(role) { problems.append("messages[\(i)].role: \(role)") }
            if role == "system" && i != 0 { problems.append("messages[\(i)]: a system message after the first") }
            if message["content"]?.stringValue == nil { problems.append("messages[\(i)].content: not a string") }
        }
        if let format = body["response_format"] {
            let schema = format["json_schema"]
            let name = schema?["name"]?.stringValue ?? ""
            if format["type"] != "json_schema" { problems.append("response_format.type: not json_schema") }
            if name.isEmpty || name.count > 64
                || !name.unicodeScalars.allSatisfy({
                    CharacterSet.alphanumerics.contains($0) || "_-".contains(Character($0))
                })
            {
                problems.append("response_format.json_schema.name: not [A-Za-z0-9_-]{1,64}")
            }
            if schema?["strict"] != true { problems.append("response_format.json_schema.strict: not true") }
            if schema?["schema"]?["type"] != "object" {
                problems.append("response_format.json_schema.schema: the root is not an object")
            }
            problems += strictSchemaProblems(schema?["schema"] ?? .null, at: "schema")
        }
        return problems
    }

    private static func anthropicBody(_ body: [String: JSONValue]) -> [String] {
        var problems: [String] = []
        if !isPositiveInteger(body["max_tokens"]) { problems.append("max_tokens: missing or not a positive integer") }
        if let system = body["system"], system.stringValue == nil { problems.append("system: not a string") }
        if let temperature = body["temperature"], !(temperature.numberValue.map { (0...1).contains($0) } ?? false) {
            problems.append("temperature: not a number from 0 to 1")
        }
        let messages = body["messages"]?.arrayValue ?? []
        if messages.first?["role"] != "user" { problems.append("messages: empty, or the first is not the user's") }
        var toolUses: Set<String> = []
        for (i, message) in messages.enumerated() {
            let role = message["role"]?.stringValue ?? ""
            if !["user", "assistant"].contains(role) { problems.append("messages[\(i)].role: \(role)") }
            if message["content"]?.stringValue != nil { continue }
            guard let blocks = message["content"]?.arrayValue, !blocks.isEmpty else {
                problems.append("messages[\(i)].content: neither a string nor content blocks")
                continue
            }
            for block in blocks {
                switch block["type"]?.stringValue {
                case "text" where block["text"]?.stringValue != nil: break
                case "tool_use" where role == "assistant":
                    if let id = block["id"]?.stringValue { toolUses.insert(id) }
                    if block["input"]?.objectValue == nil { problems.append("messages[\(i)]: tool_use without input") }
                case "tool_result" where role == "user":
                    if !toolUses.contains(block["tool_use_id"]?.stringValue ?? "") {
                        problems.append("messages[\(i)]: tool_result for no earlier tool_use")
                    }
                default: problems.append("messages[\(i)]: a block of type \(block["type"]?.stringValue ?? "none")")
                }
            }
        }
        let tools = body["tools"]?.arrayValue ?? []
        for (i, tool) in tools.enumerated() {
            if (tool["name"]?.stringValue ?? "").isEmpty { problems.append("tools[\(i)].name: missing") }
            if tool["input_schema"]?["type"] != "object" { problems.append("tools[\(i)].input_schema: not an object") }
        }
        if let choice = body["tool_choice"] {
            let named = tools.contains { $0["name"] == choice["name"] }
            if choice["type"] != "tool" || !named { problems.append("tool_choice: not a tool of tools") }
        }
        return problems
    }
}

extension LocalHTTPServer {
    /// A server that refuses, with `provider`'s 400 error, every request that breaks its wire
    /// format (`WireConformance`); the others get the queued replies.
    /// - Parameters:
    ///   - provider: The format it speaks.
    ///   - key: The key requests must carry (nil: none).
    static func speaking(_ provider: LanguageModelProvider, key: String?) throws -> LocalHTTPServer {
        let server = try LocalHTTPServer()
        server.setResponder { request in
            let problems = WireConformance.problems(request, provider: provider, key: key)
            if problems.isEmpty { return nil }
            return LanguageModelFixtures.error(400, "invalid_request_error", problems.joined(separator: "; "))
        }
        return server
    }

    /// The ways the requests received so far break `provider`'s format.
    func conformanceProblems(_ provider: LanguageModelProvider, key: String?) -> [String] {
        requests.enumerated().flatMap { i, request in
            WireConformance.problems(request, provider: provider, key: key).map { "request \(i + 1): \($0)" }
        }
    }
}
