import Foundation
import VideoCore

/// What a video stage encodes: its segments, each once, the order they play in, and its
/// soundtrack — the one shape both kinds of video are planned into, so one cache and one join
/// path (`SegmentEncoder`) serve them all.
struct EncodePlan: Sendable {
    /// One separately encoded, cached piece of the picture.
    struct Segment: Sendable {
        /// The cached file's name under `segments/`: a content hash of everything its pixels
        /// depend on, encoder settings included.
        var fileName: String
        /// Frames it holds.
        var frameCount: Int
        /// A rough cost, so the heaviest segments start first.
        var cost: Double
        /// The scene it belongs to (from 0), for progress, when the video has scenes.
        var scene: Int?
        /// Draws and encodes the segment into a new file (video only, no B-frames, one x264
        /// thread, made with `EncodePlan.format`), checking the flag between frames.
        var encode: @Sendable (_ url: URL, _ flag: CancellationFlag) throws -> Void
    }

    /// The soundtrack, encoded to an AAC file beside the segments in one continuous pass.
    struct Soundtrack: Sendable {
        /// The cached file's name under `segments/`: a content hash of the samples' sources.
        var fileName: String
        /// Encodes the soundtrack into a new file.
        var encode: @Sendable (_ url: URL, _ flag: CancellationFlag) throws -> Void
    }

    /// The frame size, rate and encoder settings every segment shares.
    var format: SegmentFormat
    /// The segments to encode, each once.
    var segments: [Segment]
    /// The segment files in the order the video plays them (a file may repeat).
    var order: [String]
    /// The soundtrack.
    var soundtrack: Soundtrack
    /// How many frames the joined video must hold.
    var totalFrames: Int
    /// How many scenes there are (for progress), when the video has scenes.
    var sceneCount: Int?
}

/// The frame size, rate and encoder settings of a video's segments; part of every segment key.
struct SegmentFormat: Sendable, Hashable, Codable {
    /// Bump when encoding changes in a way the settings below do not show.
    static let encoderVersion = "x264 yuv420p 1 thread, no B-frames"
    /// The same, with held pictures written as skip frames (CAVLC; Docs/SkipFrames.md).
    static let skipEncoderVersion = "x264 yuv420p 1 thread, no B-frames, CAVLC, P_Skip holds 1"

    var width: Int
    var height: Int
    var fps: Int
    var preset: String
    var crf: Int
    var encoder = Self.encoderVersion

    /// Whether held pictures become skip frames (`MP4Writer(skipRepeats:)`).
    var skipsRepeats: Bool { encoder == Self.skipEncoderVersion }

    /// A writer for one segment: one x264 thread whatever `--jobs` is, so the bits never
    /// depend on how many segments render at once.
    func writer(to url: URL) throws -> MP4Writer {
        try MP4Writer(
            url: url, width: width, height: height, fps: fps, sampleRate: nil, audioChannels: 1, preset: preset,
            crf: crf, bFrames: 0, threads: 1, skipRepeats: skipsRepeats)
    }
}

/// A video stage's output: the joined, not yet verified MP4 in the task folder.
public struct EncodedVideo: Sendable, Codable, Hashable {
    /// The file, relative to the task folder (`.video.mp4.partial`).
    public var file: String
    /// Segments drawn and encoded by this run.
    public var renderedSegments: Int
    /// Segments reused from `segments/`.
    public var cachedSegments: Int

    enum CodingKeys: String, CodingKey {
        case file, renderedSegments = "rendered_segments", cachedSegments = "cached_segments"
    }
}
