import Foundation
import VideoAI
import VideoCore

/// A recorded talk edited: the stage list transcript → cut → direction → render → highlight →
/// output on the one `TaskEngine`, in `<output-dir>/<video_id>/`, which ends up holding
/// `video.mp4`, `transcript.json`, `edit.json` (the cut list), `direction.json` (chapters and
/// B-roll), `captions.srt`/`.vtt`, `talk.otio`, `metadata.json`, `thumbnail-1…3.png` and, when
/// asked, `highlight.mp4` (`Docs/Talks.md`). A killed run resumes where it stopped (`resume(taskDirectory:)`).
public struct TalkPipeline: Sendable {
    /// The kind of task in `state.json`.
    public static let kind = "talk"
    /// The stages, in order.
    public static let stageNames = ["transcript", "cut", "direction", "render", "highlight", "output"]

    /// Runs the stages.
    public var engine = TaskEngine()
    /// Titles the chapters (and the talk, unless given) when set.
    public var languageModel: (any LanguageModel)?

    /// Creates a pipeline.
    public init() {}

    /// The declared stage list of `task`.
    /// - Parameter task: The recording, its transcript, a given cut list and the settings.
    /// - Returns: The stages in order, each with how its input is made.
    public func stages(for task: TalkTask) -> StageList {
        let source = URL(fileURLWithPath: task.source)
        let transcriptFile = task.transcript.map { URL(fileURLWithPath: $0) }
        let editFile = task.edit.map { URL(fileURLWithPath: $0) }
        let transcript = TalkTranscriptStage()
        let cut = TalkCutStage()
        let direction = TalkDirectionStage(languageModel: languageModel)
        let render = TalkRenderStage(preset: task.preset, crf: task.crf)
        let highlight = TalkHighlightStage(render: render, languageModel: languageModel)
        let output = TalkOutputStage()
        let broll = task.broll.map { URL(fileURLWithPath: $0, isDirectory: true) }
        var list = StageList()
        list.append(transcript) { _ in .init(source: source, transcript: transcriptFile) }
        list.append(cut) {
            .init(source: source, transcript: try $0.output(of: transcript), options: task.cut, edit: editFile)
        }
        list.append(direction) {
            .init(
                transcript: try $0.output(of: transcript), edit: try $0.output(of: cut), broll: broll,
                style: task.brollStyle ?? .cutaway, title: task.title)
        }
        list.append(render) {
            .init(
                source: source, edit: try $0.output(of: cut), direction: try $0.output(of: direction), broll: broll,
                cards: task.cards ?? false)
        }
        list.append(highlight) {
            .init(
                source: source, transcript: try $0.output(of: transcript), edit: try $0.output(of: cut),
                highlight: task.highlight)
        }
        list.append(output) {
            .init(
                source: source, transcript: try $0.output(of: transcript), edit: try $0.output(of: cut),
                rendered: try $0.output(of: render), direction: try $0.output(of: direction))
        }
        return list
    }

    /// Edits a talk.
    /// - Parameters:
    ///   - task: What to edit and how.
    ///   - videoID: The task folder's name.
    ///   - outputDirectory: The parent of the task folder.
    ///   - events: Stage, progress and warning events.
    /// - Returns: The files written.
    /// - Throws: `VideoError` or `CancellationError`; the state is saved either way.
    public func render(
        _ task: TalkTask, videoID: String, to outputDirectory: URL,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> TalkResult {
        try VideoConfig.validate(videoID: videoID)
        guard FileManager.default.fileExists(atPath: task.source) else {
            throw VideoError(.invalidInput, "no such file: \(task.source)", field: "talk")
        }
        // A new cut list or transcript replaces what an earlier run planned.
        let run = try await engine.start(
            kind: Self.kind, taskID: videoID, input: task, stages: stages(for: task), in: outputDirectory,
            restart: false, events: events)
        return try result(of: run!)
    }

    /// Continues the talk edit in `directory` from its last completed stage.
    /// - Parameters:
    ///   - directory: The task folder.
    ///   - events: Stage, progress and warning events.
    /// - Returns: The files written.
    /// - Throws: `VideoError` when the folder holds no talk state or a corrupt one.
    public func resume(
        taskDirectory directory: URL, events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> TalkResult {
        let run = try await engine.resume(
            TalkTask.self, kind: Self.kind, directory: directory, stages: { stages(for: $0.input) }, events: events)
        return try result(of: run)
    }

    private func result(of run: TaskEngine.Run) throws -> TalkResult {
        TalkResult(
            directory: run.directory, videoURL: run.directory.appendingPathComponent("video.mp4"),
            edit: try run.outputs.output(of: TalkCutStage()),
            transcript: try run.outputs.output(of: TalkTranscriptStage()),
            direction: try run.outputs.output(of: TalkDirectionStage()),
            highlightURL: try run.outputs.output(of: TalkHighlightStage()).file.map {
                run.directory.appendingPathComponent($0)
            })
    }
}
