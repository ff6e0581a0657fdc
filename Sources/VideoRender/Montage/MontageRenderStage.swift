/// The montage's video stage: draws a timeline in cached chunks, in parallel, and joins them with the soundtrack.
import Foundation

/// Renders a `MontageTimeline` to `context.directory/.video.mp4.partial` and its thumbnail to
/// `context.directory/.thumbnail.png.partial`.
///
/// The timeline is cut into chunks (`MontageChunkPlan`), each encoded on its own with one x264
/// thread into `segments/chunk-<key>.mp4`, up to `jobs` at a time; a chunk whose file is
/// already there (an earlier run of the same or an edited timeline) is not drawn again. The
/// chunks are joined by stream copy under the soundtrack, which is encoded in one continuous pass
/// beside the chunks (and cached the same way), so the output does not depend on `jobs`. Each frame is composed in yuv420p (scaled and cropped by
/// swscale), blended for transitions and graded by lookup tables (`MontageFrameDrawer`).
public struct MontageRenderStage: PipelineStage {
    /// The encoded video and its thumbnail, both unpublished, and what the cache saved.
    public struct Output: Sendable {
        /// The encoded, unverified file.
        public var encoded: URL
        /// The thumbnail PNG (the middle frame of the segment a third of the way in).
        public var thumbnail: URL
        /// Chunks drawn and encoded by this run.
        public var renderedChunks: Int
        /// Chunks reused from `segments/`.
        public var cachedChunks: Int
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
    /// zoom, so every frame is coded afresh), which keeps a 30 s 1080p montage within about
    /// ten seconds on two cores; pass `superfast` or slower for smaller files.
    public init(
        preset: String = "ultrafast", crf: Int = 23, jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.preset = preset
        self.crf = crf
        self.jobs = max(1, jobs)
    }

    /// `render`.
    public var name: String { "render" }

    /// Renders the missing chunks, joins them and writes the thumbnail.
    /// - Throws: `VideoError` for undecodable media or encoding failures, `CancellationError`;
    ///   no partial output file is left (finished chunks stay cached).
    public func run(_ timeline: MontageTimeline, context: PipelineContext) async throws -> Output {
        try timeline.validate()
        let plan = try MontageChunkPlan(timeline, preset: preset, crf: crf)
        let folder = context.directory.appendingPathComponent("segments")
        let absent = try SegmentCache.prepare(
            folder, keeping: Set(plan.chunks.map(\.fileName) + [plan.soundtrackFileName]))
        let missing = plan.chunks.filter { absent.contains($0.fileName) }
        let total = max(timeline.durationFrames, 1)
        var done = total - missing.map(\.frameCount).reduce(0, +)
        context.report(
            name, Double(done) / Double(total),
            "\(plan.chunks.count - missing.count) of \(plan.chunks.count) chunks cached",
            frame: done, frameCount: total)
        let drawer = try MontageFrameDrawer(timeline)
        let thumbnail = ThumbnailTarget(
            segment: drawer.thumbnailSegment,
            url: context.directory.appendingPathComponent(".thumbnail.png.partial"))
        let stage = self
        var thumbnailWritten = false
        // The soundtrack is encoded beside the chunks, so the join only copies packets.
        let soundtrack = folder.appendingPathComponent(plan.soundtrackFileName)
        let sound = Task {
            if absent.contains(plan.soundtrackFileName) { try Self.encodeSoundtrack(timeline, to: soundtrack) }
        }
        defer { sound.cancel() }
        // A failed or cancelled run leaves no thumbnail behind, as it leaves no video.
        var succeeded = false
        defer { if !succeeded { try? FileManager.default.removeItem(at: thumbnail.url) } }
        try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            // The heaviest first, so the last to finish is a light one.
            var queue = missing.sorted { $0.cost > $1.cost }.makeIterator()
            func start(_ chunk: MontageChunkPlan.Chunk) {
                group.addTask {
                    let wrote = try stage.render(chunk, drawer: drawer, to: folder, thumbnail: thumbnail)
                    return (chunk.frameCount, wrote)
                }
            }
            for _ in 0..<jobs { if let chunk = queue.next() { start(chunk) } }
            while let (frames, wrote) = try await group.next() {
                done += frames
                thumbnailWritten = thumbnailWritten || wrote
                context.report(
                    name, Double(done) / Double(total), "frame \(done) of \(total)", frame: done, frameCount: total)
                if let chunk = queue.next() { start(chunk) }
            }
        }
        try await sound.value
        try Task.checkCancellation()
        let url = context.directory.appendingPathComponent(".video.mp4.partial")
        do {
            try join(plan, of: timeline, from: folder, soundtrack: soundtrack, to: url)
            if !thumbnailWritten { try Self.writeThumbnail(try drawer.thumbnail(), to: thumbnail.url) }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        succeeded = true
        context.report(name, 1, "\(timeline.durationFrames) frames", frame: total, frameCount: total)
        return Output(
            encoded: url, thumbnail: thumbnail.url, renderedChunks: missing.count,
            cachedChunks: plan.chunks.count - missing.count)
    }

    /// Where the thumbnail comes from (the middle frame of `segment`) and goes.
    private struct ThumbnailTarget: Sendable {
        var segment: Int
        var url: URL
    }

    /// Draws and encodes one chunk into `folder`, atomically; the chunk holding the thumbnail
    /// frame also writes the thumbnail, so its PNG encoding overlaps the other chunks' work.
    /// - Returns: Whether it wrote the thumbnail.
    private func render(
        _ chunk: MontageChunkPlan.Chunk, drawer: MontageFrameDrawer, to folder: URL, thumbnail: ThumbnailTarget
    ) throws -> Bool {
        let timeline = drawer.timeline
        let temporary = folder.appendingPathComponent(".tmp-\(UUID().uuidString).mp4")
        defer { try? FileManager.default.removeItem(at: temporary) }
        // One x264 thread whatever `jobs` is, so the bits do not depend on it; drawing overlaps
        // encoding on the encoder's own thread.
        let writer = EncoderThread(
            writer: try MP4Writer(
                url: temporary, width: timeline.width, height: timeline.height, fps: timeline.fps, sampleRate: nil,
                audioChannels: 1, preset: preset, crf: crf, bFrames: 0, threads: 1))
        var finished = false
        defer { if !finished { try? writer.finish() } }
        var picture: YUVFrame?
        let middle = timeline.segments[thumbnail.segment].frameCount / 2
        try drawer.draw(chunk.segments) { k, i, frame in
            if k == thumbnail.segment, i == middle { picture = frame }
            try writer.writeVideo(frame)
        }
        finished = true
        try writer.finish()
        try AtomicFile.replace(folder.appendingPathComponent(chunk.fileName), with: temporary)
        guard let picture else { return false }
        try Self.writeThumbnail(picture, to: thumbnail.url)
        return true
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

    /// Encodes the soundtrack, in one continuous pass, to an AAC file (atomically).
    private static func encodeSoundtrack(_ timeline: MontageTimeline, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".tmp-\(UUID().uuidString).m4a")
        defer { try? FileManager.default.removeItem(at: temporary) }
        // A mono song stays one AAC channel: two identical ones would cost 2.5 times the
        // encoding (1.3 s against 0.5 s for 30 s) for the same sound.
        let soundtrack = try MontageSoundtrack(timeline)
        let writer = try AudioFileWriter(
            url: temporary, sampleRate: MontageSoundtrack.sampleRate, channels: soundtrack.channels,
            interleaved: true)
        for segment in timeline.segments {
            try Task.checkCancellation()
            try writer.write(try soundtrack.samples(for: segment))
        }
        try writer.finish()
        try AtomicFile.replace(url, with: temporary)
    }

    /// Joins the chunks by stream copy, with the encoded soundtrack's packets under them.
    private func join(
        _ plan: MontageChunkPlan, of timeline: MontageTimeline, from folder: URL, soundtrack: URL, to url: URL
    ) throws {
        try? FileManager.default.removeItem(at: url)
        let files = plan.chunks.map { folder.appendingPathComponent($0.fileName) }
        let joiner = try SegmentJoiner(url: url, template: files[0], fps: timeline.fps, audio: soundtrack)
        for file in files { try joiner.append(file) }
        try joiner.finish()
        guard joiner.framesWritten == timeline.durationFrames else {
            throw VideoError(
                .encoding,
                "the chunks hold \(joiner.framesWritten) frames; the timeline says \(timeline.durationFrames)")
        }
    }
}
