import Foundation
import Synchronization
import VideoAI
import VideoCore

/// The montage's video stage: draws a timeline in cached chunks, in parallel, and joins them with the soundtrack.

/// Renders a `MontageTimeline` to `context.directory/.video.mp4.partial` and its thumbnail to
/// `context.directory/.thumbnail.png.partial`.
///
/// The timeline is cut into chunks (`MontageChunkPlan`), each encoded on its own with one x264
/// thread into `segments/chunk-<key>.mp4`, up to `jobs` at a time; a chunk whose file is
/// already there (an earlier run of the same or an edited timeline) is not drawn again. The
/// chunks are joined by stream copy under the soundtrack, which is encoded in one continuous pass
/// beside the chunks (and cached the same way), so the output does not depend on `jobs`
/// (`SegmentEncoder`, shared with document videos). Each frame is composed in yuv420p (scaled
/// and cropped by swscale), blended for transitions and graded by lookup tables
/// (`MontageFrameDrawer`).
public struct MontageRenderStage: PipelineStage {
    /// The encoded video and its thumbnail, both unpublished.
    public struct Output: Sendable, Codable, Hashable {
        /// The encoded, unverified file and what the cache saved.
        public var video: EncodedVideo
        /// The thumbnail PNG, relative to the task folder (the middle frame of the segment a
        /// third of the way in).
        public var thumbnail: String
    }

    /// The x264 preset.
    public var preset: String
    /// The x264 constant rate factor.
    public var crf: Int
    /// How many chunks render at once.
    public var jobs: Int

    /// Creates the stage.
    ///
    /// `ultrafast` is the default: with one x264 thread per chunk it is about twice as fast as
    /// `superfast` on photo-like 1080p pictures (which move every frame under the Ken Burns
    /// zoom, so every frame is coded afresh); pass `superfast` or slower for smaller files.
    /// - Parameters:
    ///   - preset: The x264 preset.
    ///   - crf: The x264 constant rate factor, 0–51.
    ///   - jobs: How many chunks render at once (the output does not depend on it).
    public init(
        preset: String = "ultrafast", crf: Int = 23, jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.preset = preset
        self.crf = crf
        self.jobs = max(1, jobs)
    }

    /// `render`.
    public var name: String { "render" }

    /// `true`: the stage draws.
    public var draws: Bool { true }

    /// The thumbnail's file in the task folder until the output stage publishes it.
    static let thumbnailFile = ".thumbnail.png.partial"

    /// Renders the missing chunks, joins them and writes the thumbnail.
    /// - Parameters:
    ///   - timeline: The montage's plan.
    ///   - context: The task folder and the event sink.
    /// - Returns: The joined file and the thumbnail.
    /// - Throws: `VideoError` for undecodable media or encoding failures, `CancellationError`;
    ///   no partial output file is left (finished chunks stay cached).
    public func run(_ timeline: MontageTimeline, context: PipelineContext) async throws -> Output {
        try timeline.validate()
        let format = SegmentFormat(
            width: timeline.width, height: timeline.height, fps: timeline.fps, preset: preset, crf: crf)
        let chunks = try MontageChunkPlan(timeline, format: format)
        let drawer = try MontageFrameDrawer(timeline)
        let thumbnailURL = context.file(Self.thumbnailFile)
        let thumbnailSegment = drawer.thumbnailSegment
        let middle = timeline.segments[thumbnailSegment].frameCount / 2
        let thumbnailWritten = Mutex(false)
        let segments = chunks.chunks.map { chunk in
            EncodePlan.Segment(fileName: chunk.fileName, frameCount: chunk.frameCount, cost: chunk.cost, scene: nil) {
                url, flag in
                // Drawing overlaps encoding on the encoder's own thread.
                let writer = EncoderThread(writer: try format.writer(to: url))
                var finished = false
                defer { if !finished { try? writer.finish() } }
                var picture: YUVFrame?
                try drawer.draw(chunk.segments) { k, i, frame in
                    try flag.check()
                    if k == thumbnailSegment, i == middle { picture = frame }
                    try writer.writeVideo(frame)
                }
                finished = true
                try writer.finish()
                // The chunk holding the thumbnail frame writes it, so its PNG encoding overlaps
                // the other chunks' work.
                if let picture {
                    try Self.writeThumbnail(picture, to: thumbnailURL)
                    thumbnailWritten.withLock { $0 = true }
                }
            }
        }
        let soundtrack = EncodePlan.Soundtrack(fileName: chunks.soundtrackFileName) { url, flag in
            try Self.encodeSoundtrack(timeline, to: url, flag: flag)
        }
        let plan = EncodePlan(
            format: format, segments: segments, order: chunks.chunks.map(\.fileName), soundtrack: soundtrack,
            totalFrames: timeline.durationFrames, sceneCount: nil)
        // A failed or cancelled run leaves no thumbnail behind, as it leaves no video.
        do {
            let video = try await SegmentEncoder(stage: name, jobs: jobs).encode(plan, context: context)
            if !thumbnailWritten.withLock({ $0 }) { try Self.writeThumbnail(try drawer.thumbnail(), to: thumbnailURL) }
            return Output(video: video, thumbnail: Self.thumbnailFile)
        } catch {
            try? FileManager.default.removeItem(at: thumbnailURL)
            try? FileManager.default.removeItem(at: context.file(SegmentEncoder.partialFile))
            throw error
        }
    }

    /// Whether the joined file and the thumbnail are still there.
    public func canReuse(_ output: Output, context: PipelineContext) -> Bool {
        [output.video.file, output.thumbnail].allSatisfy {
            FileManager.default.fileExists(atPath: context.file($0).path)
        }
    }

    /// The thumbnail's size for `width × height` frames: scaled down, keeping the shape, so the
    /// short side is at most that of the document pipeline's `Thumbnail.size` (1280×720 for 16:9,
    /// the size video sites ask for); smaller frames keep their size.
    package static func thumbnailSize(width: Int, height: Int) -> (width: Int, height: Int) {
        let shortSide = min(Thumbnail.size.width, Thumbnail.size.height)
        let scale = min(1, Double(shortSide) / Double(min(width, height)))
        return (Int((Double(width) * scale).rounded()) & ~1, Int((Double(height) * scale).rounded()) & ~1)
    }

    /// Writes `frame` as the PNG thumbnail at `thumbnailSize` (atomically).
    private static func writeThumbnail(_ frame: YUVFrame, to url: URL) throws {
        let (width, height) = thumbnailSize(width: frame.width, height: frame.height)
        try ImageEncoder.write(frame, to: url, format: .png, width: width, height: height)
    }

    /// Encodes the soundtrack, in one continuous pass, to a new AAC file.
    private static func encodeSoundtrack(_ timeline: MontageTimeline, to url: URL, flag: CancellationFlag) throws {
        // A mono song stays one AAC channel: two identical ones would cost 2.5 times the
        // encoding (1.3 s against 0.5 s for 30 s) for the same sound.
        let soundtrack = try MontageSoundtrack(timeline)
        var samples: [Float] = []
        for segment in timeline.segments {
            try flag.check()
            samples += try soundtrack.samples(for: segment)
        }
        // The song normalised as a document's mix is (EBU R128, Docs/Sound.md).
        try NormalizedSoundtrack(
            sound: SoundOptions(), sampleRate: MontageSoundtrack.sampleRate, channels: soundtrack.channels
        )
        .write(samples, to: url, flag: flag)
    }
}
