import Foundation
import VideoAI
import VideoCore

/// The montage's output stage: verify the encoded file, then publish it and the files beside it.

/// Reopens the encoded MP4 to check its codecs, frame size, frame count and audio length
/// against the timeline, then writes `timeline.json` and moves the thumbnail and the video into
/// place as `thumbnail.png` and `video.mp4`, each atomically.
public struct MontageOutputStage: PipelineStage {
    /// What the stage publishes.
    public struct Input: Sendable {
        /// The plan rendered.
        public var timeline: MontageTimeline
        /// The music's profile.
        public var profile: AudioAnalysisProfile
        /// The render stage's output.
        public var rendered: MontageRenderStage.Output
    }

    /// The files the stage published, relative to the task folder.
    public struct Output: Sendable, Codable, Hashable {
        /// `video.mp4`.
        public var video: String
        /// `thumbnail.png`.
        public var thumbnail: String
    }

    /// Creates the stage.
    public init() {}

    /// `output`.
    public var name: String { "output" }

    /// Verifies and publishes.
    /// - Parameters:
    ///   - input: The timeline, the music profile and the rendered files.
    ///   - context: The task folder.
    /// - Returns: The published files.
    /// - Throws: `VideoError` (`.encoding`) when the file does not match the timeline, `.io` when writing fails.
    public func run(_ input: Input, context: PipelineContext) async throws -> Output {
        let timeline = input.timeline
        let encoded = context.file(input.rendered.video.file)
        try EncodedFileCheck(
            frames: timeline.durationFrames, duration: timeline.duration, fps: timeline.fps, width: timeline.width,
            height: timeline.height, basis: "the timeline"
        ).verify(encoded)
        try AtomicFile.writeJSON(timeline, to: context.file("timeline.json"))
        try AtomicFile.replace(context.file("thumbnail.png"), with: context.file(input.rendered.thumbnail))
        try AtomicFile.replace(context.file("video.mp4"), with: encoded)
        return Output(video: "video.mp4", thumbnail: "thumbnail.png")
    }

    /// Whether the published files are still there.
    public func canReuse(_ output: Output, context: PipelineContext) -> Bool {
        [output.video, output.thumbnail].allSatisfy { FileManager.default.fileExists(atPath: context.file($0).path) }
    }
}

/// A finished montage and the files beside it.
public struct MontageResult: Sendable {
    /// `<output-dir>/<video_id>/`.
    public var directory: URL
    /// `video.mp4`.
    public var videoURL: URL
    /// `thumbnail.png`.
    public var thumbnailURL: URL
    /// The plan it follows (also in `timeline.json`).
    public var timeline: MontageTimeline
    /// The music's analysis (also in `analysis.json`).
    public var profile: AudioAnalysisProfile
    /// Chunks drawn and encoded by this run (see `MontageRenderStage`).
    public var renderedChunks = 0
    /// Chunks reused from an earlier run's `segments/` folder.
    public var cachedChunks = 0
    /// Warnings raised while making it (skipped files, missing beats…).
    public var warnings: [String] = []
    /// Seconds per stage that ran, in order.
    public var stageSeconds: [StageTime] = []
}
