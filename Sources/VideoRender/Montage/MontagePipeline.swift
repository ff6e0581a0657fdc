/// The montage orchestrator: media → music → plan → render → output, with events around each stage.
import Foundation

/// Makes a beat-cut montage in `<output-dir>/<video_id>/`: `video.mp4`, `timeline.json`,
/// `analysis.json` (the music profile) and `thumbnail.png`.
///
/// ```swift
/// let settings = EditPlanner.Settings(videoID: "holiday", musicPath: song.path)
/// let result = try await MontagePipeline().render(media: [photos], music: song, settings: settings, to: out)
/// ```
///
/// The folder holds `state.json` (`MontageTaskState`) saved after every stage and each stage's
/// output (`analysis.json`, `media.json`, `timeline.json`, `segments/` with the encoded chunks),
/// so a killed or cancelled run resumes where it stopped (`resume(taskDirectory:)`), and a
/// re-render of an edited timeline re-encodes only the chunks that changed. One process at a
/// time works on a folder (`TaskLock`).
public struct MontagePipeline: Sendable {
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

    /// Creates a pipeline from its stages.
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
        to outputDirectory: URL,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> MontageResult {
        try await start(
            task(media: paths, music: musicURL, order: order, settings: settings), timeline: nil, to: outputDirectory,
            stopAfter: nil, events: events)!
    }

    /// Runs the stages of a new montage up to and including `stage`, then stops with its state
    /// saved; `resume(taskDirectory:)` finishes it.
    /// - Returns: The saved state.
    /// - Throws: `VideoError` for an unknown stage, or what the stages throw.
    public func render(
        media paths: [URL], music musicURL: URL, order: MediaOrder = .time, settings: EditPlanner.Settings,
        to outputDirectory: URL, stoppingAfter stage: String,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> MontageTaskState {
        guard Self.stageNames.contains(stage) else {
            throw VideoError(
                .invalidInput, "unknown stage '\(stage)'; valid: \(Self.stageNames.joined(separator: ", "))")
        }
        let state = task(media: paths, music: musicURL, order: order, settings: settings)
        _ = try await start(state, timeline: nil, to: outputDirectory, stopAfter: stage, events: events)
        return try TaskStore.loadMontage(from: outputDirectory.appendingPathComponent(state.taskID))!
    }

    /// Renders an edited `timeline.json` again into `<outputDirectory>/<video_id>/` (its music is
    /// re-analysed for `analysis.json`); chunks already encoded there are reused.
    /// - Throws: `VideoError` for an invalid timeline or undecodable media, `CancellationError`.
    public func render(
        timeline: MontageTimeline, to outputDirectory: URL,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> MontageResult {
        try timeline.validate()
        let state = MontageTaskState(
            taskID: timeline.videoID, media: [], music: timeline.music.path, order: .name, settings: nil,
            preset: render.preset, crf: render.crf, stages: Self.timelineStageNames)
        return try await start(state, timeline: timeline, to: outputDirectory, stopAfter: nil, events: events)!
    }

    /// Continues the montage in `directory` from its last completed stage, with the media,
    /// settings and encoder settings it was started with.
    /// - Throws: `VideoError` when the folder holds no montage state or a corrupt one.
    public func resume(
        taskDirectory directory: URL, events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> MontageResult {
        let lock = try TaskLock(directory: directory)
        defer { withExtendedLifetime(lock) {} }
        guard let state = try TaskStore.loadMontage(from: directory) else {
            throw VideoError(.invalidInput, "\(directory.path) holds no vgen task (no \(TaskStore.stateFile))")
        }
        var pipeline = self
        pipeline.render.preset = state.preset
        pipeline.render.crf = state.crf
        return try await pipeline.run(state, in: directory, stopAfter: nil, events: events)!
    }

    private func task(media paths: [URL], music: URL, order: MediaOrder, settings: EditPlanner.Settings)
        -> MontageTaskState
    {
        MontageTaskState(
            taskID: settings.videoID, media: paths.map(\.path), music: music.path, order: order,
            settings: .init(settings), preset: render.preset, crf: render.crf, stages: Self.stageNames)
    }

    private func start(
        _ state: MontageTaskState, timeline: MontageTimeline?, to outputDirectory: URL, stopAfter: String?,
        events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> MontageResult? {
        try VideoConfig.validate(videoID: state.taskID)
        let directory = outputDirectory.appendingPathComponent(state.taskID, isDirectory: true)
        try AtomicFile.makeDirectory(directory)
        let lock = try TaskLock(directory: directory)
        defer { withExtendedLifetime(lock) {} }
        if (try? TaskStore.load(from: directory)) != nil {
            throw VideoError(
                .invalidInput, "\(directory.path) holds a document video's task; choose another --video-id",
                field: "video_id")
        }
        // The timeline rendered is the task's input: it lives in the folder.
        if let timeline { try AtomicFile.writeJSON(timeline, to: directory.appendingPathComponent("timeline.json")) }
        return try await run(state, in: directory, stopAfter: stopAfter, events: events)
    }
}
