import Foundation
import VideoAI
import VideoCore

/// A document video: the stage list fit → script → (your stages) → budget → audio → video → output,
/// run by the `TaskEngine` in one task folder, `<output-dir>/<video_id>/`.
///
/// ```swift
/// let config = try DocumentAdapter(url: readme).makeVideoConfig()
/// let result = try await VideoPipeline().render(config, to: outputDirectory)
/// print(result.videoURL.path)
/// ```
///
/// The folder holds `state.json` (the engine's `TaskState<DocumentTask>`), each stage's
/// saved output (`stage-fit.json`, `script.json`, `stage-budget.json`, `timing_manifest.json` with `audio/`,
/// `stage-video.json` with `segments/`, `metadata.json`) and, at the end, the video and its
/// companions. One process at a time works on a task (`TaskLock`).
public struct VideoPipeline: Sendable {
    /// The kind of task in `state.json`.
    public static let kind = "document"
    /// The standard stages' names, in order.
    public static let stageNames = ["fit", "script", "budget", "audio", "video", "output"]

    /// Writes narration for scenes without it (`ScriptStage` by default; replaceable).
    public var script: any PipelineStage<VideoConfig, VideoConfig>
    /// Stages of the user's own, run in order after the script stage and before the audio
    /// stage; each output is validated, saved as `stage-<name>.json` and reused on resume.
    public var insertedStages: [any PipelineStage<VideoConfig, VideoConfig>] = []
    /// Fits the script to the video's `duration`, measured with the audio stage's voice.
    public var budget: BudgetStage
    /// Speaks and times the narration.
    public var audio: AudioStage
    /// Draws and encodes.
    public var video: VideoStage
    /// Verifies and publishes.
    public var output: OutputStage
    /// Runs the stages.
    public var engine = TaskEngine()

    /// Creates a pipeline from its stages; the defaults are offline and deterministic.
    /// - Parameters:
    ///   - script: The script stage.
    ///   - budget: The budget stage (it always measures with `audio`'s voice).
    ///   - audio: The audio stage.
    ///   - video: The video stage.
    ///   - output: The output stage.
    public init(
        script: any PipelineStage<VideoConfig, VideoConfig> = ScriptStage(), budget: BudgetStage = BudgetStage(),
        audio: AudioStage = AudioStage(), video: VideoStage = VideoStage(), output: OutputStage = OutputStage()
    ) {
        self.script = script
        self.budget = budget
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
        synthesizer: any SpeechSynthesizer = VoiceChain(), options: RenderOptions = RenderOptions(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.init(
            script: ScriptStage(writer: writer), budget: BudgetStage(writer: writer),
            audio: AudioStage(synthesizer: synthesizer),
            video: VideoStage(registry: registry, options: options, jobs: jobs),
            output: OutputStage(thumbnail: Thumbnail(registry: registry, theme: options.theme)))
    }

    /// Creates the default pipeline with the given render options.
    /// - Parameters:
    ///   - options: Drawing and encoding settings.
    ///   - jobs: How many segments render at once.
    public init(options: RenderOptions, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.init(registry: .standard, options: options, jobs: jobs)
    }

    /// This pipeline's stages' names, in order (the standard ones and any inserted).
    public var stageNames: [String] {
        ["fit", script.name] + insertedStages.map(\.name) + [budget.name, audio.name, video.name, output.name]
    }

    /// The declared stage list that makes `config` with `options`: what `render`, `resume`
    /// and `plan` run.
    /// - Parameters:
    ///   - config: A validated video.
    ///   - options: Drawing and encoding settings (they replace the video stage's).
    /// - Returns: The stages in order, each with how its input is made.
    public func stages(for config: VideoConfig, options: RenderOptions) -> StageList {
        var drawing = self.video
        drawing.options = options
        var publishing = self.output
        publishing.thumbnail.theme = options.theme
        let (video, output) = (drawing, publishing)
        let fit = FitStage(registry: video.registry, theme: options.theme)
        var list = StageList()
        list.append(fit) { _ in config }
        list.append(script) { try $0.output(of: fit) }
        var scripted: any PipelineStage<VideoConfig, VideoConfig> = script
        for stage in insertedStages {
            let checked = ValidatedStage(stage: stage)
            let previous = scripted
            list.append(checked) { try $0.output(of: previous) }
            scripted = checked
        }
        var budget = self.budget
        budget.audio = audio
        let (scriptedStage, fitted) = (scripted, budget)
        list.append(fitted) { outputs in
            let original = try outputs.output(of: fit)
            let written = original.scenes.map {
                ($0.narration ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            }
            return BudgetStage.Input(script: try outputs.output(of: scriptedStage), written: written)
        }
        let script = fitted
        let audio = audio
        list.append(audio) { try $0.output(of: script) }
        list.append(video) { NarratedVideo(config: try $0.output(of: script), manifest: try $0.output(of: audio)) }
        list.append(output) { outputs in
            OutputStage.Input(
                video: NarratedVideo(config: try outputs.output(of: script), manifest: try outputs.output(of: audio)),
                encoded: try outputs.output(of: video))
        }
        return list
    }

    /// Makes the video of `config` in `<outputDirectory>/<video_id>/`.
    ///
    /// Segments and speech already in that folder (from an earlier run) are reused where
    /// their content is unchanged.
    /// - Parameters:
    ///   - config: A video.
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
        let run = try await start(config, to: outputDirectory, restart: restart, stopAfter: nil, events: events)
        return try result(of: run!)
    }

    /// Runs the stages of a new task up to and including `stage`, then stops with its state
    /// saved (`vgen --stop-after`); `resume` finishes it.
    /// - Parameters:
    ///   - config: A video.
    ///   - outputDirectory: The parent folder; created if missing.
    ///   - stage: The last stage to run.
    ///   - restart: Remove what an earlier task left in the folder first.
    ///   - events: Receives stage and progress events.
    /// - Returns: The saved state.
    /// - Throws: `VideoError` for an unknown stage or a failing one, `CancellationError`.
    public func render(
        _ config: VideoConfig, to outputDirectory: URL, stoppingAfter stage: String, restart: Bool = false,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> TaskState<DocumentTask> {
        _ = try await start(config, to: outputDirectory, restart: restart, stopAfter: stage, events: events)
        let directory = outputDirectory.appendingPathComponent(config.videoID, isDirectory: true)
        return try Self.state(of: directory)!
    }

    /// Continues the task in `directory` from its first stage that has not completed, with
    /// the settings it was started with.
    /// - Parameters:
    ///   - directory: The task folder.
    ///   - events: Receives stage and progress events.
    /// - Returns: The finished video.
    /// - Throws: `VideoError` when the folder holds no document task, a corrupt one, one with
    ///   other stages, or a stage fails; `CancellationError`.
    public func resume(
        taskDirectory directory: URL, events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> RenderResult {
        let run = try await engine.resume(
            DocumentTask.self, kind: Self.kind, directory: directory,
            stages: { state in
                stages(for: state.input.config, options: state.input.options)
            }, events: events)
        return try result(of: run)
    }

    /// Plans a video without drawing it: runs the same stages as a render up to the first that
    /// draws (fit, script, audio), in a temporary folder that is removed afterwards, and
    /// returns the timing manifest a render of the same video with the same voice writes.
    ///
    /// With `ToneSynthesizer` this takes milliseconds and is fully deterministic, which suits
    /// an app's unit tests:
    ///
    /// ```swift
    /// let manifest = try await VideoPipeline().plan(try builder.build(), synthesizer: ToneSynthesizer())
    /// #expect(manifest.scenes.count == 12)
    /// ```
    /// - Parameters:
    ///   - config: The video.
    ///   - synthesizer: The voice; `nil` uses the audio stage's (a `VoiceChain` of flite and espeak-ng by default).
    ///   - events: Receives the stages' progress and warnings.
    /// - Returns: The manifest: every scene's frames and every word's times.
    /// - Throws: `VideoError` when the video is invalid or the voice fails.
    public func plan(
        _ config: VideoConfig, synthesizer: (any SpeechSynthesizer)? = nil,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> TimingManifest {
        try config.validate()
        var pipeline = self
        if let synthesizer { pipeline.audio.synthesizer = synthesizer }
        let outputs = try await engine.plan(pipeline.stages(for: config, options: video.options), events: events)
        return try outputs.output(of: pipeline.audio)
    }

    /// The saved state of the document task in `directory`.
    /// - Parameter directory: The task folder.
    /// - Returns: The state, or `nil` when the folder holds none.
    /// - Throws: `VideoError` when `state.json` is corrupt, foreign or a montage's.
    public static func state(of directory: URL) throws -> TaskState<DocumentTask>? {
        try TaskStore.load(DocumentTask.self, kind: kind, from: directory)
    }

    private func start(
        _ config: VideoConfig, to outputDirectory: URL, restart: Bool, stopAfter: String?,
        events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> TaskEngine.Run? {
        try config.validate()
        return try await engine.start(
            kind: Self.kind, taskID: config.videoID, input: DocumentTask(config: config, options: video.options),
            stages: stages(for: config, options: video.options), in: outputDirectory, restart: restart,
            stopAfter: stopAfter, events: events)
    }

    private func result(of run: TaskEngine.Run) throws -> RenderResult {
        let manifest = try run.outputs.output(of: audio)
        let language = try run.outputs.output(of: budget).language
        var result = RenderResult(
            directory: run.directory, videoURL: run.directory.appendingPathComponent("video.mp4"), manifest: manifest,
            metadata: try run.outputs.output(of: output),
            captions: CaptionBuilder(language: language).captions(for: manifest))
        result.warnings = run.warnings
        result.stageSeconds = run.stageSeconds
        return result
    }
}

/// What a document task is started with, saved in its `state.json`.
public struct DocumentTask: Codable, Sendable {
    /// The video, as the input gave it.
    public var config: VideoConfig
    /// How it is drawn and encoded.
    public var options: RenderOptions
}

/// An app's own stage, with its output validated before it is saved.
private struct ValidatedStage: PipelineStage {
    var stage: any PipelineStage<VideoConfig, VideoConfig>
    var name: String { stage.name }
    var outputFile: String { stage.outputFile }

    func run(_ input: VideoConfig, context: PipelineContext) async throws -> VideoConfig {
        let output = try await stage.run(input, context: context)
        try output.validate()
        return output
    }
}
