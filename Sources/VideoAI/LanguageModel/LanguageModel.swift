import Foundation
import VideoCore

/// A large language model that answers a conversation: the extension point for writers that
/// draft narration, titles or descriptions with a model instead of templates.
///
/// # Contract
/// - `complete(_:)` sends one request and returns one answer; it never streams.
/// - When the request asks for structured output, the returned `json` is present and conforms
///   to the request's schema (the subset `StructuredOutput` describes); an answer that does
///   not is asked for once more, then the call throws.
/// - Failures are `VideoError`s whose messages never contain a credential. Callers that have a
///   template to fall back on should catch every error and fall back.
/// - Implementations are safe to call from several tasks at once.
///
/// `HTTPLanguageModel` speaks the OpenAI Chat Completions and Anthropic Messages wire
/// formats; `LanguageModelConfiguration.languageModel(environment:)` builds the configured one.
public protocol LanguageModel: Sendable {
    /// The wire format's name: `openai` or `anthropic`.
    var provider: String { get }
    /// The model asked for (the answer names the model that replied).
    var model: String { get }

    /// Answers `request`.
    /// - Parameter request: The conversation and the limits of the answer.
    /// - Returns: The answer, with the model's name and the tokens it cost.
    /// - Throws: `VideoError`: `.invalidInput` for a request the provider cannot take, `.io`
    ///   when the provider cannot be reached, refuses, or answers outside the schema twice.
    func complete(_ request: LanguageModelRequest) async throws -> LanguageModelResponse

    /// This model with its answers kept in `directory` (a task folder's `llm-cache`), so a
    /// resume or a re-render asks nothing twice. The default returns the model unchanged (it
    /// has no cache); `HTTPLanguageModel` uses its `ResponseCache`, unless one is set already.
    /// - Parameter directory: The cache's folder.
    /// - Returns: The caching model.
    func cached(in directory: URL) -> any LanguageModel
}

extension LanguageModel {
    /// `self`: a model without a response cache.
    public func cached(in directory: URL) -> any LanguageModel { self }
}

/// One turn of a conversation.
public struct LanguageModelMessage: Sendable, Hashable, Codable {
    /// Who speaks a turn.
    public enum Role: String, Sendable, Hashable, Codable {
        /// The person (or program) asking.
        case user
        /// The model.
        case assistant
    }

    /// Who speaks.
    public var role: Role
    /// What is said.
    public var text: String

    /// Creates a turn.
    /// - Parameters:
    ///   - role: Who speaks.
    ///   - text: What is said.
    public init(_ role: Role, _ text: String) {
        self.role = role
        self.text = text
    }

    /// A turn of the user.
    /// - Parameter text: What is said.
    /// - Returns: The turn.
    public static func user(_ text: String) -> LanguageModelMessage { LanguageModelMessage(.user, text) }

    /// A turn of the model.
    /// - Parameter text: What is said.
    /// - Returns: The turn.
    public static func assistant(_ text: String) -> LanguageModelMessage { LanguageModelMessage(.assistant, text) }
}

/// A request for an answer as a JSON object that follows a schema.
///
/// The schema's root must be an object (`"type": "object"`): both wire formats require it.
/// For OpenAI's strict mode every object must list all its properties in `required` and set
/// `"additionalProperties": false`. The answer is checked locally against the keywords
/// `JSONSchemaValidator` understands (`type`, `properties`, `required`, `items`, `enum`,
/// `additionalProperties`, `minItems`/`maxItems`, `minLength`/`maxLength`), whatever the
/// server enforced.
public struct StructuredOutput: Sendable, Hashable, Codable {
    /// A name for the schema: letters, digits, `_` and `-`, at most 64 (both providers' rule).
    public var name: String
    /// What the answer is for; sent to the model with the schema.
    public var description: String?
    /// The JSON schema of the answer.
    public var schema: JSONValue

    /// Creates a structured-output request.
    /// - Parameters:
    ///   - name: A name for the schema (`[A-Za-z0-9_-]{1,64}`).
    ///   - description: What the answer is for, if worth saying.
    ///   - schema: The JSON schema; its root is an object.
    public init(name: String, description: String? = nil, schema: JSONValue) {
        self.name = name
        self.description = description
        self.schema = schema
    }
}

/// What to ask a language model.
public struct LanguageModelRequest: Sendable, Hashable, Codable {
    /// Instructions that frame the conversation.
    public var system: String?
    /// The conversation so far; it starts with the user and ends with the user.
    public var messages: [LanguageModelMessage]
    /// The schema of a JSON answer; nil for free text.
    public var output: StructuredOutput?
    /// The most tokens the answer may use.
    public var maxTokens: Int
    /// The sampling temperature; nil leaves the provider's default (some models take no other).
    public var temperature: Double?

    /// Creates a request.
    /// - Parameters:
    ///   - system: Instructions that frame the conversation.
    ///   - messages: The conversation, starting and ending with the user.
    ///   - output: The schema of a JSON answer, or nil for free text.
    ///   - maxTokens: The most tokens the answer may use.
    ///   - temperature: The sampling temperature, or nil for the provider's default.
    public init(
        system: String? = nil, messages: [LanguageModelMessage], output: StructuredOutput? = nil,
        maxTokens: Int = 1024, temperature: Double? = nil
    ) {
        self.system = system
        self.messages = messages
        self.output = output
        self.maxTokens = maxTokens
        self.temperature = temperature
    }

    /// Checks what every wire format needs.
    /// - Throws: `VideoError(.invalidInput)` naming the field at fault.
    public func validate() throws {
        guard maxTokens >= 1 else {
            throw VideoError.invalidRequest("maxTokens", "must be at least 1, got \(maxTokens)")
        }
        guard let first = messages.first, let last = messages.last else {
            throw VideoError.invalidRequest("messages", "a request needs at least one message")
        }
        guard first.role == .user, last.role == .user else {
            throw VideoError.invalidRequest("messages", "the conversation must start and end with a user message")
        }
        if let temperature, !(0...2).contains(temperature) {
            throw VideoError.invalidRequest("temperature", "must be between 0 and 2, got \(temperature)")
        }
        if let output {
            let allowed = output.name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                    || $0 == "-"
            }
            guard allowed, (1...64).contains(output.name.count) else {
                throw VideoError.invalidRequest(
                    "output.name", "must be 1 to 64 letters, digits, _ or -, got \"\(output.name)\"")
            }
            guard output.schema["type"] == "object" else {
                throw VideoError.invalidRequest(
                    "output.schema", "the root of the schema must be {\"type\": \"object\", …}")
            }
        }
    }
}

/// A language model's answer.
public struct LanguageModelResponse: Sendable, Hashable, Codable {
    /// The answer's text (for structured output, the JSON text).
    public var text: String
    /// The parsed answer, when the request asked for structured output.
    public var json: JSONValue?
    /// The model that answered, as the provider names it.
    public var model: String
    /// Tokens read, over every request this answer took (a re-ask counts).
    public var inputTokens: Int
    /// Tokens written, over every request this answer took.
    public var outputTokens: Int
    /// Whether the answer came from the response cache (no tokens were paid this time).
    public var fromCache: Bool

    /// Creates an answer.
    /// - Parameters:
    ///   - text: The answer's text.
    ///   - json: The parsed answer, for structured output.
    ///   - model: The model that answered.
    ///   - inputTokens: Tokens read.
    ///   - outputTokens: Tokens written.
    ///   - fromCache: Whether it came from the response cache.
    public init(
        text: String, json: JSONValue? = nil, model: String, inputTokens: Int, outputTokens: Int,
        fromCache: Bool = false
    ) {
        self.text = text
        self.json = json
        self.model = model
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.fromCache = fromCache
    }
}

extension VideoError {
    /// A request field that no wire format accepts.
    static func invalidRequest(_ field: String, _ message: String) -> VideoError {
        VideoError(.invalidInput, message, field: field)
    }
}
