internal import CFFmpeg
import Foundation

/// Reads media files back in-process: stream facts, per-frame signatures and decoded audio.

/// Inspects and decodes media files with libavformat/libavcodec, to check what vgen wrote and
/// to read inputs (music, clips).
///
/// Every function throws `VideoError` with code `.media` for a missing file, a file that is not
/// media, or a file without the stream the function needs.
package enum MediaProbe {
    /// Reports a file's streams and measures their durations from the packets.
    /// - Parameter url: The file to inspect.
    /// - Returns: The codecs, sizes, frame count and durations.
    /// - Throws: `VideoError` (`.media`) when the file is missing, unreadable or has no audio or video.
    package static func inspect(_ url: URL) throws -> MediaInfo {
        let input = try Input(url)
        let videoIndex = input.videoStream
        let audioIndex = input.audioStream
        guard videoIndex != nil || audioIndex != nil else {
            throw VideoError(.media, "\(input.path) has neither a video nor an audio stream")
        }
        var info = MediaInfo(
            videoCodec: nil, audioCodec: nil, width: 0, height: 0, fps: 0, videoFrameCount: 0, videoDuration: 0,
            audioDuration: 0, audioSampleRate: 0, audioChannels: 0, formatName: input.formatName)
        if let videoIndex {
            let stream = input.stream(videoIndex)
            let parameters = stream.pointee.codecpar.pointee
            info.videoCodec = String(cString: avcodec_get_name(parameters.codec_id))
            info.width = Int(parameters.width)
            info.height = Int(parameters.height)
            let rate =
                stream.pointee.avg_frame_rate.num > 0 ? stream.pointee.avg_frame_rate : stream.pointee.r_frame_rate
            info.fps = rate.den > 0 ? av_q2d(rate) : 0
        }
        if let audioIndex {
            let parameters = input.stream(audioIndex).pointee.codecpar.pointee
            info.audioCodec = String(cString: avcodec_get_name(parameters.codec_id))
            info.audioSampleRate = Int(parameters.sample_rate)
            info.audioChannels = Int(parameters.ch_layout.nb_channels)
        }

        var video = Span()
        var audio = Span()
        try input.forEachPacket { packet in
            if packet.pointee.stream_index == videoIndex {
                info.videoFrameCount += 1
                video.add(packet)
            } else if packet.pointee.stream_index == audioIndex, packet.pointee.flags & AV_PKT_FLAG_DISCARD == 0 {
                // Priming packets (pts < 0) are flagged for discarding: a player never plays them.
                audio.add(packet)
            }
        }
        if let videoIndex { info.videoDuration = video.seconds(in: input.stream(videoIndex).pointee.time_base) }
        if let audioIndex {
            info.audioDuration = audio.seconds(in: input.stream(audioIndex).pointee.time_base, clampStartAtZero: true)
        }
        return info
    }

    /// Decodes every video frame (in presentation order) into a grayscale thumbnail and a hash.
    /// - Parameters:
    ///   - url: The file to decode.
    ///   - width: Thumbnail width in pixels.
    ///   - height: Thumbnail height in pixels.
    /// - Returns: One signature per decoded frame.
    /// - Throws: `VideoError` (`.media`) when the file is missing, unreadable, has no video or fails to decode.
    package static func videoFrameSignatures(_ url: URL, width: Int = 32, height: Int = 18) throws -> [FrameSignature] {
        precondition(width > 0 && height > 0, "thumbnail size must be positive")
        let input = try Input(url)
        guard let videoIndex = input.videoStream else { throw VideoError(.media, "\(input.path) has no video stream") }
        let decoder = try StreamDecoder(input.stream(videoIndex), path: input.path)
        let thumbnailer = Thumbnailer(width: width, height: height)
        var signatures: [FrameSignature] = []
        let collect = { (frame: UnsafeMutablePointer<AVFrame>) throws in
            signatures.append(try thumbnailer.signature(of: frame, path: input.path))
        }
        try input.forEachPacket { packet in
            if packet.pointee.stream_index == videoIndex { try decoder.decode(packet, collect) }
        }
        try decoder.decode(nil, collect)
        return signatures
    }

    /// Decodes the main audio stream to mono Float samples at its own sample rate.
    ///
    /// Channels are averaged, so a mono signal duplicated to stereo comes back unchanged.
    /// Encoder priming marked in the container is skipped; the last codec frame is returned whole,
    /// so a lossy file may yield up to one frame (1024 samples for AAC) more than `audioDuration`.
    /// - Parameter url: The file to decode.
    /// - Returns: The samples and their sample rate in hertz.
    /// - Throws: `VideoError` (`.media`) when the file is missing, unreadable, has no audio or fails to decode.
    package static func decodeAudio(_ url: URL) throws -> (samples: [Float], sampleRate: Int) {
        let input = try Input(url)
        guard let audioIndex = input.audioStream else { throw VideoError(.media, "\(input.path) has no audio stream") }
        let decoder = try StreamDecoder(input.stream(audioIndex), path: input.path)
        let mixer = MonoMixer()
        var samples: [Float] = []
        let collect = { (frame: UnsafeMutablePointer<AVFrame>) throws in
            try mixer.append(frame, to: &samples, path: input.path)
        }
        try input.forEachPacket { packet in
            if packet.pointee.stream_index == audioIndex { try decoder.decode(packet, collect) }
        }
        try decoder.decode(nil, collect)
        try mixer.flush(to: &samples, path: input.path)
        let sampleRate = mixer.sampleRate > 0 ? mixer.sampleRate : Int(decoder.context.pointee.sample_rate)
        return (samples, sampleRate)
    }
}

extension MediaProbe {
    /// The time range covered by a stream's packets, in its time base.
    struct Span {
        private var start = Int64.max
        private var end = Int64.min

        mutating func add(_ packet: UnsafeMutablePointer<AVPacket>) {
            var time = packet.pointee.pts
            if time == CFFmpeg_AV_NOPTS_VALUE { time = packet.pointee.dts }
            guard time != CFFmpeg_AV_NOPTS_VALUE else { return }
            start = min(start, time)
            end = max(end, time + max(packet.pointee.duration, 0))
        }

        /// Seconds from the first packet's start (or 0, if asked and later) to the last packet's end.
        func seconds(in timeBase: AVRational, clampStartAtZero: Bool = false) -> Double {
            guard start <= end else { return 0 }
            let from = clampStartAtZero ? max(start, 0) : start
            return Double(max(end - from, 0)) * av_q2d(timeBase)
        }
    }
}
