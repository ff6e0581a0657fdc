import Foundation
import VideoAI
import VideoCore

/// The output stage: checks the encoded MP4 by reopening it, then moves it into place as
/// `video.mp4` and writes `metadata.json`, `captions.srt`,
/// `captions.vtt` and `thumbnail.png` beside it, each atomically.
public struct OutputStage: PipelineStage {
    /// Draws `thumbnail.png`.
    public var thumbnail: Thumbnail
    /// The language model that improves the titles, description and tags
    /// (`MetadataImprover`); nil keeps the offline ones.
    public var languageModel: (any LanguageModel)?

    /// Creates the stage.
    /// - Parameters:
    ///   - thumbnail: Draws `thumbnail.png`.
    ///   - languageModel: Improves the metadata when set; nil keeps it offline.
    public init(thumbnail: Thumbnail = Thumbnail(), languageModel: (any LanguageModel)? = nil) {
        self.thumbnail = thumbnail
        self.languageModel = languageModel
    }

    /// `output`.
    public var name: String { "output" }

    /// `metadata.json`: the stage's output is the video's metadata.
    public var outputFile: String { "metadata.json" }

    /// What the output stage needs.
    public struct Input: Sendable {
        /// The narrated, timed video.
        public var video: NarratedVideo
        /// The video stage's output.
        public var encoded: EncodedVideo
    }

    /// Verifies the encoded file against the manifest (codecs, frame size, frame count, audio
    /// length), then writes the captions and the thumbnail and moves the video into place.
    /// - Parameters:
    ///   - input: The narrated video and the encoded file.
    ///   - context: The task folder.
    /// - Returns: The metadata; the engine writes it to `metadata.json`.
    /// - Throws: `VideoError` (`.encoding`) when the file does not match, `.io` when writing fails.
    public func run(_ input: Input, context: PipelineContext) async throws -> VideoMetadata {
        let manifest = input.video.manifest
        let config = input.video.config
        let encoded = context.file(input.encoded.file)
        try EncodedFileCheck(
            frames: manifest.totalFrames, duration: manifest.totalDuration, fps: manifest.fps,
            width: config.resolution.width, height: config.resolution.height, basis: "the manifest"
        ).verify(encoded)
        let captions = CaptionBuilder(language: config.language).captions(for: manifest)
        try AtomicFile.write(Data(CaptionFormat.srt.render(captions).utf8), to: context.file("captions.srt"))
        try AtomicFile.write(Data(CaptionFormat.vtt.render(captions).utf8), to: context.file("captions.vtt"))
        try thumbnail.write(config, to: context.file("thumbnail.png"))
        try AtomicFile.replace(context.file("video.mp4"), with: encoded)
        var metadata = VideoMetadata(config: config, manifest: manifest)
        for note in metadata.notes { context.warn(note) }
        let ledger = UsageLedger(directory: context.directory)
        try ledger.reset(LanguageModelUsage.metadata)
        if let languageModel {
            metadata = try await MetadataImprover(model: languageModel).improve(
                metadata, config: config, directory: context.directory, warn: context.warn)
        }
        let usage = ledger.summary()
        metadata.languageModels = usage.isEmpty ? nil : usage
        return metadata
    }

    /// Whether the published video is still there.
    public func canReuse(_ output: VideoMetadata, context: PipelineContext) -> Bool {
        FileManager.default.fileExists(atPath: context.file("video.mp4").path)
    }
}

/// Checks an encoded MP4 by reopening it: H.264 and AAC, the frame size and count, and the
/// audio length within one frame. Both kinds of video's output stages use it.
struct EncodedFileCheck {
    var frames: Int
    var duration: Double
    var fps: Int
    var width: Int
    var height: Int
    /// What the expectations come from, for the error ("the manifest", "the timeline").
    var basis: String

    /// Throws unless `url` matches; a file that does not is removed.
    /// - Throws: `VideoError` (`.encoding`).
    func verify(_ url: URL) throws {
        let info = try MediaProbe.inspect(url)
        guard info.videoCodec == "h264", info.audioCodec == "aac" else {
            try? FileManager.default.removeItem(at: url)
            throw VideoError(.encoding, "the encoded file lacks H.264 video or AAC audio")
        }
        guard info.width == width, info.height == height, info.videoFrameCount == frames,
            abs(info.audioDuration - duration) <= 1 / Double(fps)
        else {
            try? FileManager.default.removeItem(at: url)
            throw VideoError(
                .encoding,
                "the encoded file has \(info.videoFrameCount) \(info.width)x\(info.height) frames and \(info.audioDuration) s of audio; \(basis) says \(frames) \(width)x\(height) frames, \(duration) s"
            )
        }
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
    public var captions: [CaptionCue]
    /// Warnings raised while making it.
    public var warnings: [String] = []
    /// Seconds spent in each stage that ran, in order.
    public var stageSeconds: [StageTime] = []
}
