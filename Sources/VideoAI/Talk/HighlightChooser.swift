import Foundation
import VideoCore

/// Lets a language model choose a highlight's phrases when one is configured: the phrases of
/// the clean cut (`HighlightPlanner.phrases`) go in numbered, with their text and length, and
/// the model answers with the numbers to keep, best first, as structured output. Numbers out
/// of range are dropped; an answer with none, or a failed call (with a warning), leaves the
/// choice to `HighlightPlanner` (the densest phrases).
public struct HighlightChooser: Sendable {
    /// The model asked.
    public var model: any LanguageModel

    /// Creates a chooser.
    /// - Parameter model: The language model.
    public init(model: any LanguageModel) { self.model = model }

    /// The phrases the model picks for a highlight of `seconds`, best first, or `nil`.
    /// - Parameters:
    ///   - edit: The clean cut.
    ///   - transcript: The words in source time.
    ///   - seconds: The highlight's budget.
    ///   - directory: The task folder (its `llm-cache` and usage ledger), or nil.
    ///   - warn: Where a failure is reported (one line).
    /// - Returns: Phrase indices for `HighlightPlanner.plan(_:transcript:seconds:chosen:)`.
    /// - Throws: `CancellationError` only.
    public func choose(
        _ edit: TalkEdit, transcript: Transcript, seconds: Double, directory: URL?,
        warn: @Sendable (String) -> Void
    ) async throws -> [Int]? {
        let planner = HighlightPlanner()
        let phrases = planner.phrases(of: edit, transcript: transcript)
        guard !phrases.isEmpty else { return nil }
        let fps = Double(edit.fps)
        let listed: [JSONValue] = phrases.enumerated().map { k, phrase in
            let (start, end) = (Double(phrase.frames.lowerBound) / fps, Double(phrase.frames.upperBound) / fps)
            let text = transcript.words.filter { !$0.isFiller && $0.start >= start - 1e-6 && $0.end <= end + 1e-6 }
                .map(\.text).joined(separator: " ")
            return [
                "index": .number(Double(k)), "seconds": .number(((end - start) * 10).rounded() / 10),
                "text": .string(text),
            ]
        }
        let request = LanguageModelRequest(
            system: "You cut the most engaging short highlight out of a recorded talk.",
            messages: [
                .user(
                    JSONValue.object(["budget_seconds": .number(seconds), "phrases": .array(listed)]).jsonString
                        + "\n\nChoose the phrases for the highlight, best first, by index; their seconds should add up to the budget at most."
                )
            ],
            output: StructuredOutput(
                name: "talk_highlight",
                schema: [
                    "type": "object", "properties": ["phrases": ["type": "array", "items": ["type": "integer"]]],
                    "required": ["phrases"], "additionalProperties": false,
                ]),
            maxTokens: 512)
        guard
            let answer = try await model.answerOrWarn(
                request, purpose: "highlight", directory: directory, fallback: "taking the densest phrases", warn: warn)
        else { return nil }
        let chosen = (answer["phrases"]?.arrayValue ?? []).compactMap { $0.numberValue.map { Int($0) } }
            .filter { phrases.indices.contains($0) }
        return chosen.isEmpty ? nil : chosen
    }
}
