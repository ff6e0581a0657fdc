internal import CFFmpeg
import Foundation

/// The owned libav piece behind `MediaProbe`: an opened input file (decoding is `StreamDecoder`).
extension MediaProbe {
    /// Owns an opened, probed `AVFormatContext`.
    final class Input {
        let context: UnsafeMutablePointer<AVFormatContext>
        let path: String

        /// Opens `url`.
        /// - Parameters:
        ///   - probe: Whether to read ahead for stream parameters the header lacks (it decodes a
        ///     few frames: ~10 ms per 1080p H.264 file). MP4s written by `MP4Writer` carry
        ///     everything stream copy needs in their header.
        ///   - maximumPixels: Pictures the probe may decode, at most, for decoders that cannot
        ///     decode at reduced size (a PNG is decoded whole to learn its size); a larger one
        ///     leaves its stream's width and height 0 instead of taking the memory.
        ///   - format: The demuxer to use (`srt`), instead of guessing it from the content.
        init(_ url: URL, probe: Bool = true, maximumPixels: Int? = nil, format: String? = nil) throws {
            let path = url.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw VideoError(.media, "\(path) does not exist")
            }
            guard !isDirectory.boolValue else { throw VideoError(.media, "\(path) is a directory, not a media file") }
            avQuietLogging()
            var context: UnsafeMutablePointer<AVFormatContext>?
            var status = avformat_open_input(&context, path, format.flatMap { av_find_input_format($0) }, nil)
            guard status >= 0, let opened = context else {
                throw VideoError(.media, "\(path) is not a media file libav can read: \(avErrorString(status))")
            }
            if probe, let maximumPixels {
                var options = (0..<Int(opened.pointee.nb_streams)).map { index -> OpaquePointer? in
                    let id = opened.pointee.streams[index]!.pointee.codecpar.pointee.codec_id
                    guard (avcodec_find_decoder(id)?.pointee.max_lowres ?? 0) == 0 else { return nil }
                    var dictionary: OpaquePointer?
                    av_dict_set(&dictionary, "max_pixels", String(maximumPixels), 0)
                    return dictionary
                }
                status = avformat_find_stream_info(opened, &options)
                for index in options.indices { av_dict_free(&options[index]) }
            } else {
                status = probe ? avformat_find_stream_info(opened, nil) : 0
            }
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

        /// Reads the next packet in file order into `packet` (unreferencing what it held).
        /// - Returns: `false` at the end of the file.
        func read(into packet: UnsafeMutablePointer<AVPacket>) throws -> Bool {
            av_packet_unref(packet)
            let status = av_read_frame(context, packet)
            if status == CFFmpeg_AVERROR_EOF { return false }
            try avCheck(status, "reading \(path)")
            return true
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
