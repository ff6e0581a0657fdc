import VideoCore

/// The script stage: gives every scene narration — its own, cleaned for speech, or one
/// written by the narration writer — and warns when a scene will likely run over its
/// `max_duration`.
public struct ScriptStage: PipelineStage {
    /// Writes narration for scenes that have none.
    public var writer: any NarrationWriter
    /// The speaking rate used for duration estimates.
    public var wordsPerMinute: Int

    /// The whole video's narration budget in seconds, shared among the scenes in proportion
    /// to their text; nil for none. A scene's `max_duration` is its target when set.
    public var durationBudget: Double?

    /// Creates the stage.
    /// - Parameters:
    ///   - writer: Writes narration (templates by default).
    ///   - wordsPerMinute: The speaking rate of the estimates and targets.
    ///   - durationBudget: The video's narration budget in seconds, or nil.
    public init(
        writer: any NarrationWriter = TemplateNarrationWriter(), wordsPerMinute: Int = 165,
        durationBudget: Double? = nil
    ) {
        self.writer = writer
        self.wordsPerMinute = wordsPerMinute
        self.durationBudget = durationBudget
    }

    /// `script`.
    public var name: String { "script" }

    /// `script.json`.
    public var outputFile: String { "script.json" }

    /// Fills in the narration of every scene.
    public func run(_ input: VideoConfig, context: PipelineContext) async throws -> VideoConfig {
        var video = input
        // The writer records its model calls afresh: a re-run must not count them twice.
        try UsageLedger(directory: context.directory).reset(LanguageModelUsage.narration)
        let targets = targetSeconds(for: input)
        for (i, scene) in input.scenes.enumerated() {
            try Task.checkCancellation()
            var text: String
            let own = scene.narration.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            if let own, !writer.rewritesNarration {
                text = Self.spoken(own, over: scene.content)
            } else {
                let writing = NarrationContext(
                    directory: context.directory, warn: context.warn, sourceText: own.map(SpeechText.clean),
                    targetSeconds: targets[i], wordsPerMinute: wordsPerMinute)
                text = try await writer.narration(for: scene, at: i, in: input, context: writing)
            }
            text = String(text.prefix(VideoLimits.maxNarrationLength))
            let estimate = SpeechText.estimatedDuration(of: text, wordsPerMinute: wordsPerMinute)
            if let max = scene.maxDuration, estimate > max {
                context.warn(
                    "scene \(scene.sceneID): narration of about \(Int(estimate.rounded())) s will exceed max_duration \(max) s"
                )
            }
            video.scenes[i].narration = text
            context.report(name, Double(i + 1) / Double(input.scenes.count), "scene \(i + 1) of \(input.scenes.count)")
        }
        try video.validate()
        return video
    }

    /// A scene's own narration as spoken: cleaned for speech, with a list's items read too
    /// when the source's prose only leads in to them ("It has these features:"), so nothing on
    /// screen goes unsaid.
    static func spoken(_ own: String, over content: SceneContent) -> String {
        var text = SpeechText.clean(own)
        if case .list(let list) = content, !mentions(text, mostOf: list.items) {
            text += " " + TemplateNarrationWriter.listNarration(heading: "", items: list.items)
        }
        return text
    }

    /// Each scene's target length: its `max_duration`, else its share of `durationBudget` (or
    /// of the video's own `duration`) by the words of its source text (its own narration, or its
    /// template's).
    func targetSeconds(for video: VideoConfig) -> [Double?] {
        let budget = durationBudget ?? video.duration?.targetSeconds
        let words = video.scenes.map { scene in
            let text = scene.narration ?? TemplateNarrationWriter.narration(for: scene.content, videoTitle: video.title)
            return max(1, text.split(whereSeparator: \.isWhitespace).count)
        }
        let total = Double(words.reduce(0, +))
        return zip(video.scenes, words).map { scene, count in
            scene.maxDuration ?? budget.map { $0 * Double(count) / total }
        }
    }

    /// Whether `narration` mentions at least half of `items` (by their first two words).
    static func mentions(_ narration: String, mostOf items: [String]) -> Bool {
        guard !items.isEmpty else { return true }
        let spoken = narration.lowercased()
        let covered = items.filter { item in
            let words = SpeechText.clean(item).lowercased().split(separator: " ").prefix(2).joined(separator: " ")
            return words.isEmpty || spoken.contains(words)
        }
        return covered.count * 2 >= items.count
    }
}
