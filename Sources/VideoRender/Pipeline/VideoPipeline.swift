import Foundation

/// The orchestrator: runs script → audio → video → output for one `VideoConfig`, reporting
/// events around each stage.
///
/// ```swift
/// let config = try DocumentAdapter(url: readme).makeVideoConfig()
/// let result = try await VideoPipeline().render(config, to: outputDirectory)
/// print(result.videoURL.path)
/// ```
public struct VideoPipeline: Sendable {
    /// Writes narration for scenes without it.
    public var script: ScriptStage
    /// Speaks and times the narration.
    public var audio: AudioStage
    /// Draws and encodes.
    public var video: VideoStage
    /// Verifies and publishes.
    public var output: OutputStage

    /// Creates a pipeline from its stages; the defaults are offline and deterministic.
    public init(
        script: ScriptStage = ScriptStage(), audio: AudioStage = AudioStage(), video: VideoStage = VideoStage(),
        output: OutputStage = OutputStage()
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
    public init(
        registry: RendererRegistry, writer: any NarrationWriter = TemplateNarrationWriter(),
        synthesizer: any SpeechSynthesizer = EspeakSynthesizer(), options: RenderOptions = RenderOptions()
    ) {
        self.init(
            script: ScriptStage(writer: writer), audio: AudioStage(synthesizer: synthesizer),
            video: VideoStage(registry: registry, options: options),
            output: OutputStage(thumbnail: Thumbnail(registry: registry, theme: options.theme)))
    }

    /// Creates the default pipeline with the given render options.
    public init(options: RenderOptions) {
        self.init(video: VideoStage(options: options), output: OutputStage(thumbnail: Thumbnail(theme: options.theme)))
    }

    /// Makes the video of `config` in `<outputDirectory>/<video_id>/`.
    /// - Parameters:
    ///   - config: A validated video.
    ///   - outputDirectory: The parent folder; created if missing.
    ///   - events: Receives stage and progress events.
    /// - Returns: The finished video's paths, manifest and metadata.
    /// - Throws: `VideoError`; on failure no `video.mp4` is left from this run.
    public func render(
        _ config: VideoConfig, to outputDirectory: URL, events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> RenderResult {
        try config.validate()
        let directory = outputDirectory.appendingPathComponent(config.videoID, isDirectory: true)
        try AtomicFile.makeDirectory(directory)
        let warnings = WarningLog()
        let context = PipelineContext(directory: directory) { event in
            if case .warning(let message) = event { warnings.append(message) }
            events(event)
        }
        var seconds: [(String, Double)] = []
        func step<S: PipelineStage>(_ stage: S, _ input: S.Input) async throws -> S.Output {
            context.events(.stageStarted(stage.name))
            let start = Date()
            do {
                let output = try await stage.run(input, context: context)
                let elapsed = Date().timeIntervalSince(start)
                seconds.append((stage.name, elapsed))
                context.events(.stageCompleted(stage.name, seconds: elapsed))
                return output
            } catch {
                context.events(.stageFailed(stage.name, message: "\(error)"))
                throw error
            }
        }
        let scripted = try await step(script, config)
        let narrated = try await step(audio, scripted)
        let encoded = try await step(video, narrated)
        var result = try await step(output, OutputStage.Input(video: narrated, encoded: encoded))
        result.warnings = warnings.messages
        result.stageSeconds = seconds
        return result
    }
}

/// Collects warnings from stage events (which may arrive from any task).
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ message: String) { lock.withLock { storage.append(message) } }
    var messages: [String] { lock.withLock { storage } }
}
