import Foundation
import VideoCore

/// Improves the offline metadata with a language model when one is configured: title
/// variants, the description and the tags and keywords, asked for as structured output and
/// checked against YouTube's limits (`YouTubeRules`: a title at most 100 characters, the
/// description at most 5,000 bytes, the tags at most 500 characters, no `<` or `>`). A field
/// the model gets wrong keeps its offline value; any failure of the call keeps them all, with
/// a warning. Chapters stay computed from the timing manifest, and the description's chapter
/// list is the offline one.
public struct MetadataImprover: Sendable {
    /// The model asked.
    public var model: any LanguageModel

    /// The most bytes YouTube takes in a description.
    static let maximumDescriptionBytes = 5_000

    /// Creates an improver.
    /// - Parameter model: The language model.
    public init(model: any LanguageModel) { self.model = model }

    /// The metadata with the model's titles, description, tags and keywords where they are
    /// valid.
    /// - Parameters:
    ///   - metadata: The offline metadata.
    ///   - config: The narrated video.
    ///   - directory: The task folder (its `llm-cache` and usage ledger), or nil.
    ///   - warn: Where a failure is reported (one line).
    /// - Returns: The improved metadata, or `metadata` unchanged when the model fails.
    /// - Throws: `CancellationError` only.
    public func improve(
        _ metadata: VideoMetadata, config: VideoConfig, directory: URL?, warn: @Sendable (String) -> Void
    ) async throws -> VideoMetadata {
        let request = Self.request(for: metadata, config: config)
        guard
            let answer = try await model.answerOrWarn(
                request, purpose: LanguageModelUsage.metadata, directory: directory,
                fallback: "keeping the offline titles, description and tags", warn: warn)
        else { return metadata }
        var improved = metadata
        var rejected: [String] = []
        func title(_ key: String, limit: Int) -> String? {
            guard let text = answer[key]?.stringValue.map(Self.oneLine), !text.isEmpty else { return nil }
            guard text.count <= limit, !text.contains(where: { "<>".contains($0) }) else {
                rejected.append(key)
                return nil
            }
            return text
        }
        let limit = YouTubeRules.maximumTitleLength
        improved.titleVariants.withSubtitle =
            title("with_subtitle", limit: limit) ?? metadata.titleVariants.withSubtitle
        improved.titleVariants.question = title("question", limit: limit) ?? metadata.titleVariants.question
        improved.titleVariants.howTo = title("how_to", limit: limit) ?? metadata.titleVariants.howTo
        improved.titleVariants.short = title("short", limit: TitleVariants.shortLength) ?? metadata.titleVariants.short
        let listing = metadata.youtubeChapters.map { "\(VideoMetadata.clock($0.startTime)) \($0.title)" }
            .joined(separator: "\n")
        if let body = answer["description"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines),
            !body.isEmpty
        {
            let description = [body, listing].filter { !$0.isEmpty }.joined(separator: "\n\n")
            if description.utf8.count <= Self.maximumDescriptionBytes, !body.contains(where: { "<>".contains($0) }) {
                improved.description = description
            } else {
                rejected.append("description")
            }
        }
        let keywords = Self.unique(
            (answer["keywords"]?.arrayValue ?? []).compactMap(\.stringValue).map {
                Self.oneLine($0).lowercased()
            }
        ).filter { !$0.contains(where: { "<>".contains($0) }) }
        if !keywords.isEmpty { improved.keywords = Array(keywords.prefix(15)) }
        let tags = YouTubeRules.tags(
            preferred: (answer["tags"]?.arrayValue ?? []).compactMap(\.stringValue).map(Self.oneLine), keywords: [])
        if !tags.isEmpty { improved.tags = tags }
        if !rejected.isEmpty {
            warn("metadata: kept the offline \(rejected.joined(separator: ", ")): the model's broke YouTube's limits")
        }
        return improved
    }

    /// The schema of an answer: every field required, as OpenAI's strict mode wants, and the
    /// lengths in the descriptions rather than in `maxLength` (strict mode does not support
    /// it); `improve` checks them.
    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "with_subtitle": [
                "type": ["string", "null"],
                "description": "The name and what it is, 'Name: what it is', at most 100 characters.",
            ],
            "question": [
                "type": ["string", "null"], "description": "A question the video answers, at most 100 characters.",
            ],
            "how_to": ["type": ["string", "null"], "description": "A 'How to …' title, at most 100 characters."],
            "short": ["type": "string", "description": "A title of at most 60 characters."],
            "description": [
                "type": "string",
                "description":
                    "Two to four sentences for the upload form, without the chapter list, at most 3000 characters.",
            ],
            "tags": ["type": "array", "items": ["type": "string"], "maxItems": 30],
            "keywords": ["type": "array", "items": ["type": "string"], "maxItems": 15],
        ],
        "required": ["with_subtitle", "question", "how_to", "short", "description", "tags", "keywords"],
        "additionalProperties": false,
    ]

    /// The request: the title, the offline metadata and the narration.
    static func request(for metadata: VideoMetadata, config: VideoConfig) -> LanguageModelRequest {
        let narration = config.scenes.compactMap(\.narration).joined(separator: " ")
        let offline: JSONValue = [
            "title": .string(metadata.title),
            "title_variants": [
                "with_subtitle": metadata.titleVariants.withSubtitle.map { .string($0) } ?? .null,
                "question": metadata.titleVariants.question.map { .string($0) } ?? .null,
                "how_to": metadata.titleVariants.howTo.map { .string($0) } ?? .null,
                "short": .string(metadata.titleVariants.short),
            ],
            "description": .string(config.description),
            "chapters": .array(metadata.chapters.map { .string($0.title) }),
            "keywords": .array(metadata.keywords.map { .string($0) }),
            "tags": .array(metadata.tags.map { .string($0) }),
        ]
        return LanguageModelRequest(
            system: """
                You write YouTube upload metadata for narrated technical videos: accurate, specific, no \
                clickbait, no emoji, no '<' or '>'. Titles at most 100 characters, the short one at most \
                60; tags are the phrases people search for, lower-case, the most relevant first.
                """,
            messages: [
                .user(
                    """
                    Improve this metadata, made by keyword extraction (JSON): \(offline.jsonString)
                    The narration: \(String(narration.prefix(6_000)))
                    """)
            ],
            output: StructuredOutput(name: "video_metadata", description: "Upload metadata.", schema: schema),
            maxTokens: 1_500, temperature: 0.3)
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func unique(_ texts: [String]) -> [String] {
        var seen: Set<String> = []
        return texts.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
