import Foundation
import VideoCore

/// Free-form montage feedback read by a language model into the grammar's typed edits.

/// Asks a `LanguageModel` to turn feedback the phrase grammar cannot read ("it drags in the
/// middle, and I'd love to finish with the sunset") into `RefineEdit`s: the model answers a
/// JSON object `{"edits": [{"op", "by", "term", "number", "name"}, …]}` under a schema, and
/// every edit is decoded and validated like the grammar's. The answer is data, never code: an
/// unknown operation, a style that does not exist or a value out of range is an error.
public struct FeedbackInterpreter: Sendable {
    /// The model.
    public var model: any LanguageModel

    /// Creates an interpreter.
    /// - Parameter model: The language model to ask.
    public init(model: any LanguageModel) { self.model = model }

    /// The schema of the model's answer (strict: every property required, `null` where unused).
    public static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "edits": [
                "type": "array", "minItems": 1, "maxItems": 12,
                "items": [
                    "type": "object",
                    "properties": [
                        "op": ["type": "string", "enum": .array(RefineEdit.operations.map { .string($0) })],
                        "by": [
                            "type": ["string", "null"],
                            "enum": .array(MediaMatch.Field.allCases.map { .string($0.rawValue) } + [.null]),
                        ],
                        "term": ["type": ["string", "null"], "maxLength": 60],
                        "number": ["type": ["number", "null"]],
                        "name": ["type": ["string", "null"], "maxLength": 20],
                    ],
                    "required": ["op", "by", "term", "number", "name"],
                    "additionalProperties": false,
                ],
            ]
        ],
        "required": ["edits"],
        "additionalProperties": false,
    ]

    /// What the model is told.
    static let instructions = """
        You turn a viewer's feedback on a photo montage cut to music into edit operations. \
        Answer only with the JSON object the schema describes; use null for fields an operation does not use.
        Operations:
        - pace: number = factor on every shot's length (0.5 = faster cuts, 2 = slower), 0.125–8.
        - favour / include / exclude: media to show more often / keep / leave out; by = any (file or folder name \
        word), name, folder, date (YYYY, YYYY-MM, YYYY-MM-DD or a month name) or colour (\
        \(MediaMatch.colours.joined(separator: ", "))); term = the word, date or colour.
        - first / last: the opening / closing shot's media (by and term as above).
        - duration: number = the video's length in seconds. length_scale: number = factor on the length.
        - style: name = one of \(MontageStyle.presets.map(\.name).joined(separator: ", ")).
        - transition: name = cut, crossfade, fade or zoom, used everywhere.
        - warmth: number = 1 (warmer grade) or -1 (cooler).
        """

    /// The edits `feedback` asks for.
    /// - Parameters:
    ///   - feedback: The viewer's words.
    ///   - mediaNames: The montage's file names, so the model can name real ones.
    /// - Returns: The validated edits, in order.
    /// - Throws: `VideoError`: the model failing, or an answer whose edit is not valid (naming it).
    public func edits(for feedback: String, mediaNames: [String]) async throws -> [RefineEdit] {
        let names = mediaNames.prefix(200).joined(separator: ", ")
        let request = LanguageModelRequest(
            system: Self.instructions,
            messages: [.user("Media files: \(names)\n\nFeedback: \(feedback)")],
            output: StructuredOutput(
                name: "montage_edits", description: "The montage edits the feedback asks for.", schema: Self.schema),
            maxTokens: 800, temperature: 0)
        let response = try await model.complete(request)
        guard let json = response.json else {
            throw VideoError(.io, "the language model gave no structured answer", field: "feedback")
        }
        return try Self.edits(from: json)
    }

    /// The edits in a model's answer.
    /// - Throws: `VideoError` (`.invalidInput`) naming the first bad edit.
    static func edits(from json: JSONValue) throws -> [RefineEdit] {
        let errors = JSONSchemaValidator(schema: schema).problems(in: json)
        if let first = errors.first {
            throw VideoError(
                .invalidInput, "the language model's edits do not follow the schema: \(first)", field: "feedback")
        }
        let flats: [RefineEdit.Flat]
        do {
            flats = try JSONDecoder().decode([String: [RefineEdit.Flat]].self, from: json.jsonData())["edits"] ?? []
        } catch {
            throw VideoError(
                .invalidInput, "the language model's edits cannot be read", field: "feedback", underlying: error)
        }
        return try flats.enumerated().map { n, flat in
            do { return try RefineEdit(flat: flat) } catch let error as VideoError {
                throw VideoError(
                    .invalidInput, "the language model's edit \(n + 1): \(error.message)", field: "feedback")
            }
        }
    }
}
