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
/// Every step is a `PipelineStage`, so caching and resuming can wrap them one by one.
public struct MontagePipeline: Sendable {
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
    /// - Throws: `VideoError`; on failure no `video.mp4` is left from this run.
    public func render(
        media paths: [URL], music musicURL: URL, order: MediaOrder = .time, settings: EditPlanner.Settings,
        to outputDirectory: URL,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> MontageResult {
        var settings = settings
        settings.musicPath = musicURL.path
        let run = try Run(videoID: settings.videoID, outputDirectory: outputDirectory, events: events)
        let profile = try await run.step(music, musicURL)
        let analysed = try await run.step(media, .init(paths: paths, order: order))
        let timeline = try await run.step(plan, .init(media: analysed, music: profile, settings: settings))
        return try await finish(timeline, profile: profile, run: run)
    }

    /// Renders an edited `timeline.json` again (its music is re-analysed for `analysis.json`).
    /// - Throws: `VideoError` for an invalid timeline or undecodable media.
    public func render(
        timeline: MontageTimeline, to outputDirectory: URL,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> MontageResult {
        try timeline.validate()
        let run = try Run(videoID: timeline.videoID, outputDirectory: outputDirectory, events: events)
        let profile = try await run.step(music, URL(fileURLWithPath: timeline.music.path))
        return try await finish(timeline, profile: profile, run: run)
    }

    private func finish(_ timeline: MontageTimeline, profile: AudioAnalysisProfile, run: Run) async throws
        -> MontageResult
    {
        let rendered = try await run.step(render, timeline)
        var result = try await run.step(output, .init(timeline: timeline, profile: profile, rendered: rendered))
        result.warnings = run.warnings.messages
        result.stageSeconds = run.seconds.values
        return result
    }

    /// One run's folder, context and bookkeeping.
    private final class Run: Sendable {
        let context: PipelineContext
        let warnings = WarningLog()
        let seconds = StageTimes()

        init(videoID: String, outputDirectory: URL, events: @escaping @Sendable (PipelineEvent) -> Void) throws {
            guard !videoID.isEmpty,
                videoID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }),
                !videoID.hasPrefix(".")
            else {
                throw VideoError(
                    .invalidInput,
                    "'\(videoID)' may hold only letters, digits, '-', '_' and '.', and not start with '.'",
                    field: "video_id")
            }
            let directory = outputDirectory.appendingPathComponent(videoID, isDirectory: true)
            try AtomicFile.makeDirectory(directory)
            let warnings = self.warnings
            context = PipelineContext(directory: directory) { event in
                if case .warning(let message) = event { warnings.append(message) }
                events(event)
            }
        }

        func step<S: PipelineStage>(_ stage: S, _ input: S.Input) async throws -> S.Output {
            context.events(.stageStarted(stage.name))
            let start = Date()
            do {
                let output = try await stage.run(input, context: context)
                let elapsed = Date().timeIntervalSince(start)
                seconds.append(stage.name, elapsed)
                context.events(.stageCompleted(stage.name, seconds: elapsed))
                return output
            } catch {
                context.events(.stageFailed(stage.name, message: "\(error)"))
                throw error
            }
        }
    }
}

/// Stage durations collected across tasks.
final class StageTimes: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [(String, Double)] = []
    func append(_ stage: String, _ seconds: Double) { lock.withLock { storage.append((stage, seconds)) } }
    var values: [(String, Double)] { lock.withLock { storage } }
}
