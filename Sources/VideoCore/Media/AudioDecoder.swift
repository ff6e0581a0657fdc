internal import CFFmpeg
import Foundation

/// Decodes the audio track of a media file into `Float` samples, mono or stereo, a chunk at a time.
///
/// Anything libavformat opens works: WAV, FLAC, MP3, AAC/M4A, Ogg Vorbis, Opus, and the audio
/// track of a video file. Channels are mixed to the requested layout (mono by default; stereo
/// comes interleaved, left first) and the samples resampled to the requested rate by
/// libswresample. Memory stays bounded by the chunk size, whatever the length
/// of the file.
///
/// # Thread safety
/// One decoder must be used from one thread at a time; it is not `Sendable`.
package final class AudioDecoder {
    /// The rate of the samples `read(maxSamples:)` returns, in hertz.
    package let sampleRate: Int
    /// The container's estimate of the duration, in seconds, when it has one.
    package let duration: Double?
    /// Samples per frame of what `read(maxSamples:)` returns: 1 (mono) or 2 (interleaved stereo).
    package let channels: Int
    /// How many channels the file's audio stream has.
    package let sourceChannels: Int

    private let name: String
    private var format: UnsafeMutablePointer<AVFormatContext>?
    private var codec: UnsafeMutablePointer<AVCodecContext>?
    /// Made from the first decoded frame's format, so decoders that settle it late work too.
    private var resampler: OpaquePointer?
    private let packet: UnsafeMutablePointer<AVPacket>
    private let frame: UnsafeMutablePointer<AVFrame>
    private let streamIndex: Int32
    /// Whether the duration comes from the file's headers (not guessed from the bit rate).
    private let durationIsExact: Bool

    private var pending: [Float] = []
    private var pendingStart = 0
    private var inputEnded = false
    private var finished = false
    private var decodeErrors = 0
    private var lastDecodeError: Int32 = 0
    private var samplesOut = 0

    /// Opens a media file and prepares to decode its best audio stream.
    ///
    /// - Parameters:
    ///   - url: The file to decode.
    ///   - sampleRate: The rate to resample to, in hertz; `nil` keeps the stream's own rate.
    ///   - channels: 1 to mix down to mono, 2 for stereo (a mono stream then plays in both).
    /// - Throws: `VideoError` with code `.media` when the file is missing, is not a media file,
    ///   is corrupt or has no audio stream.
    package init(url: URL, sampleRate: Int? = nil, channels: Int = 1) throws {
        name = url.lastPathComponent
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw VideoError(.media, "cannot open \(name): no such file")
        }
        if let rate = sampleRate, !(1_000...384_000).contains(rate) {
            throw VideoError(.invalidInput, "sample rate \(rate) Hz is outside 1000–384000 Hz", field: "sample_rate")
        }
        guard (1...2).contains(channels) else {
            throw VideoError(.invalidInput, "\(channels) channels: decoding gives 1 or 2", field: "channels")
        }
        avQuietLogging()

        // Probing every demuxer costs milliseconds; unmistakable signatures skip it.
        let knownFormat = try Self.demuxerName(forFileAt: url).flatMap { av_find_input_format($0) }
        var formatContext = avformat_alloc_context()
        // The WAV demuxer asks for the first 32 packets of 16-bit PCM to be probed against every
        // codec (MP3 or DTS hidden in a WAV), re-probing the growing buffer: 10 ms per 30 s,
        // more than the whole analysis. One packet still catches such files.
        formatContext?.pointee.max_probe_packets = 1
        try avCheck(avformat_open_input(&formatContext, path, knownFormat, nil), "cannot open \(url.lastPathComponent)")
        guard let formatContext else { throw VideoError(.media, "cannot open \(url.lastPathComponent)") }
        var cleanup: (() -> Void)? = {
            var f: UnsafeMutablePointer<AVFormatContext>? = formatContext; avformat_close_input(&f)
        }
        defer { cleanup?() }

        // Reading ahead for stream parameters costs milliseconds; headers that already give an
        // audio stream's rate and channels (WAV, FLAC, MP3, MP4, Ogg) make it unnecessary.
        let streams = (0..<Int(formatContext.pointee.nb_streams)).compactMap { formatContext.pointee.streams[$0] }
        let describedAudio = streams.contains {
            let p = $0.pointee.codecpar.pointee
            return p.codec_type == AVMEDIA_TYPE_AUDIO && p.sample_rate > 0 && p.ch_layout.nb_channels > 0
        }
        if !describedAudio {
            try avCheck(avformat_find_stream_info(formatContext, nil), "cannot read \(url.lastPathComponent)")
        }
        var decoder: UnsafePointer<AVCodec>?
        let index = av_find_best_stream(formatContext, AVMEDIA_TYPE_AUDIO, -1, -1, &decoder, 0)
        guard index >= 0, let decoder else {
            let streams = (0..<Int(formatContext.pointee.nb_streams)).compactMap { formatContext.pointee.streams[$0] }
            if streams.contains(where: { $0.pointee.codecpar.pointee.codec_type == AVMEDIA_TYPE_AUDIO }) {
                throw VideoError(.media, "no decoder for the audio stream in \(url.lastPathComponent)")
            }
            throw VideoError(.media, "no audio stream in \(url.lastPathComponent)")
        }
        let stream = formatContext.pointee.streams[Int(index)]!

        guard let codecContext = avcodec_alloc_context3(decoder) else {
            throw VideoError(.media, "cannot allocate an audio decoder for \(url.lastPathComponent)")
        }
        let freeCodec = {
            var c: UnsafeMutablePointer<AVCodecContext>? = codecContext; avcodec_free_context(&c)
        }
        do {
            try avCheck(
                avcodec_parameters_to_context(codecContext, stream.pointee.codecpar), "reading \(url.lastPathComponent)"
            )
            try avCheck(
                avcodec_open2(codecContext, decoder, nil), "opening the audio decoder for \(url.lastPathComponent)")
        } catch {
            freeCodec()
            throw error
        }
        let inputRate = Int(codecContext.pointee.sample_rate)
        guard inputRate > 0 else {
            freeCodec()
            throw VideoError(.media, "the audio stream in \(url.lastPathComponent) has no sample rate")
        }
        guard Self.sampleRates.contains(inputRate) else {
            freeCodec()
            throw VideoError(.media, Self.rateMessage(url.lastPathComponent, inputRate))
        }
        let outputRate = sampleRate ?? inputRate
        guard let packet = av_packet_alloc(), let frame = av_frame_alloc() else {
            freeCodec()
            throw VideoError(.media, "out of memory decoding \(url.lastPathComponent)")
        }

        var seconds: Double?
        if formatContext.pointee.duration > 0 && formatContext.pointee.duration != CFFmpeg_AV_NOPTS_VALUE {
            seconds = Double(formatContext.pointee.duration) / Double(AV_TIME_BASE)
        } else if stream.pointee.duration > 0 && stream.pointee.duration != CFFmpeg_AV_NOPTS_VALUE {
            seconds = Double(stream.pointee.duration) * av_q2d(stream.pointee.time_base)
        }
        self.duration = seconds
        self.durationIsExact = formatContext.pointee.duration_estimation_method != AVFMT_DURATION_FROM_BITRATE
        self.sampleRate = outputRate
        self.channels = channels
        sourceChannels = max(1, Int(codecContext.pointee.ch_layout.nb_channels))
        self.format = formatContext
        self.codec = codecContext
        self.packet = packet
        self.frame = frame
        self.streamIndex = index
        cleanup = nil
    }

    deinit {
        var f = frame as UnsafeMutablePointer<AVFrame>?
        av_frame_free(&f)
        var p = packet as UnsafeMutablePointer<AVPacket>?
        av_packet_free(&p)
        swr_free(&resampler)
        avcodec_free_context(&codec)
        avformat_close_input(&format)
    }

    /// Reads the next chunk of samples.
    ///
    /// - Parameter maxSamples: The most sample frames to return (at least 1); a frame is one
    ///   sample per channel.
    /// - Returns: Between 1 and `maxSamples` frames (`channels` interleaved samples each), or
    ///   `nil` once the stream is exhausted.
    /// - Throws: `VideoError` with code `.media` when the data is corrupt or the file is truncated.
    package func read(maxSamples: Int) throws -> [Float]? {
        let limit = max(1, maxSamples) * channels
        while pending.count - pendingStart < limit && !finished {
            try decodeMore()
        }
        let available = pending.count - pendingStart
        guard available > 0 else { return nil }
        let count = min(available, limit)
        let chunk = Array(pending[pendingStart..<(pendingStart + count)])
        pendingStart += count
        if pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
        } else if pendingStart >= 1 << 16 {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
        return chunk
    }

    /// Decodes a whole file into memory.
    ///
    /// - Parameters:
    ///   - url: The file to decode.
    ///   - sampleRate: The rate to resample to; `nil` keeps the stream's own rate.
    /// - Returns: All the file's samples, mono.
    /// - Throws: `VideoError` as `init(url:sampleRate:channels:)` and `read(maxSamples:)` do.
    package static func decodeAll(url: URL, sampleRate: Int? = nil) throws -> [Float] {
        let decoder = try AudioDecoder(url: url, sampleRate: sampleRate)
        var samples: [Float] = []
        if let duration = decoder.duration, duration < 24 * 3600 {
            samples.reserveCapacity(Int(duration * Double(decoder.sampleRate)) + 4096)
        }
        while let chunk = try decoder.read(maxSamples: 1 << 16) {
            samples.append(contentsOf: chunk)
        }
        return samples
    }

    /// The demuxer for a file whose first bytes are an unmistakable signature, if any.
    ///
    /// - Throws: `VideoError` (`.media`) for a RIFF/WAV file shorter than its header declares
    ///   (libavformat would silently decode what is left).
    private static func demuxerName(forFileAt url: URL) throws -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 12), head.count == 12 else { return nil }
        let bytes = [UInt8](head)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        if text(0..<4) == "RIFF" && text(8..<12) == "WAVE" {
            let declared = bytes[4..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } + 8
            let actual = (try? handle.seekToEnd()) ?? 0
            // Streamed WAVs leave the size at 0 or 0xFFFFFFFF; odd-sized data may lack its pad byte.
            if declared > 8 && declared < 0xFFFF_FFFF && actual + 1 < declared {
                throw VideoError(
                    .media,
                    "\(url.lastPathComponent) is truncated: its header declares \(declared) bytes, the file has \(actual)"
                )
            }
            return "wav"
        }
        if text(0..<4) == "fLaC" { return "flac" }
        if text(0..<4) == "OggS" { return "ogg" }
        return nil
    }

    // MARK: - Decoding

    private func decodeMore() throws {
        guard let codec, let format else { finished = true; return }
        while true {
            let received = avcodec_receive_frame(codec, frame)
            if received >= 0 {
                try convert(frame)
                av_frame_unref(frame)
                return
            }
            if received == CFFmpeg_AVERROR_EOF {
                try flushResampler()
                finished = true
                try checkCompleteness()
                return
            }
            if received != CFFmpeg_EAGAIN() {
                try noteDecodeError(received)
                continue
            }
            if inputEnded {
                try flushResampler()
                finished = true
                return
            }
            let status = av_read_frame(format, packet)
            if status == CFFmpeg_AVERROR_EOF {
                inputEnded = true
                avcodec_send_packet(codec, nil)
                continue
            }
            if status < 0 {
                throw VideoError(.media, "\(name) is truncated or corrupt: \(avErrorString(status))")
            }
            defer { av_packet_unref(packet) }
            guard packet.pointee.stream_index == streamIndex else { continue }
            let sent = avcodec_send_packet(codec, packet)
            if sent < 0 && sent != CFFmpeg_EAGAIN() {
                try noteDecodeError(sent)
            }
        }
    }

    /// Tolerates the odd damaged packet (common in MP3 streams) but not a file made of them.
    private func noteDecodeError(_ status: Int32) throws {
        decodeErrors += 1
        lastDecodeError = status
        if decodeErrors >= 16 && decodeErrors * 4 > samplesOut / 1024 + 1 {
            throw VideoError(.media, "\(name) is corrupt: \(avErrorString(status))")
        }
    }

    private func checkCompleteness() throws {
        if samplesOut == 0 && decodeErrors > 0 {
            throw VideoError(.media, "\(name) is corrupt: \(avErrorString(lastDecodeError))")
        }
        if durationIsExact, let duration, duration > 0.5 {
            let decoded = Double(samplesOut) / Double(sampleRate)
            if decoded < duration * 0.9 - 0.25 {
                let message = String(format: "%@ is truncated: decoded %.2f s of %.2f s", name, decoded, duration)
                throw VideoError(.media, message)
            }
        }
    }

    /// The sample rates a file may have: from 1 kHz (below the 8 kHz of telephone speech) to
    /// twice the highest of common studio formats. A header claiming 1 Hz would make each of its
    /// samples thousands of output samples: a 16 KB file would decode to half a gigabyte.
    static let sampleRates = 1_000...768_000

    private static func rateMessage(_ name: String, _ rate: some BinaryInteger) -> String {
        "\(name): a sample rate of \(rate) Hz is outside 1000–768000 Hz"
    }

    private func makeResampler(for frame: UnsafeMutablePointer<AVFrame>) throws {
        var inputLayout = AVChannelLayout()
        if frame.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || frame.pointee.ch_layout.nb_channels == 0 {
            av_channel_layout_default(&inputLayout, max(1, frame.pointee.ch_layout.nb_channels))
        } else {
            av_channel_layout_copy(&inputLayout, &frame.pointee.ch_layout)
        }
        defer { av_channel_layout_uninit(&inputLayout) }
        var outputLayout = channels == 2 ? CFFmpeg_layout_stereo() : CFFmpeg_layout_mono()
        let inputRate = frame.pointee.sample_rate > 0 ? frame.pointee.sample_rate : Int32(sampleRate)
        // A frame can change the rate the header gave; libswresample would allocate filters for any.
        guard Self.sampleRates.contains(Int(inputRate)) else {
            throw VideoError(.media, Self.rateMessage(name, inputRate))
        }
        var swr: OpaquePointer?
        var status = swr_alloc_set_opts2(
            &swr, &outputLayout, AV_SAMPLE_FMT_FLT, Int32(sampleRate),
            &inputLayout, AVSampleFormat(frame.pointee.format), inputRate, 0, nil)
        if status >= 0 { status = swr_init(swr) }
        if status < 0 {
            swr_free(&swr)
            let target = channels == 2 ? "stereo" : "mono"
            try avCheck(
                status, "\(name): cannot mix its \(inputLayout.nb_channels) channels at \(inputRate) Hz to \(target)")
        }
        resampler = swr
    }

    private func convert(_ frame: UnsafeMutablePointer<AVFrame>) throws {
        let inputCount = frame.pointee.nb_samples
        guard inputCount > 0, let input = frame.pointee.extended_data else { return }
        if resampler == nil { try makeResampler(for: frame) }
        let capacity = Int(swr_get_out_samples(resampler, inputCount))
        guard capacity > 0 else { return }
        let constInput = UnsafeMutableRawPointer(input).assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
        try appendConverted(capacity: capacity) { output in
            swr_convert(resampler, output, Int32(capacity), constInput, inputCount)
        }
    }

    private func flushResampler() throws {
        guard let resampler else { return }
        let capacity = Int(swr_get_out_samples(resampler, 0))
        guard capacity > 0 else { return }
        try appendConverted(capacity: capacity) { output in
            swr_convert(resampler, output, Int32(capacity), nil, 0)
        }
    }

    private func appendConverted(
        capacity: Int, _ body: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>) -> Int32
    ) throws {
        let start = pending.count
        pending.append(contentsOf: repeatElement(0, count: capacity * channels))
        let produced = pending.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var plane: UnsafeMutablePointer<UInt8>? = UnsafeMutableRawPointer(buffer.baseAddress! + start)
                .assumingMemoryBound(to: UInt8.self)
            return withUnsafeMutablePointer(to: &plane) { body($0) }
        }
        if produced < 0 {
            pending.removeLast(capacity * channels)
            try avCheck(produced, "resampling \(name)")
        }
        pending.removeLast((capacity - Int(produced)) * channels)
        samplesOut += Int(produced)
    }
}
