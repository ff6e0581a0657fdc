import Foundation

/// The orchestrator: runs script → audio → video → output for one task (one video's folder),
/// saving its state after every stage so a killed or cancelled run can be resumed, and
/// reporting events around each stage.
///
/// ```swift
/// let config = try DocumentAdapter(url: readme).makeVideoConfig()
/// let result = try await VideoPipeline().render(config, to: outputDirectory)
/// print(result.videoURL.path)
/// ```
///
/// The task folder `<output-dir>/<video_id>/` holds `state.json` (`TaskState`), each stage's
/// output (`script.json`, `audio/`, `timing_manifest.json`, `segments/`) and, at the end, the
/// video and its companions. One process at a time works on a task (`TaskLock`).
public struct VideoPipeline: Sendable {
    /// The standard stages' names, in order.
    public static let stageNames = ["script", "audio", "video", "output"]

    /// Writes narration for scenes without it (`ScriptStage` by default; replaceable).
    public var script: any PipelineStage<VideoConfig, VideoConfig>
    /// Stages of the user's own, run in order after the script stage and before the audio
    /// stage; each has its own entry in the task state and its output saved for resume.
    public var insertedStages: [any PipelineStage<VideoConfig, VideoConfig>] = []
    /// Speaks and times the narration.
    public var audio: AudioStage
    /// Draws and encodes.
    public var video: VideoStage
    /// Verifies and publishes.
    public var output: OutputStage

    /// Creates a pipeline from its stages; the defaults are offline and deterministic.
    public init(
        script: any PipelineStage<VideoConfig, VideoConfig> = ScriptStage(), audio: AudioStage = AudioStage(),
        video: VideoStage = VideoStage(), output: OutputStage = OutputStage()
    ) {
        self.script = script
        self.audio = audio
        self.video = video
        self.output = output
    }

    /// Creates a pipeline with an app's own renderers and narration templates.
    /// - Parameters:
    ///   - registry: The renderers, for example `.standard` plus the app's scene types.
    ///   - writer: The narration writer, for example a `TemplateNarrationWriter` with the app's templates.
    ///   - synthesizer: The voice (`ToneSynthesizer` makes fast, deterministic tests).
    ///   - options: Drawing and encoding settings.
    ///   - jobs: How many segments render at once.
    public init(
        registry: RendererRegistry, writer: any NarrationWriter = TemplateNarrationWriter(),
        synthesizer: any SpeechSynthesizer = EspeakSynthesizer(), options: RenderOptions = RenderOptions(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.init(
            script: ScriptStage(writer: writer), audio: AudioStage(synthesizer: synthesizer),
            video: VideoStage(registry: registry, options: options, jobs: jobs),
            output: OutputStage(thumbnail: Thumbnail(registry: registry, theme: options.theme)))
    }

    /// Creates the default pipeline with the given render options.
    public init(options: RenderOptions, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.init(registry: .standard, options: options, jobs: jobs)
    }

    /// This pipeline's stages' names, in order (the standard ones and any inserted).
    public var stageNames: [String] {
        [script.name] + insertedStages.map(\.name) + [audio.name, video.name, output.name]
    }

    /// Makes the video of `config` in `<outputDirectory>/<video_id>/`.
    ///
    /// Segments already rendered in that folder (by an earlier run) are reused where their
    /// content is unchanged.
    /// - Parameters:
    ///   - config: A validated video.
    ///   - outputDirectory: The parent folder; created if missing.
    ///   - restart: Remove what an earlier task left in the folder (including a corrupt state
    ///     file) before starting; only files vgen writes are removed.
    ///   - events: Receives stage and progress events.
    /// - Returns: The finished video's paths, manifest and metadata.
    /// - Throws: `VideoError`, or `CancellationError`; the state is saved either way and the
    ///   task can be resumed. No `video.mp4` is left from a failed run.
    public func render(
        _ config: VideoConfig, to outputDirectory: URL, restart: Bool = false,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> RenderResult {
        try await start(config, to: outputDirectory, restart: restart, stopAfter: nil, events: events)!
    }

    /// Runs the stages of a new task up to and including `stage`, then stops with its state
    /// saved (`vgen --stop-after`); `resume` finishes it.
    /// - Returns: The saved state.
    public func render(
        _ config: VideoConfig, to outputDirectory: URL, stoppingAfter stage: String, restart: Bool = false,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> TaskState {
        guard stageNames.contains(stage) else {
            throw VideoError(.invalidInput, "unknown stage '\(stage)'; valid: \(stageNames.joined(separator: ", "))")
        }
        let directory = outputDirectory.appendingPathComponent(config.videoID, isDirectory: true)
        _ = try await start(config, to: outputDirectory, restart: restart, stopAfter: stage, events: events)
        return try TaskStore.load(from: directory)!
    }

    /// Continues the task in `directory` from its last completed stage, with the settings it
    /// was started with.
    /// - Throws: `VideoError` when the folder holds no task state or a corrupt one.
    public func resume(
        taskDirectory directory: URL, events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> RenderResult {
        let lock = try TaskLock(directory: directory)
        guard let state = try TaskStore.load(from: directory) else {
            throw VideoError(.invalidInput, "\(directory.path) holds no vgen task (no \(TaskStore.stateFile))")
        }
        guard state.stages.map(\.name) == stageNames else {
            throw VideoError(
                .invalidInput,
                "the task was started with the stages \(state.stages.map(\.name).joined(separator: ", ")); this pipeline has \(stageNames.joined(separator: ", "))"
            )
        }
        var pipeline = self
        pipeline.video.options = state.options
        pipeline.output.thumbnail.theme = state.options.theme
        defer { withExtendedLifetime(lock) {} }
        return try await pipeline.run(state, in: directory, stopAfter: nil, events: events)!
    }

    private func start(
        _ config: VideoConfig, to outputDirectory: URL, restart: Bool, stopAfter: String?,
        events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> RenderResult? {
        let (config, warnings) = try fitted(config)
        let directory = outputDirectory.appendingPathComponent(config.videoID, isDirectory: true)
        try AtomicFile.makeDirectory(directory)
        let lock = try TaskLock(directory: directory)
        for warning in warnings { events(.warning(warning)) }
        if restart { TaskStore.clean(directory) } else { _ = try TaskStore.load(from: directory) }
        let state = TaskState(config: config, options: video.options, stages: stageNames)
        defer { withExtendedLifetime(lock) {} }
        return try await run(state, in: directory, stopAfter: stopAfter, events: events)
    }

    /// `config`, validated, with scenes whose text does not fit continued on follow-up scenes.
    func fitted(_ config: VideoConfig) throws -> (VideoConfig, [String]) {
        try config.validate()
        return try SceneFitter(registry: video.registry, theme: video.options.theme).fit(config)
    }
}
