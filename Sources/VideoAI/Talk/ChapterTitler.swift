import Foundation
import VideoCore

/// Titles a talk's chapters, and the talk, with a language model when one is configured: each
/// chapter's text goes in, one title per chapter comes back as structured output. A title that
/// is empty, longer than 60 characters or holds `<`/`>` keeps its offline key phrase; a failed
/// call keeps them all, with a warning.
public struct ChapterTitler: Sendable {
    /// The model asked.
    public var model: any LanguageModel
    /// The longest title taken, in characters.
    static let longest = 60

    /// Creates a titler.
    /// - Parameter model: The language model.
    public init(model: any LanguageModel) { self.model = model }

    /// The direction with the model's titles where they are valid.
    /// - Parameters:
    ///   - direction: The offline direction.
    ///   - transcript: The words its chapters index.
    ///   - keepTitle: Whether the video's title was given (the model then titles chapters only).
    ///   - directory: The task folder (its `llm-cache` and usage ledger), or nil.
    ///   - warn: Where a failure is reported (one line).
    /// - Returns: The retitled direction, or `direction` when the model fails.
    /// - Throws: `CancellationError` only.
    public func retitle(
        _ direction: TalkDirection, transcript: Transcript, keepTitle: Bool, directory: URL?,
        warn: @Sendable (String) -> Void
    ) async throws -> TalkDirection {
        let texts = direction.chapters.indices.map { k -> String in
            let first = direction.chapters[k].firstWord
            let end = k + 1 < direction.chapters.count ? direction.chapters[k + 1].firstWord : transcript.words.count
            return transcript.words[first..<max(first, end)].filter { !$0.isFiller }.map(\.text).joined(separator: " ")
        }
        let chapters: [JSONValue] = texts.map { .string(String($0.prefix(4000))) }
        let request = LanguageModelRequest(
            system: "You title the chapters of a recorded talk for YouTube. Answer in the talk's language.",
            messages: [
                .user(
                    JSONValue.object(["chapters": .array(chapters)]).jsonString
                        + "\n\nGive the talk a title and each chapter, in order, a title of at most 60 characters.")
            ],
            output: StructuredOutput(
                name: "talk_chapters",
                schema: [
                    "type": "object",
                    "properties": [
                        "title": ["type": "string"], "chapters": ["type": "array", "items": ["type": "string"]],
                    ],
                    "required": ["title", "chapters"], "additionalProperties": false,
                ]),
            maxTokens: 1024)
        guard
            let answer = try await model.answerOrWarn(
                request, purpose: "chapters", directory: directory, fallback: "keeping the titles from key phrases",
                warn: warn)
        else { return direction }
        func valid(_ value: JSONValue?) -> String? {
            guard
                let text = value?.stringValue?.split(whereSeparator: \.isNewline).joined(separator: " ")
                    .trimmingCharacters(in: .whitespaces), !text.isEmpty, text.count <= Self.longest,
                !text.contains(where: { "<>".contains($0) })
            else { return nil }
            return text
        }
        var titled = direction
        let given = answer["chapters"]?.arrayValue ?? []
        for k in titled.chapters.indices where k < given.count {
            if let title = valid(given[k]) { titled.chapters[k].title = title }
        }
        if !keepTitle, let title = valid(answer["title"]) {
            titled.title = title
            titled.titleSource = "model"
        }
        return titled
    }
}
