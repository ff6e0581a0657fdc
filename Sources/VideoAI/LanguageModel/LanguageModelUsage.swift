/// What the language-model calls made for one purpose of a video cost: one entry of
/// `metadata.json`'s `language_models`. It names the model, never a key.
public struct LanguageModelUsage: Codable, Sendable, Hashable {
    /// What the calls were for: `narration`, `planning` or `metadata`.
    public var purpose: String
    /// The wire format: `openai` or `anthropic`.
    public var provider: String
    /// The model that answered (several, comma-separated, when the calls went to different ones).
    public var model: String
    /// How many calls were made (an answer from the response cache counts, with the tokens it
    /// cost when it was first asked).
    public var calls: Int
    /// Tokens read, summed over the calls.
    public var inputTokens: Int
    /// Tokens written, summed over the calls.
    public var outputTokens: Int

    /// Creates an entry.
    /// - Parameters:
    ///   - purpose: What the calls were for.
    ///   - provider: The wire format.
    ///   - model: The model that answered.
    ///   - calls: How many calls were made.
    ///   - inputTokens: Tokens read.
    ///   - outputTokens: Tokens written.
    public init(purpose: String, provider: String, model: String, calls: Int, inputTokens: Int, outputTokens: Int) {
        self.purpose = purpose
        self.provider = provider
        self.model = model
        self.calls = calls
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }

    enum CodingKeys: String, CodingKey {
        case purpose, provider, model, calls, inputTokens = "input_tokens", outputTokens = "output_tokens"
    }

    /// The purpose of narration written by `AINarrationWriter`.
    public static let narration = "narration"
    /// The purpose of a video planned from a prompt (`PromptPlanner`).
    public static let planning = "planning"
    /// The purpose of titles, description and tags improved by `MetadataImprover`.
    public static let metadata = "metadata"
}
