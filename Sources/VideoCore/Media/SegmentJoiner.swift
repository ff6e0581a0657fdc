internal import CFFmpeg
/// Joins video-only MP4 segments by stream copy and adds one AAC soundtrack.
import Foundation

/// Writes an MP4 whose H.264 track is the packets of several segment files, copied without
/// re-encoding and laid end to end, and whose AAC track is encoded from one continuous
/// soundtrack (so no join ever falls inside an AAC frame: no gap and no click).
///
/// Segments must be made by `MP4Writer` with the same size, frame rate and encoder settings,
/// no audio and no B-frames (`bFrames: 0`), so every packet's decode and presentation times
/// are its frame number.
///
/// # Thread safety
/// Not thread-safe: use one joiner from one task at a time.
package final class SegmentJoiner {
    private let container: MP4Writer.Container
    private let stream: UnsafeMutablePointer<AVStream>
    private let audio: MP4Writer.AudioTrack
    private let fps: Int
    private let extradata: [UInt8]
    private var finished = false
    /// Frames appended so far: the next segment's first frame.
    package private(set) var framesWritten = 0

    /// Creates the output and its header, taking the video track's description from `template`.
    /// - Parameters:
    ///   - url: The MP4 to write.
    ///   - template: The first segment (all segments must share its codec settings).
    ///   - fps: Frames per second of the segments.
    ///   - sampleRate: The soundtrack's sample rate.
    ///   - channels: Channels of the AAC track: 1, or 2 to duplicate the mono soundtrack.
    package init(url: URL, template: URL, fps: Int, sampleRate: Int, channels: Int = 1) throws {
        avQuietLogging()
        let input = try MediaProbe.Input(template)
        guard let index = input.videoStream else { throw VideoError(.media, "\(template.path) has no video") }
        let source = input.stream(index).pointee.codecpar!
        let container = try MP4Writer.Container(path: url.path)
        guard let stream = avformat_new_stream(container.context, nil) else {
            throw VideoError(.encoding, "could not add the video stream to \(url.path)")
        }
        try avCheck(
            avcodec_parameters_copy(stream.pointee.codecpar, source), "copying the video description", code: .encoding)
        stream.pointee.codecpar.pointee.codec_tag = 0
        stream.pointee.time_base = AVRational(num: 1, den: Int32(fps))
        stream.pointee.avg_frame_rate = AVRational(num: Int32(fps), den: 1)
        self.extradata = Self.extradata(of: source)
        self.audio = try MP4Writer.AudioTrack(container: container, sampleRate: sampleRate, channels: channels)
        try container.open()
        try container.writeHeader(movieTimescale: MP4Writer.leastCommonMultiple(fps, sampleRate))
        self.container = container
        self.stream = stream
        self.fps = fps
    }

    /// Appends every video packet of `segment` after the frames written so far.
    /// - Returns: The number of frames the segment holds.
    @discardableResult
    package func append(_ segment: URL) throws -> Int {
        guard !finished else { throw VideoError(.encoding, "\(container.path) is already finished") }
        let input = try MediaProbe.Input(segment)
        guard let index = input.videoStream else { throw VideoError(.media, "\(segment.path) has no video") }
        let source = input.stream(index)
        guard Self.extradata(of: source.pointee.codecpar) == extradata else {
            throw VideoError(
                .encoding, "\(segment.lastPathComponent) was encoded with other settings than the first segment")
        }
        let frameBase = AVRational(num: 1, den: Int32(fps))
        var count = 0
        try input.forEachPacket { packet in
            guard packet.pointee.stream_index == index else { return }
            let frame = av_rescale_q(packet.pointee.pts, source.pointee.time_base, frameBase)
            let decode = av_rescale_q(packet.pointee.dts, source.pointee.time_base, frameBase)
            guard frame == decode else {
                throw VideoError(
                    .encoding, "\(segment.lastPathComponent) has B-frames; segments must be encoded without")
            }
            let at = Int64(framesWritten) + frame
            packet.pointee.pts = av_rescale_q(at, frameBase, stream.pointee.time_base)
            packet.pointee.dts = packet.pointee.pts
            packet.pointee.duration = av_rescale_q(1, frameBase, stream.pointee.time_base)
            packet.pointee.stream_index = stream.pointee.index
            packet.pointee.pos = -1
            try container.write(packet)
            count += 1
        }
        framesWritten += count
        return count
    }

    /// Appends mono soundtrack samples at the joiner's sample rate.
    package func writeAudio(_ samples: [Float]) throws {
        guard !finished else { throw VideoError(.encoding, "\(container.path) is already finished") }
        try audio.write(samples)
    }

    /// Flushes the audio and writes the trailer.
    package func finish() throws {
        guard !finished else { return }
        finished = true
        try audio.finish()
        try container.writeTrailer()
    }

    private static func extradata(of parameters: UnsafeMutablePointer<AVCodecParameters>) -> [UInt8] {
        guard let data = parameters.pointee.extradata, parameters.pointee.extradata_size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(parameters.pointee.extradata_size)))
    }
}
