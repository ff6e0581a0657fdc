import Foundation
import VideoCore

/// Plans a video from a prompt with a language model (`vgen --prompt`): the model fills in a
/// plan whose JSON schema is generated from the scene types offered (`PlanSchema`; a renderer
/// registry's `sceneDescriptions`, an app's own types included), and the plan is read by the
/// same `YAMLAdapter` as a spec file, so it passes the same validation and its errors name
/// the field. A plan that fails it is asked for once more with the error; then planning fails.
///
/// ```swift
/// let planner = PromptPlanner(model: model, sceneTypes: RendererRegistry.standard.sceneDescriptions)
/// let plan = try await planner.plan(prompt: "Explain Swift actors to a Python developer",
///                                   duration: 60, resolution: Resolution(width: 1080, height: 1920))
/// try plan.specYAML.write(to: folder.appendingPathComponent("spec.yaml"), atomically: true, encoding: .utf8)
/// ```
public struct PromptPlanner: Sendable {
    /// The model asked.
    public var model: any LanguageModel
    /// The scene types the plan may use, with their fields.
    public var sceneTypes: [SceneTypeDescription]
    /// The speaking rate that turns the duration into words of narration.
    public var wordsPerMinute: Int
    /// The length asked for when the caller gives none, in seconds.
    public static let defaultDuration = 60.0

    /// Creates a planner.
    /// - Parameters:
    ///   - model: The language model.
    ///   - sceneTypes: The scene types to offer (`RendererRegistry.sceneDescriptions`).
    ///   - wordsPerMinute: The speaking rate (default 165).
    public init(model: any LanguageModel, sceneTypes: [SceneTypeDescription], wordsPerMinute: Int = 165) {
        self.model = model
        self.sceneTypes = sceneTypes
        self.wordsPerMinute = wordsPerMinute
    }

    /// Asks the model for a video about `prompt` and validates it.
    /// - Parameters:
    ///   - prompt: What the video is about.
    ///   - duration: The length wanted in seconds; nil for `defaultDuration`.
    ///   - resolution: The frame size.
    ///   - overrides: Values imposed on the plan (voice, accent colour, video id, …).
    ///   - cacheDirectory: Where the model's answers are cached, or nil.
    /// - Returns: The validated video, its spec as YAML and what the calls cost.
    /// - Throws: `VideoError`: `.invalidInput` for an empty prompt, a bad duration or no
    ///   scene types; the model's errors; `.io` when the plan is not a valid video twice.
    public func plan(
        prompt: String, duration: Double?, resolution: Resolution, overrides: VideoOverrides = VideoOverrides(),
        cacheDirectory: URL? = nil
    ) async throws -> PromptPlan {
        let topic = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !topic.isEmpty else { throw VideoError(.invalidInput, "the prompt is empty", field: "prompt") }
        guard topic.count <= VideoLimits.maxTextLength else {
            throw VideoError(
                .invalidInput, "is \(topic.count) characters; the limit is \(VideoLimits.maxTextLength)",
                field: "prompt")
        }
        let seconds = duration ?? Self.defaultDuration
        guard seconds.isFinite, seconds >= 5, seconds <= VideoLimits.maxSceneDuration * Double(VideoLimits.maxScenes)
        else {
            throw VideoError(.invalidInput, "\(seconds) s is not a length a video can have", field: "duration")
        }
        guard !sceneTypes.isEmpty else {
            throw VideoError(.invalidInput, "no scene types describe their fields", field: "scene_types")
        }
        let model = cacheDirectory.map { self.model.cached(in: $0) } ?? self.model
        let scenes = min(VideoLimits.maxScenes, max(3, Int((seconds / 15).rounded())))
        let words = Int((seconds * Double(wordsPerMinute) / 60).rounded())
        let output = StructuredOutput(
            name: "video_plan", description: "A narrated video: its title, description and scenes.",
            schema: PlanSchema.schema(for: sceneTypes, maxScenes: min(VideoLimits.maxScenes, scenes * 2)))
        var messages: [LanguageModelMessage] = [.user(ask(topic, seconds: seconds, scenes: scenes, words: words))]
        var calls: [PromptPlan.Call] = []
        for attempt in 1...2 {
            let request = LanguageModelRequest(
                system: system, messages: messages, output: output, maxTokens: min(16_000, 1_000 + words * 3),
                temperature: 0.4)
            let response = try await model.complete(request)
            calls.append(PromptPlan.Call(request: request, response: response, provider: model.provider))
            let answer = response.json ?? .null
            do {
                let (config, spec) = try read(answer, resolution: resolution, overrides: overrides)
                return PromptPlan(config: config, specYAML: spec, calls: calls)
            } catch let error as VideoError where attempt == 1 {
                messages += [
                    .assistant(answer.jsonString),
                    .user(
                        "That plan was rejected: \(error.description). Answer again with the whole plan, fixed, "
                            + "following the schema."),
                ]
            } catch let error as VideoError {
                throw VideoError(
                    .io,
                    "\(model.provider) \(model.model): the planned video was not valid twice; last: \(error.description)",
                    field: "prompt")
            }
        }
        fatalError("unreachable: the loop returns or throws")
    }

    private var system: String {
        let types = sceneTypes.map { type in
            let fields = type.fields.map { "\($0.name)\($0.isRequired ? "" : "?") (\($0.kind.rawValue))" }
            return "- \(type.type.rawValue): \(type.summary) Fields: \(fields.joined(separator: ", "))."
        }
        return """
            You plan short narrated explainer videos made of slides. Each scene is one slide of one \
            of these types, with the fields it shows and the narration spoken over it:
            \(types.joined(separator: "\n"))
            Slides show short text: headings of a few words, bullet items of at most about ten \
            words, code of at most about twelve lines. The narration explains what the slide \
            shows in plain spoken sentences for a speech synthesizer: no Markdown, no URLs, no \
            emoji. Give optional fields you do not need as null. Answer with the JSON plan only.
            """
    }

    private func ask(_ topic: String, seconds: Double, scenes: Int, words: Int) -> String {
        let has = Set(sceneTypes.map(\.type))
        var shape: [String] = []
        if has.contains(.title) { shape.append("Start with a title scene.") }
        if has.contains(.outro) { shape.append("End with an outro scene.") }
        return """
            Make a video about: \(topic)
            It lasts about \(Int(seconds.rounded())) seconds: about \(scenes) scenes and about \(words) \
            words of narration in all, shared among the scenes by what they show. \(shape.joined(separator: " "))
            """
    }

    /// The plan as a spec, read by `YAMLAdapter` (JSON is YAML) into a validated video.
    private func read(_ answer: JSONValue, resolution: Resolution, overrides: VideoOverrides) throws -> (
        VideoConfig, String
    ) {
        guard case .object(var plan) = answer, case .array(let scenes)? = plan["scenes"] else {
            throw VideoError(.invalidInput, "the plan must be an object with a list of scenes", field: "scenes")
        }
        let title = plan["title"]?.stringValue ?? ""
        plan["video_id"] = .string(VideoConfig.makeID(from: title))
        plan["resolution"] = .string(resolution.description)
        plan["scenes"] = .array(
            scenes.enumerated().map { i, scene in
                // {"quiz": {fields…}} becomes {"scene_type": "quiz", fields…}.
                guard case .object(let tagged) = scene, tagged.count == 1, let type = tagged.keys.first,
                    case .object(var fields) = tagged[type]!
                else { return scene }
                fields = fields.filter { $0.value != .null }
                fields["scene_type"] = .string(type)
                fields["scene_id"] = .string(String(format: "%02d-", i + 1) + VideoConfig.makeID(from: type))
                if let narration = fields["narration"]?.stringValue {
                    fields["narration"] = .string(SpeechText.clean(narration))
                }
                return .object(fields)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(JSONValue.object(plan)), as: UTF8.self)
        let custom = Set(sceneTypes.map(\.type)).subtracting(SceneType.builtIn)
        let adapter = YAMLAdapter(
            text: text, name: "plan", baseDirectory: FileManager.default.temporaryDirectory, overrides: overrides,
            customSceneTypes: custom)
        let video = try adapter.readVideos()
        guard video.count == 1 else { throw VideoError(.invalidInput, "the plan must be one video", field: "scenes") }
        let config = video[0].config
        for scene in config.scenes where !sceneTypes.contains(where: { $0.type == scene.sceneType }) {
            throw VideoError(.invalidInput, "scene type '\(scene.sceneType)' was not offered", field: "scene_type")
        }
        return (config, try config.yamlString(theme: overrides.theme))
    }
}

/// A video planned from a prompt.
public struct PromptPlan: Sendable {
    /// One call to the model.
    package struct Call: Sendable {
        var request: LanguageModelRequest
        var response: LanguageModelResponse
        var provider: String
    }

    /// The validated video.
    public var config: VideoConfig
    /// The video as a YAML spec (`spec.yaml`), which `YAMLAdapter` reads back into `config`.
    public var specYAML: String
    /// The calls made, a re-ask included.
    package var calls: [Call]

    /// What planning cost.
    public var usage: LanguageModelUsage? {
        guard let first = calls.first else { return nil }
        return LanguageModelUsage(
            purpose: LanguageModelUsage.planning, provider: first.provider,
            model: Set(calls.map(\.response.model)).sorted().joined(separator: ", "), calls: calls.count,
            inputTokens: calls.map(\.response.inputTokens).reduce(0, +),
            outputTokens: calls.map(\.response.outputTokens).reduce(0, +))
    }

    /// Records the calls in the usage ledger of the video's task folder, so `metadata.json`
    /// counts them (replacing an earlier plan's).
    /// - Parameter directory: The video's task folder.
    /// - Throws: `VideoError(.io)` when the ledger cannot be written.
    public func recordUsage(in directory: URL) throws {
        let ledger = UsageLedger(directory: directory)
        try ledger.reset(LanguageModelUsage.planning)
        for call in calls {
            try ledger.record(
                LanguageModelUsage.planning, request: call.request, response: call.response, provider: call.provider)
        }
    }
}
