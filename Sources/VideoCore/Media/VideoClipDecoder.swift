internal import CFFmpeg
import Foundation

/// Video clips (MP4, MOV, MKV, WebM…) decoded frame by frame with libav, streaming.

/// Decodes a clip's main video stream one frame at a time, so only a couple of frames are ever
/// held in memory, and answers "which frame shows at time t" for increasing times.
///
/// Times are seconds from the stream's first frame. Frames come back as decoded
/// (`DecodedPicture` references the decoder's buffer); `PictureCompositor` scales and converts
/// them when drawing.
///
/// # Thread safety
/// Not thread-safe: one decoder per task.
package final class VideoClipDecoder {
    /// The clip's length in seconds (container estimate; 0 when unknown).
    package let duration: Double
    /// Picture width in pixels, as it shows (after the display rotation).
    package let width: Int
    /// Picture height in pixels, as it shows (after the display rotation).
    package let height: Int
    /// How the stored pictures must be turned to show upright, as an EXIF orientation: 1 (as
    /// stored), 6 (a quarter turn clockwise: a phone's portrait video), 3 (half a turn) or 8.
    package let orientation: Int
    /// Average frame rate (0 when unknown).
    package let fps: Double
    /// Whether the file also has an audio stream.
    package let hasAudio: Bool
    /// Container and stream metadata (for example `creation_time`).
    package let metadata: [String: String]

    private let input: MediaProbe.Input
    private let streamIndex: Int32
    private let decoder: StreamDecoder
    private let timeBase: AVRational
    private let startTime: Int64
    private let packet: UnsafeMutablePointer<AVPacket>
    private var pendingFrames: [DecodedPicture] = []
    private var readEnded = false
    private var decoderEnded = false
    private var current: DecodedPicture?
    private var upcoming: DecodedPicture?
    /// Turns pictures upright; `nil` when they are stored upright or the decoder is fast.
    private let uprighter: PictureCompositor?
    /// After a seek, packets showing before this time (stream time base) are decoded only if
    /// other frames refer to them: nothing before the target is ever shown.
    private var prerollUntil: Int64?
    /// The decoder's own frame skipping, restored once the pre-roll is over.
    private let normalSkip: AVDiscard

    /// Opens a clip.
    /// - Parameters:
    ///   - url: The video file.
    ///   - fast: Decode roughly (no loop filter), for analysis; pictures then come as stored,
    ///     not turned upright (`width`, `height` and `orientation` still describe the display).
    /// - Throws: `VideoError` (`.media`) when the file is missing, unreadable or has no video.
    package init(url: URL, fast: Bool = false) throws {
        let input = try MediaProbe.Input(url)
        guard let index = input.videoStream else { throw VideoError(.media, "\(input.path) has no video stream") }
        let stream = input.stream(index)
        decoder = try StreamDecoder(stream, path: input.path, fast: fast)
        guard let packet = av_packet_alloc() else { throw VideoError(.media, "could not allocate a packet") }
        self.packet = packet
        self.input = input
        streamIndex = index
        timeBase = stream.pointee.time_base
        startTime = stream.pointee.start_time == CFFmpeg_AV_NOPTS_VALUE ? 0 : stream.pointee.start_time
        var clockwise = 0
        if let matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nil) {
            // libavutil gives the angle anticlockwise.
            let angle = matrix.withMemoryRebound(to: Int32.self, capacity: 9) { av_display_rotation_get($0) }
            if angle.isFinite { clockwise = ((Int((-angle / 90).rounded()) * 90) % 360 + 360) % 360 }
        }
        orientation = [90: 6, 180: 3, 270: 8][clockwise] ?? 1
        let turned = orientation == 6 || orientation == 8
        let (storedWidth, storedHeight) = (
            Int(stream.pointee.codecpar.pointee.width), Int(stream.pointee.codecpar.pointee.height)
        )
        (width, height) = turned ? (storedHeight, storedWidth) : (storedWidth, storedHeight)
        uprighter = orientation != 1 && !fast ? PictureCompositor() : nil
        normalSkip = decoder.context.pointee.skip_frame
        let rate = stream.pointee.avg_frame_rate.num > 0 ? stream.pointee.avg_frame_rate : stream.pointee.r_frame_rate
        fps = rate.den > 0 ? av_q2d(rate) : 0
        if stream.pointee.duration > 0, stream.pointee.duration != CFFmpeg_AV_NOPTS_VALUE {
            duration = Double(stream.pointee.duration) * av_q2d(stream.pointee.time_base)
        } else if input.context.pointee.duration > 0, input.context.pointee.duration != CFFmpeg_AV_NOPTS_VALUE {
            duration = Double(input.context.pointee.duration) / Double(AV_TIME_BASE)
        } else {
            duration = 0
        }
        hasAudio = input.audioStream != nil
        metadata = ImageDecoder.dictionary(input.context.pointee.metadata)
            .merging(ImageDecoder.dictionary(stream.pointee.metadata)) { old, _ in old }
    }

    deinit {
        var owned: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&owned)
    }

    /// The next frame in presentation order, or `nil` at the end.
    /// - Throws: `VideoError` (`.media`) when the data is corrupt.
    package func nextPicture() throws -> DecodedPicture? {
        while pendingFrames.isEmpty && !decoderEnded {
            if readEnded {
                decoderEnded = try decoder.receive(collect)
                continue
            }
            let ended = try decoder.receive(collect)
            if ended { decoderEnded = true; break }
            guard pendingFrames.isEmpty else { break }
            let status = av_read_frame(input.context, packet)
            if status == CFFmpeg_AVERROR_EOF {
                readEnded = true
                try avCheck(avcodec_send_packet(decoder.context, nil), "\(input.path) is truncated or corrupt")
                continue
            }
            try avCheck(status, "\(input.path) is truncated or corrupt")
            defer { av_packet_unref(packet) }
            guard packet.pointee.stream_index == streamIndex else { continue }
            if let until = prerollUntil {
                let early = packet.pointee.pts != CFFmpeg_AV_NOPTS_VALUE && packet.pointee.pts < until
                let skipping = AVDiscard(rawValue: max(normalSkip.rawValue, AVDISCARD_NONREF.rawValue))
                decoder.context.pointee.skip_frame = early ? skipping : normalSkip
            }
            let sent = avcodec_send_packet(decoder.context, packet)
            if sent < 0 && sent != CFFmpeg_EAGAIN() { try avCheck(sent, "\(input.path) is truncated or corrupt") }
        }
        return pendingFrames.isEmpty ? nil : pendingFrames.removeFirst()
    }

    /// The frame on screen at `seconds` (the last one starting at or before it; the first frame
    /// before the clip starts, the last frame after it ends). Times must not decrease between
    /// calls unless `seek(to:)` comes between them.
    /// - Returns: The frame, or `nil` when the clip has no frames at all.
    /// - Throws: `VideoError` (`.media`) when the data is corrupt.
    package func picture(at seconds: Double) throws -> DecodedPicture? {
        if current == nil { current = try nextPicture() }
        while true {
            if upcoming == nil { upcoming = try nextPicture() }
            guard let next = upcoming, next.time <= seconds + 1e-6 else { break }
            current = next
            upcoming = nil
        }
        return current
    }

    /// The times of the keyframes the container's index lists, in seconds from the first frame,
    /// sorted (MP4 and MOV list every sample; empty when the container keeps no index).
    ///
    /// The index holds decoding times; a stream with B-frames shows each keyframe its reorder
    /// delay later, which is added, so `seek(to:)` a time at or just after one lands on it.
    package var keyframeTimes: [Double] {
        let stream = input.stream(streamIndex)
        let count = avformat_index_get_entries_count(stream)
        guard count > 0 else { return [] }
        let delay = fps > 0 ? Double(stream.pointee.codecpar.pointee.video_delay) / fps : 0
        return (0..<count).compactMap { i -> Double? in
            guard let entry = avformat_index_get_entry(stream, i), entry.pointee.flags & AVINDEX_KEYFRAME != 0 else {
                return nil
            }
            return Double(entry.pointee.timestamp - startTime) * av_q2d(timeBase) + delay
        }.sorted()
    }

    /// Jumps to the keyframe at or before `seconds`; `picture(at:)` then decodes forward from there.
    /// - Throws: `VideoError` (`.media`) when the file cannot seek.
    package func seek(to seconds: Double) throws {
        let target = startTime + Int64((max(seconds, 0) / av_q2d(timeBase)).rounded(.down))
        try avCheck(av_seek_frame(input.context, streamIndex, target, AVSEEK_FLAG_BACKWARD), "seeking in \(input.path)")
        decoder.flush()
        // Two frames' margin: the frame on screen at the target may start a little before it.
        let frame = fps > 0 ? Int64((1 / fps / av_q2d(timeBase)).rounded(.up)) : 0
        prerollUntil = target - 2 * frame
        pendingFrames = []
        readEnded = false
        decoderEnded = false
        current = nil
        upcoming = nil
    }

    private func collect(_ frame: UnsafeMutablePointer<AVFrame>) throws {
        var stamp = frame.pointee.best_effort_timestamp
        if stamp == CFFmpeg_AV_NOPTS_VALUE { stamp = frame.pointee.pts }
        let time = stamp == CFFmpeg_AV_NOPTS_VALUE ? 0 : Double(stamp - startTime) * av_q2d(timeBase)
        let picture = try DecodedPicture(referencing: frame, time: time)
        pendingFrames.append(try uprighter.map { try $0.upright(picture, orientation: orientation) } ?? picture)
    }
}
