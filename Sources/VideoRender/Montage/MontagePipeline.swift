import Foundation
import VideoAI
import VideoCore

/// A beat-cut montage: the stage list music → media → plan → render → output (or music →
/// render → output for an edited timeline), run by the `TaskEngine` in
/// `<output-dir>/<video_id>/`, which ends up holding `video.mp4`, `timeline.json`,
/// `analysis.json` (the music profile) and `thumbnail.png`.
///
/// ```swift
/// let settings = EditPlanner.Settings(videoID: "holiday", musicPath: song.path)
/// let result = try await MontagePipeline().render(media: [photos], music: song, settings: settings, to: out)
/// ```
///
/// The folder holds `state.json` saved after every stage and each stage's output
/// (`analysis.json`, `media.json`, `timeline.json`, `segments/` with the encoded chunks), so a
/// killed or cancelled run resumes where it stopped (`resume(taskDirectory:)`), and a
/// re-render of an edited timeline re-encodes only the chunks that changed. One process at a
/// time works on a folder (`TaskLock`).
public struct MontagePipeline: Sendable {
    /// The kind of task in `state.json`.
    public static let kind = "montage"
    /// The stages of a montage planned from media, in order.
    public static let stageNames = ["music", "media", "plan", "render", "output"]
    /// The stages of a montage rendered from a timeline, in order.
    public static let timelineStageNames = ["music", "render", "output"]

    /// Media analysis.
    public var media: MediaAnalysisStage
    /// Music analysis.
    public var music: MusicAnalysisStage
    /// Edit planning.
    public var plan: EditPlanStage
    /// Rendering and encoding.
    public var render: MontageRenderStage
    /// Verification and publishing.
    public var output: MontageOutputStage
    /// Runs the stages.
    public var engine = TaskEngine()

    /// Creates a pipeline from its stages.
    /// - Parameters:
    ///   - media: The media analysis stage.
    ///   - music: The music analysis stage.
    ///   - plan: The edit planning stage.
    ///   - render: The render stage.
    ///   - output: The output stage.
    public init(
        media: MediaAnalysisStage = MediaAnalysisStage(), music: MusicAnalysisStage = MusicAnalysisStage(),
        plan: EditPlanStage = EditPlanStage(), render: MontageRenderStage = MontageRenderStage(),
        output: MontageOutputStage = MontageOutputStage()
    ) {
        self.media = media
        self.music = music
        self.plan = plan
        self.render = render
        self.output = output
    }

    /// The declared stage list that makes the montage `task` describes.
    /// - Parameters:
    ///   - task: What the montage is made from; its preset and CRF replace the render stage's.
    ///   - taskID: The montage's video id.
    /// - Returns: The stages in order, each with how its input is made.
    /// - Throws: `VideoError` when the saved settings name an unknown aspect or style.
    public func stages(for task: MontageTask, taskID: String) throws -> StageList {
        var render = render
        render.preset = task.preset
        render.crf = task.crf
        let (music, media, plan, output, stage) = (self.music, self.media, self.plan, self.output, render)
        var list = StageList()
        let song = URL(fileURLWithPath: task.music)
        list.append(music) { _ in song }
        let timeline: @Sendable (StageOutputs) throws -> MontageTimeline
        if let saved = task.settings {
            let settings = try saved.settings(videoID: taskID, music: task.music)
            let paths = task.media.map { URL(fileURLWithPath: $0) }
            list.append(media) { _ in .init(paths: paths, order: task.order) }
            list.append(plan) {
                .init(media: try $0.output(of: media), music: try $0.output(of: music), settings: settings)
            }
            timeline = { try $0.output(of: plan) }
        } else {
            guard let given = task.timeline else {
                throw VideoError(.invalidInput, "the montage task has neither settings nor a timeline")
            }
            timeline = { _ in given }
        }
        list.append(stage, input: timeline)
        list.append(output) {
            .init(timeline: try timeline($0), profile: try $0.output(of: music), rendered: try $0.output(of: stage))
        }
        return list
    }

    /// Analyses, plans and renders a montage.
    /// - Parameters:
    ///   - paths: Photo and clip files and folders.
    ///   - musicURL: The song.
    ///   - order: How to order the media.
    ///   - settings: Format, style, duration; `settings.musicPath` is replaced by `musicURL`.
    ///   - outputDirectory: The parent of the video's folder.
    ///   - events: Stage, progress and warning events.
    /// - Returns: The files written.
    /// - Throws: `VideoError` or `CancellationError`; the state is saved either way and the task
    ///   can be resumed. No `video.mp4` is left from a failed run.
    public func render(
        media paths: [URL], music musicURL: URL, order: MediaOrder = .time, settings: EditPlanner.Settings,
        to outputDirectory: URL, events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> MontageResult {
        let task = task(media: paths, music: musicURL, order: order, settings: settings)
        let run = try await start(task, taskID: settings.videoID, to: outputDirectory, stopAfter: nil, events: events)
        return try result(of: run!, task: task)
    }

    /// Runs the stages of a new montage up to and including `stage`, then stops with its state
    /// saved; `resume(taskDirectory:)` finishes it.
    /// - Parameters:
    ///   - paths: Photo and clip files and folders.
    ///   - musicURL: The song.
    ///   - order: How to order the media.
    ///   - settings: Format, style, duration.
    ///   - outputDirectory: The parent of the video's folder.
    ///   - stage: The last stage to run.
    ///   - events: Stage, progress and warning events.
    /// - Returns: The saved state.
    /// - Throws: `VideoError` for an unknown stage, or what the stages throw.
    public func render(
        media paths: [URL], music musicURL: URL, order: MediaOrder = .time, settings: EditPlanner.Settings,
        to outputDirectory: URL, stoppingAfter stage: String,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> TaskState<MontageTask> {
        let task = task(media: paths, music: musicURL, order: order, settings: settings)
        _ = try await start(task, taskID: settings.videoID, to: outputDirectory, stopAfter: stage, events: events)
        let directory = outputDirectory.appendingPathComponent(settings.videoID)
        return try Self.state(of: directory)!
    }

    /// Renders an edited `timeline.json` again into `<outputDirectory>/<video_id>/` (its music is
    /// re-analysed for `analysis.json`); chunks already encoded there are reused.
    /// - Parameters:
    ///   - timeline: The montage's plan.
    ///   - outputDirectory: The parent of the video's folder.
    ///   - events: Stage, progress and warning events.
    /// - Returns: The files written.
    /// - Throws: `VideoError` for an invalid timeline or undecodable media, `CancellationError`.
    public func render(
        timeline: MontageTimeline, to outputDirectory: URL,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> MontageResult {
        try timeline.validate()
        let task = MontageTask(
            media: [], music: timeline.music.path, order: .name, settings: nil, timeline: timeline,
            preset: render.preset, crf: render.crf)
        let run = try await start(task, taskID: timeline.videoID, to: outputDirectory, stopAfter: nil, events: events)
        return try result(of: run!, task: task)
    }

    /// Continues the montage in `directory` from its last completed stage, with the media,
    /// settings and encoder settings it was started with.
    /// - Parameters:
    ///   - directory: The task folder.
    ///   - events: Stage, progress and warning events.
    /// - Returns: The files written.
    /// - Throws: `VideoError` when the folder holds no montage state or a corrupt one.
    public func resume(
        taskDirectory directory: URL, events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> MontageResult {
        var task: MontageTask?
        let run = try await engine.resume(
            MontageTask.self, kind: Self.kind, directory: directory,
            stages: { state in
                task = state.input
                return try stages(for: state.input, taskID: state.taskID)
            }, events: events)
        return try result(of: run, task: task!)
    }

    /// The saved state of the montage task in `directory`.
    /// - Parameter directory: The task folder.
    /// - Returns: The state, or `nil` when the folder holds none.
    /// - Throws: `VideoError` when `state.json` is corrupt, foreign or a document video's.
    public static func state(of directory: URL) throws -> TaskState<MontageTask>? {
        try TaskStore.load(MontageTask.self, kind: kind, from: directory)
    }

    private func task(media paths: [URL], music: URL, order: MediaOrder, settings: EditPlanner.Settings)
        -> MontageTask
    {
        MontageTask(
            media: paths.map(\.path), music: music.path, order: order, settings: .init(settings), timeline: nil,
            preset: render.preset, crf: render.crf)
    }

    private func start(
        _ task: MontageTask, taskID: String, to outputDirectory: URL, stopAfter: String?,
        events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> TaskEngine.Run? {
        try VideoConfig.validate(videoID: taskID)
        return try await engine.start(
            kind: Self.kind, taskID: taskID, input: task, stages: try stages(for: task, taskID: taskID),
            in: outputDirectory, stopAfter: stopAfter, events: events)
    }

    private func result(of run: TaskEngine.Run, task: MontageTask) throws -> MontageResult {
        let rendered = try run.outputs.output(of: render)
        let timeline = try task.timeline ?? run.outputs.output(of: plan)
        var result = MontageResult(
            directory: run.directory, videoURL: run.directory.appendingPathComponent("video.mp4"),
            thumbnailURL: run.directory.appendingPathComponent("thumbnail.png"), timeline: timeline,
            profile: try run.outputs.output(of: music), renderedChunks: rendered.video.renderedSegments,
            cachedChunks: rendered.video.cachedSegments)
        result.warnings = run.warnings
        result.stageSeconds = run.stageSeconds
        return result
    }
}
