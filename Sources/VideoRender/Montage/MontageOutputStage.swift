/// The montage's output stage: verify the encoded file, then publish it and the files beside it.
import Foundation

/// Reopens the encoded MP4 to check its frame count and audio length against the timeline,
/// then writes `timeline.json`, `analysis.json` and `thumbnail.png` and moves the video into
/// place as `video.mp4`, each atomically.
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

    /// Creates the stage.
    public init() {}

    /// `output`.
    public var name: String { "output" }

    /// Verifies and publishes.
    /// - Throws: `VideoError` (`.encoding`) when the file does not match the timeline, `.io` when writing fails.
    public func run(_ input: Input, context: PipelineContext) async throws -> MontageResult {
        let timeline = input.timeline
        let info = try MediaProbe.inspect(input.rendered.encoded)
        guard info.videoCodec == "h264", info.audioCodec == "aac", info.width == timeline.width,
            info.height == timeline.height,
            info.videoFrameCount == timeline.durationFrames,
            abs(info.audioDuration - timeline.duration) <= 1 / Double(timeline.fps)
        else {
            try? FileManager.default.removeItem(at: input.rendered.encoded)
            throw VideoError(
                .encoding,
                "the encoded file has \(info.videoFrameCount) \(info.width)x\(info.height) frames and \(info.audioDuration) s of audio; the timeline says \(timeline.durationFrames) \(timeline.width)x\(timeline.height) frames"
            )
        }
        let directory = context.directory
        let thumbnail = directory.appendingPathComponent("thumbnail.png")
        try AtomicFile.writeJSON(timeline, to: directory.appendingPathComponent("timeline.json"))
        try AtomicFile.writeJSON(input.profile, to: directory.appendingPathComponent("analysis.json"))
        try AtomicFile.replace(thumbnail, with: input.rendered.thumbnail)
        let video = directory.appendingPathComponent("video.mp4")
        try AtomicFile.replace(video, with: input.rendered.encoded)
        return MontageResult(
            directory: directory, videoURL: video, thumbnailURL: thumbnail, timeline: timeline, profile: input.profile,
            renderedChunks: input.rendered.renderedChunks, cachedChunks: input.rendered.cachedChunks)
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
    /// Seconds per stage, in order.
    public var stageSeconds: [(stage: String, seconds: Double)] = []
}
