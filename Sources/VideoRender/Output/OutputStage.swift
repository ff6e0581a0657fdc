import Foundation

/// The output stage: checks the encoded MP4 by reopening it, then moves it into place as
/// `video.mp4` and writes `metadata.json`, `captions.srt`,
/// `captions.vtt` and `thumbnail.png` beside it, each atomically.
public struct OutputStage: PipelineStage {
    /// Draws `thumbnail.png`.
    public var thumbnail: Thumbnail

    /// Creates the stage.
    public init(thumbnail: Thumbnail = Thumbnail()) {
        self.thumbnail = thumbnail
    }

    /// `output`.
    public var name: String { "output" }

    /// What the output stage needs.
    public struct Input: Sendable {
        /// The narrated, timed video.
        public var video: NarratedVideo
        /// The encoded, unverified MP4.
        public var encoded: URL
    }

    /// Verifies and publishes the files.
    public func run(_ input: Input, context: PipelineContext) async throws -> RenderResult {
        let manifest = input.video.manifest
        let info = try MediaProbe.inspect(input.encoded)
        let frameTime = 1 / Double(manifest.fps)
        guard info.videoCodec == "h264", info.audioCodec == "aac" else {
            throw VideoError(.encoding, "the encoded file lacks H.264 video or AAC audio")
        }
        guard info.videoFrameCount == manifest.totalFrames,
            abs(info.audioDuration - manifest.totalDuration) <= frameTime
        else {
            throw VideoError(
                .encoding,
                "the encoded file has \(info.videoFrameCount) frames and \(info.audioDuration) s of audio; the manifest says \(manifest.totalFrames) frames, \(manifest.totalDuration) s"
            )
        }
        let dir = context.directory
        let captions = CaptionBuilder().captions(for: manifest)
        let metadata = VideoMetadata(config: input.video.config, manifest: manifest)
        try AtomicFile.writeJSON(metadata, to: dir.appendingPathComponent("metadata.json"))
        try AtomicFile.write(
            Data(CaptionFormat.srt.render(captions).utf8), to: dir.appendingPathComponent("captions.srt"))
        try AtomicFile.write(
            Data(CaptionFormat.vtt.render(captions).utf8), to: dir.appendingPathComponent("captions.vtt"))
        try thumbnail.write(input.video.config, to: dir.appendingPathComponent("thumbnail.png"))
        let video = dir.appendingPathComponent("video.mp4")
        try AtomicFile.replace(video, with: input.encoded)
        return RenderResult(directory: dir, videoURL: video, manifest: manifest, metadata: metadata, captions: captions)
    }
}

extension OutputStage {
    /// The result of a task whose output stage completed before.
    static func load(_ video: NarratedVideo, from directory: URL) throws -> RenderResult {
        let url = directory.appendingPathComponent("video.mp4")
        guard FileManager.default.fileExists(atPath: url.path) else { throw VideoError(.io, "\(url.path) is missing") }
        return RenderResult(
            directory: directory, videoURL: url, manifest: video.manifest,
            metadata: VideoMetadata(config: video.config, manifest: video.manifest),
            captions: CaptionBuilder().captions(for: video.manifest))
    }
}

/// A finished video and everything written beside it.
public struct RenderResult: Sendable {
    /// The video's folder, `<output-dir>/<video_id>/`.
    public var directory: URL
    /// `video.mp4`.
    public var videoURL: URL
    /// The timing manifest it was built to.
    public var manifest: TimingManifest
    /// Its metadata.
    public var metadata: VideoMetadata
    /// Its caption cues.
    public var captions: [Caption]
    /// Warnings raised while making it.
    public var warnings: [String] = []
    /// Seconds spent in each stage, in order.
    public var stageSeconds: [(stage: String, seconds: Double)] = []
}
