import Foundation
import VideoCore

/// A narration writer that asks a language model (`vgen --narration ai`): it turns each
/// scene's content, with its source text (the document section's prose), into plain spoken
/// sentences sized to the scene's target length.
///
/// Every answer is structured (`{"narration": string}`), cleaned for speech with
/// `SpeechText.clean`, and cached in the task folder's `llm-cache`, so a resume or a
/// re-render pays nothing twice; each call's tokens go to the task's usage ledger (summed in
/// `metadata.json`). When the model fails for a scene — unreachable, rate-limited past its
/// retries, breaker open, two answers off the schema, an empty answer — that scene falls back
/// to its source text or the `fallback` template with a warning: a provider that is down
/// never fails a render.
public struct AINarrationWriter: NarrationWriter {
    /// The model asked.
    public var model: any LanguageModel
    /// Writes the scenes the model could not.
    public var fallback: any NarrationWriter

    /// Creates the writer.
    /// - Parameters:
    ///   - model: The language model, for example `LanguageModelConfiguration.languageModel()`'s.
    ///   - fallback: The writer of scenes the model fails on (templates by default).
    public init(model: any LanguageModel, fallback: any NarrationWriter = TemplateNarrationWriter()) {
        self.model = model
        self.fallback = fallback
    }

    /// `ai PROVIDER MODEL v1 + ` the fallback's identifier.
    public var identifier: String { "ai \(model.provider) \(model.model) v1 + \(fallback.identifier)" }

    /// `true`: a scene's own narration is the source text the model rewrites.
    public var rewritesNarration: Bool { true }

    /// Writes without a task folder (no cache) and without a target length.
    /// - Returns: Plain sentences to be spoken.
    public func narration(for scene: SceneConfig, at index: Int, in video: VideoConfig) async throws -> String {
        try await narration(for: scene, at: index, in: video, context: NarrationContext())
    }

    /// Asks the model for the scene's narration; falls back on any failure but cancellation.
    /// - Parameters:
    ///   - scene: The scene.
    ///   - index: Its position, from 0.
    ///   - video: The video.
    ///   - context: The task folder, warnings, the source text and the target length.
    /// - Returns: Plain sentences to be spoken.
    /// - Throws: `CancellationError` only.
    public func narration(
        for scene: SceneConfig, at index: Int, in video: VideoConfig, context: NarrationContext
    ) async throws -> String {
        let model =
            context.directory.map { self.model.cached(in: $0.appendingPathComponent("llm-cache")) } ?? self.model
        let request = Self.request(for: scene, at: index, in: video, context: context)
        do {
            let response = try await model.complete(request)
            if let directory = context.directory {
                try UsageLedger(directory: directory).record(
                    LanguageModelUsage.narration, request: request, response: response, provider: model.provider)
            }
            let text = SpeechText.clean(response.json?["narration"]?.stringValue ?? "")
            guard text.contains(where: \.isLetter) else {
                throw VideoError(
                    .io, "\(model.provider) \(model.model): the narration is empty once cleaned for speech")
            }
            return String(text.prefix(VideoLimits.maxNarrationLength))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            try Task.checkCancellation()
            let reason = (error as? VideoError)?.message ?? "\(error)"
            context.warn("scene \(scene.sceneID): AI narration failed, using the template instead (\(reason))")
            if let source = context.sourceText, !source.isEmpty {
                return ScriptStage.spoken(source, over: scene.content)
            }
            return try await fallback.narration(for: scene, at: index, in: video, context: context)
        }
    }

    /// The schema of an answer (no length keywords, which OpenAI's strict mode does not
    /// support; an empty answer is a failure, a long one is cut at the narration limit).
    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "narration": [
                "type": "string", "description": "What the narrator says over the slide: plain spoken sentences.",
            ]
        ],
        "required": ["narration"],
        "additionalProperties": false,
    ]

    static let system = """
        You write the narration of one slide of a narrated technical video. It is read aloud by a \
        speech synthesizer, so write plain spoken sentences: no Markdown, no bullet marks, no \
        headings, no URLs, no emoji, no code read out symbol by symbol. Talk about what the slide \
        shows, in the order it shows it, and keep every fact of the source text you use. Do not \
        greet the viewer or announce the slide unless it is the title card. Answer with a JSON \
        object {"narration": "…"}.
        """

    /// The request for one scene: the video's title, the scene's place, type and content
    /// fields, its source text and the target length.
    static func request(
        for scene: SceneConfig, at index: Int, in video: VideoConfig, context: NarrationContext
    ) -> LanguageModelRequest {
        var lines = [
            "Video: \(video.title)",
            "Slide \(index + 1) of \(video.scenes.count), a \(scene.sceneType.rawValue) slide.",
            "What the slide shows (JSON): \(fields(of: scene.content).jsonString)",
        ]
        if let source = context.sourceText, !source.isEmpty { lines.append("Source text of its section: \(source)") }
        let words: Int
        if let target = context.targetWords, let seconds = context.targetSeconds {
            words = target
            lines.append("Length: about \(target) words (\(Int(seconds.rounded())) seconds of speech).")
        } else {
            words = 120
            lines.append("Length: as long as the slide needs, at most about 120 words.")
        }
        return LanguageModelRequest(
            system: system, messages: [.user(lines.joined(separator: "\n"))],
            output: StructuredOutput(name: "narration", description: "The narration of one slide.", schema: schema),
            maxTokens: min(4096, 200 + words * 3), temperature: 0.3)
    }

    /// A content's fields as JSON (`{"heading": …, "items": […]}`).
    static func fields(of content: SceneContent) -> JSONValue {
        if case .custom(let custom) = content { return .object(custom.fields) }
        guard let data = try? JSONEncoder().encode(FieldsOnly(content: content)),
            let value = try? JSONValue.parse(data)
        else { return .object([:]) }
        return value
    }
}

/// Encodes only a content's fields.
private struct FieldsOnly: Encodable {
    let content: SceneContent
    func encode(to encoder: any Encoder) throws { try content.encodeFields(to: encoder) }
}
