internal import CFFmpeg
import Foundation

/// Joins video-only MP4 segments by stream copy and adds one AAC soundtrack (encoded here or copied).

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
    private let audio: Audio
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
    package convenience init(url: URL, template: URL, fps: Int, sampleRate: Int, channels: Int = 1) throws {
        try self.init(url: url, template: template, fps: fps) { container in
            .encode(try MP4Writer.AudioTrack(container: container, sampleRate: sampleRate, channels: channels))
        }
    }

    /// Creates the output and its header, taking the video track's description from `template`
    /// and an encoded soundtrack from `audio` (an AAC file such as `AudioFileWriter` makes),
    /// whose packets are copied, interleaved with the video, without encoding again.
    /// - Parameters:
    ///   - url: The MP4 to write.
    ///   - template: The first segment (all segments must share its codec settings).
    ///   - fps: Frames per second of the segments.
    ///   - audio: The soundtrack file; `writeAudio` is not available with it.
    package convenience init(url: URL, template: URL, fps: Int, audio: URL) throws {
        let source = try MediaProbe.Input(audio)
        guard let index = source.audioStream else { throw VideoError(.media, "\(audio.path) has no audio") }
        try self.init(url: url, template: template, fps: fps) { container in
            .copy(try AudioCopy(source, index: index, into: container))
        }
    }

    private init(
        url: URL, template: URL, fps: Int, audio makeAudio: (MP4Writer.Container) throws -> Audio
    ) throws {
        avQuietLogging()
        let input = try MediaProbe.Input(template, probe: false)
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
        let audio = try makeAudio(container)
        self.audio = audio
        try container.open()
        try container.writeHeader(movieTimescale: MP4Writer.leastCommonMultiple(fps, audio.sampleRate))
        self.container = container
        self.stream = stream
        self.fps = fps
    }

    /// Appends every video packet of `segment` after the frames written so far.
    /// - Returns: The number of frames the segment holds.
    @discardableResult
    package func append(_ segment: URL) throws -> Int {
        guard !finished else { throw VideoError(.encoding, "\(container.path) is already finished") }
        let input = try MediaProbe.Input(segment, probe: false)
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
            if case .copy(let copy) = audio {
                try copy.write(before: at + 1, in: frameBase, to: container)
            }
        }
        framesWritten += count
        return count
    }

    /// Appends mono soundtrack samples at the joiner's sample rate.
    package func writeAudio(_ samples: [Float]) throws {
        guard !finished else { throw VideoError(.encoding, "\(container.path) is already finished") }
        guard case .encode(let track) = audio else {
            throw VideoError(.encoding, "\(container.path) takes its sound from a file; it cannot encode more")
        }
        try track.write(samples)
    }

    /// Flushes the audio and writes the trailer.
    package func finish() throws {
        guard !finished else { return }
        finished = true
        switch audio {
        case .encode(let track): try track.finish()
        case .copy(let copy): try copy.write(before: nil, in: AVRational(num: 1, den: Int32(fps)), to: container)
        }
        try container.writeTrailer()
    }

    /// Where the soundtrack comes from.
    private enum Audio {
        /// Samples encoded as they are written.
        case encode(MP4Writer.AudioTrack)
        /// Packets copied from an encoded file.
        case copy(AudioCopy)

        var sampleRate: Int {
            switch self {
            case .encode(let track): Int(track.encoder.context.pointee.sample_rate)
            case .copy(let copy): copy.sampleRate
            }
        }
    }

    /// The packets of an encoded soundtrack, written a little at a time between video packets.
    private final class AudioCopy {
        private let input: MediaProbe.Input
        private let index: Int32
        private let source: UnsafeMutablePointer<AVStream>
        private let stream: UnsafeMutablePointer<AVStream>
        private let packet: UnsafeMutablePointer<AVPacket>
        /// Whether `packet` holds a packet read but not yet written.
        private var holding = false
        private var ended = false
        let sampleRate: Int

        init(_ input: MediaProbe.Input, index: Int32, into container: MP4Writer.Container) throws {
            guard let packet = av_packet_alloc() else { throw VideoError(.encoding, "could not allocate a packet") }
            self.packet = packet
            self.input = input
            self.index = index
            source = input.stream(index)
            guard let stream = avformat_new_stream(container.context, nil) else {
                throw VideoError(.encoding, "could not add the audio stream to \(container.path)")
            }
            try avCheck(
                avcodec_parameters_copy(stream.pointee.codecpar, source.pointee.codecpar),
                "copying the audio description", code: .encoding)
            stream.pointee.codecpar.pointee.codec_tag = 0
            stream.pointee.time_base = source.pointee.time_base
            self.stream = stream
            sampleRate = Int(source.pointee.codecpar.pointee.sample_rate)
        }

        deinit {
            var owned: UnsafeMutablePointer<AVPacket>? = packet
            av_packet_free(&owned)
        }

        /// Writes the packets that start before `limit` (in `base` units; all for `nil`).
        func write(before limit: Int64?, in base: AVRational, to container: MP4Writer.Container) throws {
            while !ended {
                if !holding {
                    guard try input.read(into: packet) else {
                        ended = true
                        return
                    }
                    guard packet.pointee.stream_index == index else { continue }
                    holding = true
                }
                if let limit, av_compare_ts(packet.pointee.pts, source.pointee.time_base, limit, base) >= 0 { return }
                av_packet_rescale_ts(packet, source.pointee.time_base, stream.pointee.time_base)
                packet.pointee.stream_index = stream.pointee.index
                packet.pointee.pos = -1
                try container.write(packet)  // takes the packet's data and resets it
                holding = false
            }
        }
    }

    private static func extradata(of parameters: UnsafeMutablePointer<AVCodecParameters>) -> [UInt8] {
        guard let data = parameters.pointee.extradata, parameters.pointee.extradata_size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(parameters.pointee.extradata_size)))
    }
}
