import Foundation
import VideoAI
import VideoCore

/// Cuts the highlight (`--duration`, `--platform`): the densest phrases of the clean cut that
/// fit the budget, centred-cropped to the platform's shape; saves `highlight.json` (its cut
/// list) and renders `highlight.mp4`.
public struct TalkHighlightStage: PipelineStage {
    /// The recording, its words, the clean cut and the setting.
    public struct Input: Sendable {
        var source: URL
        var transcript: Transcript
        var edit: TalkEdit
        var highlight: TalkHighlight?
    }

    /// What the stage made.
    public struct Output: Codable, Sendable, Hashable {
        /// The highlight's cut list, `nil` when none was asked for.
        public var edit: TalkEdit?
        /// `highlight.mp4`, when made.
        public var file: String?
    }

    /// `highlight`.
    public let name = "highlight"
    /// `highlight.json`.
    public var outputFile: String { "highlight.json" }
    /// Draws pictures.
    public var draws: Bool { true }
    /// Encodes as this render stage does (its preset and quality).
    public var render: TalkRenderStage

    /// Chooses the phrases when set (`HighlightChooser`); else the densest are taken.
    public var languageModel: (any LanguageModel)?

    /// Creates the stage.
    /// - Parameters:
    ///   - render: The stage whose x264 settings the highlight uses.
    ///   - languageModel: The model that chooses the phrases, if any.
    public init(render: TalkRenderStage = TalkRenderStage(), languageModel: (any LanguageModel)? = nil) {
        self.render = render
        self.languageModel = languageModel
    }

    /// Plans and renders the highlight, if one is asked for.
    /// - Parameters:
    ///   - input: The recording, words, cut and setting.
    ///   - context: The task folder and the event sink.
    /// - Returns: Its cut list and file.
    /// - Throws: `VideoError` when decoding or encoding fails, or `CancellationError`.
    public func run(_ input: Input, context: PipelineContext) async throws -> Output {
        guard let highlight = input.highlight else { return Output(edit: nil, file: nil) }
        var chosen: [Int]?
        if let languageModel {
            chosen = try await HighlightChooser(model: languageModel).choose(
                input.edit, transcript: input.transcript, seconds: highlight.seconds, directory: context.directory,
                warn: { context.warn($0) })
        }
        let edit = HighlightPlanner().plan(
            input.edit, transcript: input.transcript, seconds: highlight.seconds, chosen: chosen)
        guard !edit.kept.isEmpty else {
            throw VideoError(
                .invalidInput, "no phrase of the talk fits in \(DurationBudget.seconds(highlight.seconds))",
                field: "duration")
        }
        let info = try MediaProbe.inspect(input.source)
        let size = highlight.size(width: info.width, height: info.height)
        let renderer = TalkCutRenderer(preset: render.preset, crf: render.crf, size: size)
        let partial = context.file(".highlight.mp4.partial")
        _ = try await DedicatedThread.run(name: "vgen-talk-highlight") { flag in
            try renderer.render(source: input.source, edit: edit, to: partial, flag: flag)
        }
        try AtomicFile.replace(context.file("highlight.mp4"), with: partial)
        return Output(edit: edit, file: "highlight.mp4")
    }

    /// Whether the highlight is still there.
    public func canReuse(_ output: Output, context: PipelineContext) -> Bool {
        output.file.map { FileManager.default.fileExists(atPath: context.file($0).path) } ?? true
    }
}
