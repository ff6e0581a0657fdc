/// The owned libav pieces behind `MP4Writer`: the output container and one encoder per stream.
internal import CFFmpeg

extension MP4Writer {
    /// Owns the output `AVFormatContext` and, once opened, its file.
    final class Container {
        let context: UnsafeMutablePointer<AVFormatContext>
        let path: String

        init(path: String) throws {
            var context: UnsafeMutablePointer<AVFormatContext>?
            let status = avformat_alloc_output_context2(&context, nil, "mp4", path)
            guard status >= 0, let context else {
                throw VideoError(.encoding, "creating an MP4 muxer for \(path): \(avErrorString(status))")
            }
            self.context = context
            self.path = path
        }

        /// Whether the muxer wants codec headers out of band (MP4 does).
        var wantsGlobalHeader: Bool {
            (context.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER) != 0
        }

        /// Opens the file for writing.
        func open() throws {
            let status = avio_open(&context.pointee.pb, path, AVIO_FLAG_WRITE)
            guard status >= 0 else {
                throw VideoError(.io, "cannot write \(path): \(avErrorString(status))")
            }
        }

        /// Writes the container header; stream time bases are final afterwards.
        ///
        /// - Parameter movieTimescale: Ticks per second of the movie header and edit lists. The
        ///   edit list that hides AAC priming measures the audio in these ticks, so MP4's default
        ///   of 1000 would round the audio's end to the millisecond.
        func writeHeader(movieTimescale: Int) throws {
            var options: OpaquePointer?
            defer { av_dict_free(&options) }
            av_dict_set(&options, "movflags", "+faststart", 0)
            av_dict_set(&options, "movie_timescale", String(movieTimescale), 0)
            try avCheck(avformat_write_header(context, &options), "writing the MP4 header of \(path)", code: .encoding)
        }

        func write(_ packet: UnsafeMutablePointer<AVPacket>) throws {
            try avCheck(av_interleaved_write_frame(context, packet), "writing a packet to \(path)", code: .encoding)
        }

        func writeTrailer() throws {
            try avCheck(av_write_trailer(context), "finishing \(path)", code: .encoding)
            try avCheck(avio_closep(&context.pointee.pb), "closing \(path)", code: .io)
        }

        deinit {
            if context.pointee.pb != nil { avio_closep(&context.pointee.pb) }
            avformat_free_context(context)
        }
    }

    /// Owns one opened encoder and the stream it feeds.
    final class Encoder {
        private(set) var context: UnsafeMutablePointer<AVCodecContext>
        let stream: UnsafeMutablePointer<AVStream>
        private let packet: UnsafeMutablePointer<AVPacket>
        private let what: String
        /// Duration, in the codec time base, given to packets the encoder left at 0.
        private let defaultDuration: Int64
        /// How the context was made, to make an identical one after a flush (`reopen`).
        private let codec: UnsafePointer<AVCodec>
        private let options: [(String, String)]
        private let configure: (UnsafeMutablePointer<AVCodecContext>) throws -> Void
        private let globalHeader: Bool
        /// Whether `send` keeps a copy of the last packet's bytes in `lastPacket`.
        var keepsLastPacket = false
        /// The last packet written (as the encoder made it), when `keepsLastPacket` is set.
        private(set) var lastPacket: [UInt8] = []

        /// Finds the encoder `name`, lets `configure` set the context up, opens it with `options`
        /// and adds a stream for it to `container`.
        init(
            name: String, what: String, container: Container, defaultDuration: Int64, options: [(String, String)],
            configure: @escaping (UnsafeMutablePointer<AVCodecContext>) throws -> Void
        ) throws {
            guard let codec = avcodec_find_encoder_by_name(name) else {
                throw VideoError(.encoding, "the \(name) encoder is not available in this libavcodec")
            }
            guard let packet = av_packet_alloc() else { throw VideoError(.encoding, "could not allocate a packet") }
            guard let context = avcodec_alloc_context3(codec) else {
                var owned: UnsafeMutablePointer<AVPacket>? = packet
                av_packet_free(&owned)
                throw VideoError(.encoding, "could not allocate the \(name) encoder")
            }
            self.context = context
            self.packet = packet
            self.what = what
            self.defaultDuration = defaultDuration
            self.codec = codec
            self.options = options
            self.configure = configure
            self.globalHeader = container.wantsGlobalHeader
            // Every stored property but `stream` is set: on failure below, free what we own by hand.
            do {
                try Self.open(
                    context, codec: codec, options: options, globalHeader: container.wantsGlobalHeader, what: what,
                    configure: configure)
                guard let stream = avformat_new_stream(container.context, nil) else {
                    throw VideoError(.encoding, "could not add the \(what) stream")
                }
                try avCheck(
                    avcodec_parameters_from_context(stream.pointee.codecpar, context),
                    "describing the \(what) stream", code: .encoding)
                stream.pointee.time_base = context.pointee.time_base
                self.stream = stream
            } catch {
                var ownedContext: UnsafeMutablePointer<AVCodecContext>? = context
                avcodec_free_context(&ownedContext)
                var ownedPacket: UnsafeMutablePointer<AVPacket>? = packet
                av_packet_free(&ownedPacket)
                throw error
            }
        }

        deinit {
            var ownedContext: UnsafeMutablePointer<AVCodecContext>? = context
            avcodec_free_context(&ownedContext)
            var ownedPacket: UnsafeMutablePointer<AVPacket>? = packet
            av_packet_free(&ownedPacket)
        }

        private static func open(
            _ context: UnsafeMutablePointer<AVCodecContext>, codec: UnsafePointer<AVCodec>, options: [(String, String)],
            globalHeader: Bool, what: String, configure: (UnsafeMutablePointer<AVCodecContext>) throws -> Void
        ) throws {
            try configure(context)
            if globalHeader { context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
            var dictionary: OpaquePointer?
            defer { av_dict_free(&dictionary) }
            for (key, value) in options { av_dict_set(&dictionary, key, value, 0) }
            try avCheck(avcodec_open2(context, codec, &dictionary), "opening the \(what) encoder", code: .encoding)
        }

        /// Replaces a flushed context with a new one made the same way, feeding the same stream
        /// (its first frame is a key frame). The new context must describe the stream exactly
        /// as the first did.
        func reopen() throws {
            guard let fresh = avcodec_alloc_context3(codec) else {
                throw VideoError(.encoding, "could not allocate the \(what) encoder")
            }
            // The flushed context is freed first, so two encoders' picture buffers are never
            // alive at once (x264 holds tens of MB at 1080p). After a failure the writer keeps
            // the fresh, unopened context, which only `deinit` frees.
            var flushed: UnsafeMutablePointer<AVCodecContext>? = context
            context = fresh
            avcodec_free_context(&flushed)
            try Self.open(
                fresh, codec: codec, options: options, globalHeader: globalHeader, what: what, configure: configure)
            let old = UnsafeBufferPointer(
                start: stream.pointee.codecpar.pointee.extradata,
                count: Int(stream.pointee.codecpar.pointee.extradata_size))
            let new = UnsafeBufferPointer(start: fresh.pointee.extradata, count: Int(fresh.pointee.extradata_size))
            guard old.elementsEqual(new) else {
                throw VideoError(.encoding, "a reopened \(what) encoder describes its stream differently")
            }
        }

        /// The stream description the encoder wrote (`extradata`: SPS and PPS for H.264).
        var extradata: [UInt8] {
            guard let data = context.pointee.extradata, context.pointee.extradata_size > 0 else { return [] }
            return Array(UnsafeBufferPointer(start: data, count: Int(context.pointee.extradata_size)))
        }

        /// Writes a packet made outside the encoder (a generated skip picture) at frame `pts`
        /// of the codec time base, lasting one frame, not a key frame.
        func write(generated bytes: [UInt8], pts: Int64, to container: Container) throws {
            try avCheck(av_new_packet(packet, Int32(bytes.count)), "allocating a \(what) packet", code: .encoding)
            bytes.withUnsafeBufferPointer { source in
                packet.pointee.data.update(from: source.baseAddress!, count: bytes.count)
            }
            packet.pointee.pts = pts
            packet.pointee.dts = pts
            packet.pointee.duration = defaultDuration
            packet.pointee.flags = 0
            av_packet_rescale_ts(packet, context.pointee.time_base, stream.pointee.time_base)
            packet.pointee.stream_index = stream.pointee.index
            try container.write(packet)
        }

        /// Sends a frame (or `nil` to flush) and writes every packet that comes out.
        func send(_ frame: UnsafeMutablePointer<AVFrame>?, to container: Container) throws {
            try avCheck(avcodec_send_frame(context, frame), "encoding \(what)", code: .encoding)
            while true {
                let status = avcodec_receive_packet(context, packet)
                if status == CFFmpeg_EAGAIN() || status == CFFmpeg_AVERROR_EOF { return }
                try avCheck(status, "encoding \(what)", code: .encoding)
                // libx264 through libavcodec 5.1 leaves durations at 0; the last frame would then be lost.
                if packet.pointee.duration <= 0 { packet.pointee.duration = defaultDuration }
                if keepsLastPacket {
                    lastPacket = Array(UnsafeBufferPointer(start: packet.pointee.data, count: Int(packet.pointee.size)))
                }
                av_packet_rescale_ts(packet, context.pointee.time_base, stream.pointee.time_base)
                packet.pointee.stream_index = stream.pointee.index
                try container.write(packet)  // takes the packet's data and resets it
            }
        }
    }
}
