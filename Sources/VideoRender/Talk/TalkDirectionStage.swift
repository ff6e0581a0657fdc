import Foundation
import VideoAI
import VideoCore

/// Directs the talk: chapters from topic shifts (`TextTiling`), titled by their key phrases or
/// by the language model when one is configured, and the B-roll placed where the transcript
/// mentions it (`BrollPlanner`); saves `direction.json`.
public struct TalkDirectionStage: PipelineStage {
    /// The words, the cut, the B-roll folder and the title settings.
    public struct Input: Sendable {
        var transcript: Transcript
        var edit: TalkEdit
        var broll: URL?
        var style: BrollPlacement.Style
        var title: String?
    }

    /// `direction`.
    public let name = "direction"
    /// `direction.json`.
    public var outputFile: String { "direction.json" }
    /// Titles chapters when set.
    public var languageModel: (any LanguageModel)?
    /// The topic segmenter.
    public var tiling = TextTiling()

    /// Creates the stage.
    /// - Parameter languageModel: The model that titles the chapters, if any.
    public init(languageModel: (any LanguageModel)? = nil) { self.languageModel = languageModel }

    /// Finds the chapters and places the B-roll.
    /// - Parameters:
    ///   - input: The words, the cut and the settings.
    ///   - context: The task folder and the event sink.
    /// - Returns: The direction.
    /// - Throws: `VideoError` for an unreadable B-roll folder or a bad `broll.yaml`.
    public func run(_ input: Input, context: PipelineContext) async throws -> TalkDirection {
        var direction = TalkDirection.offline(input.transcript, tiling: tiling, title: input.title)
        if let languageModel {
            direction = try await ChapterTitler(model: languageModel).retitle(
                direction, transcript: input.transcript, keepTitle: input.title != nil, directory: context.directory,
                warn: { context.warn($0) })
        }
        if let folder = input.broll {
            let planner = BrollPlanner(style: input.style)
            let edit = input.edit
            direction.broll = planner.place(
                try planner.library(in: folder), transcript: input.transcript, isKept: { edit.editedTime($0) != nil })
            if direction.broll.isEmpty {
                context.warn("broll: the transcript mentions none of \(folder.lastPathComponent)'s files")
            }
        }
        return direction
    }
}

/// Where a talk's source times land in its output: after the title card, on the kept frames.
struct TalkTimeline {
    var edit: TalkEdit
    /// Frames before the talk (the title card's).
    var introFrames: Int

    /// The output frame showing source time `time`, or `nil` when it was cut.
    func frame(_ time: Double) -> Int? {
        guard let edited = edit.editedTime(time) else { return nil }
        return introFrames + Int((edited * Double(edit.fps)).rounded())
    }

    /// The output time of source time `time`, or `nil` when it was cut.
    func time(_ time: Double) -> Double? {
        edit.editedTime(time).map { $0 + Double(introFrames) / Double(edit.fps) }
    }

    /// The B-roll shots over the output's frames (absolute paths), none past the talk's end.
    func shots(_ direction: TalkDirection, folder: URL?) -> [TalkShot] {
        guard let folder else { return [] }
        let end = introFrames + edit.keptFrames.map(\.count).reduce(0, +)
        return direction.broll.compactMap { placement in
            guard let first = frame(placement.start) else { return nil }
            let last = min(end, first + Int((placement.duration * Double(edit.fps)).rounded()))
            guard last > first else { return nil }
            return TalkShot(
                file: folder.appendingPathComponent(placement.file).path, isClip: placement.isClip,
                frames: first..<last,
                style: placement.style)
        }
    }
}

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
    /// The x264 preset and quality.
    public var preset: String
    public var crf: Int

    /// Creates the stage.
    /// - Parameters:
    ///   - preset: The x264 preset.
    ///   - crf: The x264 quality.
    public init(preset: String = "veryfast", crf: Int = 20) {
        self.preset = preset
        self.crf = crf
    }

    /// Plans and renders the highlight, if one is asked for.
    /// - Parameters:
    ///   - input: The recording, words, cut and setting.
    ///   - context: The task folder and the event sink.
    /// - Returns: Its cut list and file.
    /// - Throws: `VideoError` when decoding or encoding fails, or `CancellationError`.
    public func run(_ input: Input, context: PipelineContext) async throws -> Output {
        guard let highlight = input.highlight else { return Output(edit: nil, file: nil) }
        let edit = HighlightPlanner().plan(input.edit, transcript: input.transcript, seconds: highlight.seconds)
        guard !edit.kept.isEmpty else {
            throw VideoError(
                .invalidInput, "no phrase of the talk fits in \(DurationBudget.seconds(highlight.seconds))",
                field: "duration")
        }
        let info = try MediaProbe.inspect(input.source)
        let size = highlight.size(width: info.width, height: info.height)
        let renderer = TalkCutRenderer(preset: preset, crf: crf, size: size)
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
