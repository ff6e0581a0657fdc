import VideoCore

/// The script stage: gives every scene narration — its own, cleaned for speech, or one
/// written by the narration writer — and warns when a scene will likely run over its
/// `max_duration`.
public struct ScriptStage: PipelineStage {
    /// Writes narration for scenes that have none.
    public var writer: any NarrationWriter
    /// The speaking rate used for duration estimates.
    public var wordsPerMinute: Int

    /// Creates the stage.
    public init(writer: any NarrationWriter = TemplateNarrationWriter(), wordsPerMinute: Int = 165) {
        self.writer = writer
        self.wordsPerMinute = wordsPerMinute
    }

    /// `script`.
    public var name: String { "script" }

    /// `script.json`.
    public var outputFile: String { "script.json" }

    /// Fills in the narration of every scene.
    public func run(_ input: VideoConfig, context: PipelineContext) async throws -> VideoConfig {
        var video = input
        for (i, scene) in input.scenes.enumerated() {
            try Task.checkCancellation()
            var text: String
            if let own = scene.narration, !own.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                text = SpeechText.clean(own)
                if case .list(let list) = scene.content, !Self.mentions(text, mostOf: list.items) {
                    // The source's prose only leads in ("It has these features:"): read the
                    // items too, so nothing on screen goes unsaid.
                    text += " " + TemplateNarrationWriter.listNarration(heading: "", items: list.items)
                }
            } else {
                text = try await writer.narration(for: scene, at: i, in: input)
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
