/// The owned libav pieces behind `MediaProbe`: an opened input file and a stream decoder.
import Foundation
internal import CFFmpeg

extension MediaProbe {
    /// Owns an opened, probed `AVFormatContext`.
    final class Input {
        let context: UnsafeMutablePointer<AVFormatContext>
        let path: String

        init(_ url: URL) throws {
            let path = url.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw VideoError(.media, "\(path) does not exist")
            }
            guard !isDirectory.boolValue else { throw VideoError(.media, "\(path) is a directory, not a media file") }
            avQuietLogging()
            var context: UnsafeMutablePointer<AVFormatContext>?
            var status = avformat_open_input(&context, path, nil, nil)
            guard status >= 0, let opened = context else {
                throw VideoError(.media, "\(path) is not a media file libav can read: \(avErrorString(status))")
            }
            status = avformat_find_stream_info(opened, nil)
            guard status >= 0, opened.pointee.nb_streams > 0 else {
                avformat_close_input(&context)
                let reason = status < 0 ? avErrorString(status) : "it has no streams"
                throw VideoError(.media, "\(path) is not a media file libav can read: \(reason)")
            }
            self.context = opened
            self.path = path
        }

        deinit {
            var owned: UnsafeMutablePointer<AVFormatContext>? = context
            avformat_close_input(&owned)
        }

        /// libavformat's name for the container.
        var formatName: String { String(cString: context.pointee.iformat.pointee.name) }

        /// The stream at `index`.
        func stream(_ index: Int32) -> UnsafeMutablePointer<AVStream> { context.pointee.streams[Int(index)]! }

        /// The main video stream (cover art does not count), if any.
        var videoStream: Int32? {
            let index = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
            guard index >= 0, stream(index).pointee.disposition & AV_DISPOSITION_ATTACHED_PIC == 0 else { return nil }
            return index
        }

        /// The main audio stream, if any.
        var audioStream: Int32? {
            let index = av_find_best_stream(context, AVMEDIA_TYPE_AUDIO, -1, -1, nil, 0)
            return index >= 0 ? index : nil
        }

        /// Reads every packet in file order; the packet is only valid inside `body`.
        func forEachPacket(_ body: (UnsafeMutablePointer<AVPacket>) throws -> Void) throws {
            guard let packet = av_packet_alloc() else { throw VideoError(.media, "could not allocate a packet") }
            defer { var owned: UnsafeMutablePointer<AVPacket>? = packet; av_packet_free(&owned) }
            while true {
                let status = av_read_frame(context, packet)
                if status == CFFmpeg_AVERROR_EOF { return }
                try avCheck(status, "reading \(path)")
                defer { av_packet_unref(packet) }
                try body(packet)
            }
        }
    }

    /// Owns an opened decoder for one stream and the frame it decodes into.
    final class Decoder {
        let context: UnsafeMutablePointer<AVCodecContext>
        private let frame: UnsafeMutablePointer<AVFrame>
        private let what: String

        init(_ stream: UnsafeMutablePointer<AVStream>, path: String) throws {
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
        func decode(_ packet: UnsafeMutablePointer<AVPacket>?, _ body: (UnsafeMutablePointer<AVFrame>) throws -> Void) throws {
            try avCheck(avcodec_send_packet(context, packet), what)
            while true {
                let status = avcodec_receive_frame(context, frame)
                if status == CFFmpeg_EAGAIN() || status == CFFmpeg_AVERROR_EOF { return }
                try avCheck(status, what)
                defer { av_frame_unref(frame) }
                try body(frame)
            }
        }
    }

    /// Folds bytes into a 64-bit FNV-1a hash.
    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>, into hash: inout UInt64) {
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
    }

    /// The 64-bit FNV-1a offset basis.
    static let fnvOffsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
}
