import Foundation
import VideoCore

/// The montage's analysis stages: media, music and the edit plan, each a `PipelineStage`.

/// Finds, decodes, scores and orders the photos and clips (`media`).
public struct MediaAnalysisStage: PipelineStage {
    /// The files and folders given, and the order wanted.
    public struct Input: Sendable {
        /// Files and folders.
        public var paths: [URL]
        /// How to order the media.
        public var order: MediaOrder

        /// Creates the input.
        public init(paths: [URL], order: MediaOrder) {
            self.paths = paths
            self.order = order
        }
    }

    /// The analyzer.
    public var analyzer: MediaAnalyzer

    /// Creates the stage.
    public init(analyzer: MediaAnalyzer = MediaAnalyzer()) { self.analyzer = analyzer }

    /// `media`.
    public var name: String { "media" }

    /// `media.json`.
    public var outputFile: String { "media.json" }

    /// Analyses the media; files that fail to decode are skipped with a warning.
    /// - Throws: `VideoError` (`.invalidInput`) when a path is missing or nothing is usable.
    public func run(_ input: Input, context: PipelineContext) async throws -> [AnalyzedMedia] {
        let files = try MediaAnalyzer.candidateFiles(input.paths, warn: context.warn)
        context.report(name, 0, "\(files.count) files")
        let analyzer = analyzer
        let media = try await DedicatedThread.run(name: "vgen-media") { flag in
            try analyzer.analyze(files, order: input.order, warn: context.warn, isCancelled: { flag.isCancelled })
        }
        context.report(name, 1, "\(media.count) usable")
        return media
    }
}

/// Analyses the song: tempo, beats, downbeats and energy (`music`).
public struct MusicAnalysisStage: PipelineStage {
    /// The analyzer.
    public var analyzer: MusicAnalyzer

    /// Creates the stage.
    public init(analyzer: MusicAnalyzer = MusicAnalyzer()) { self.analyzer = analyzer }

    /// `music`.
    public var name: String { "music" }

    /// `analysis.json`.
    public var outputFile: String { "analysis.json" }

    /// Analyses the file.
    /// - Throws: `VideoError` (`.media`) when the music cannot be decoded.
    public func run(_ input: URL, context: PipelineContext) async throws -> AudioAnalysisProfile {
        let analyzer = analyzer
        let profile = try await DedicatedThread.run(name: "vgen-music") { _ in try analyzer.analyze(fileAt: input) }
        if profile.beats.count < 2 {
            context.warn("no beat found in \(input.lastPathComponent): cutting on a steady 2-second grid")
        }
        context.report(name, 1, String(format: "%.1f BPM, %d beats", profile.tempoBPM, profile.beats.count))
        return profile
    }
}

/// Plans the edit (`plan`).
public struct EditPlanStage: PipelineStage {
    /// What the planner needs.
    public struct Input: Sendable {
        /// The analysed media, in order.
        public var media: [AnalyzedMedia]
        /// The music's profile.
        public var music: AudioAnalysisProfile
        /// Format, style and duration.
        public var settings: EditPlanner.Settings

        /// Creates the input.
        public init(media: [AnalyzedMedia], music: AudioAnalysisProfile, settings: EditPlanner.Settings) {
            self.media = media
            self.music = music
            self.settings = settings
        }
    }

    /// The planner.
    public var planner: EditPlanner

    /// Creates the stage.
    public init(planner: EditPlanner = EditPlanner()) { self.planner = planner }

    /// `plan`.
    public var name: String { "plan" }

    /// `timeline.json`.
    public var outputFile: String { "timeline.json" }

    /// Plans the timeline, refined for `settings.autoRefine` rounds and scored (`PlanRefiner`),
    /// then, with `settings.speedRamp`, ramps its clip shots (`ClipSpeedRamp`).
    /// - Throws: `VideoError` (`.invalidInput`) for bad settings, (`.media`) for a clip the
    ///   ramp cannot decode.
    public func run(_ input: Input, context: PipelineContext) async throws -> MontageTimeline {
        if let duration = input.settings.duration, duration > input.music.duration + 0.5 {
            context.warn(
                String(
                    format: "the video (%.1f s) is longer than the song (%.1f s): the end is silent", duration,
                    input.music.duration))
        }
        var timeline = try PlanRefiner().refine(
            media: input.media, music: input.music, settings: input.settings, planner: planner,
            rounds: input.settings.autoRefine)
        if input.settings.speedRamp {
            let (planned, music) = (timeline, input.music)
            timeline = try await DedicatedThread.run(name: "vgen-speed-ramp") { flag in
                try ClipSpeedRamp().apply(to: planned, music: music, isCancelled: { flag.isCancelled })
            }
            try timeline.validate()
        }
        context.report(
            name, 1, "\(timeline.segments.count) shots, score \(String(format: "%.3f", timeline.score?.total ?? 0))")
        return timeline
    }
}
