/// An opened libavcodec decoder for one stream, with the speed options still pictures and clips use.
internal import CFFmpeg

/// Owns a decoder context for one stream and the frame it decodes into.
///
/// It can also decode JPEGs at reduced size (`lowres`) and skip the
/// H.264 loop filter when only a rough look is needed (clip analysis).
final class StreamDecoder {
    let context: UnsafeMutablePointer<AVCodecContext>
    private let frame: UnsafeMutablePointer<AVFrame>
    private let what: String

    /// Opens a decoder for `stream`.
    /// - Parameters:
    ///   - lowres: Decode at 1/2^lowres size (decoders that support it; clamped to their maximum).
    ///   - fast: Skip the loop filter and allow non-spec-compliant speed-ups.
    init(_ stream: UnsafeMutablePointer<AVStream>, path: String, lowres: Int32 = 0, fast: Bool = false) throws {
        let parameters = stream.pointee.codecpar!
        let name = String(cString: avcodec_get_name(parameters.pointee.codec_id))
        guard let codec = avcodec_find_decoder(parameters.pointee.codec_id) else {
            throw VideoError(.media, "\(path): no decoder for \(name)")
        }
        guard let frame = av_frame_alloc() else { throw VideoError(.media, "could not allocate a frame") }
        guard let context = avcodec_alloc_context3(codec) else {
            var owned: UnsafeMutablePointer<AVFrame>? = frame
            av_frame_free(&owned)
            throw VideoError(.media, "could not allocate the \(name) decoder")
        }
        var status = avcodec_parameters_to_context(context, parameters)
        if status >= 0 {
            context.pointee.pkt_timebase = stream.pointee.time_base
            context.pointee.thread_count = 2
            context.pointee.lowres = min(lowres, Int32(codec.pointee.max_lowres))
            if fast {
                context.pointee.skip_loop_filter = AVDISCARD_ALL
                context.pointee.skip_frame = AVDISCARD_NONREF
                context.pointee.flags2 |= AV_CODEC_FLAG2_FAST
            }
            status = avcodec_open2(context, codec, nil)
        }
        guard status >= 0 else {
            var ownedContext: UnsafeMutablePointer<AVCodecContext>? = context
            avcodec_free_context(&ownedContext)
            var ownedFrame: UnsafeMutablePointer<AVFrame>? = frame
            av_frame_free(&ownedFrame)
            throw VideoError(.media, "\(path): opening the \(name) decoder: \(avErrorString(status))")
        }
        self.context = context
        self.frame = frame
        self.what = "decoding \(name) in \(path)"
    }

    deinit {
        var ownedContext: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&ownedContext)
        var ownedFrame: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&ownedFrame)
    }

    /// Sends a packet (`nil` to drain) and hands every frame that comes out to `body`.
    func decode(_ packet: UnsafeMutablePointer<AVPacket>?, _ body: (UnsafeMutablePointer<AVFrame>) throws -> Void)
        throws
    {
        try avCheck(avcodec_send_packet(context, packet), what)
        try receive(body)
    }

    /// Hands every frame the decoder has ready to `body`; returns on EAGAIN or end of stream.
    /// - Returns: `true` at the end of the stream.
    @discardableResult
    func receive(_ body: (UnsafeMutablePointer<AVFrame>) throws -> Void) throws -> Bool {
        while true {
            let status = avcodec_receive_frame(context, frame)
            if status == CFFmpeg_EAGAIN() { return false }
            if status == CFFmpeg_AVERROR_EOF { return true }
            try avCheck(status, what)
            defer { av_frame_unref(frame) }
            try body(frame)
        }
    }

    /// Drops buffered frames (after a seek).
    func flush() { avcodec_flush_buffers(context) }
}
