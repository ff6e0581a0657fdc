internal import CFFmpeg
import Foundation

extension MultitrackWriter {
    /// A SubRip file made into MP4 timed text (`mov_text`, the `tx3g` track QuickTime shows):
    /// read with libavformat's `srt` demuxer, decoded by the `subrip` decoder into styled
    /// subtitles and encoded by the `mov_text` encoder, which takes the decoder's style header.
    ///
    /// Owns the stream description the encoder made (its sample description in `extradata`).
    final class MovText {
        /// One encoded cue, timed in `timeBase`.
        struct Cue {
            var start: Int64
            var duration: Int64
            var bytes: [UInt8]
        }

        /// The SubRip demuxer's time base: milliseconds.
        static let timeBase = AVRational(num: 1, den: 1000)

        /// The `mov_text` stream description.
        let parameters: UnsafeMutablePointer<AVCodecParameters>
        /// The cues, in order.
        private(set) var packets: [Cue] = []

        /// Reads and encodes `url`.
        /// - Throws: `VideoError` naming the file when it holds text but no cue, and the codecs' failures.
        init(srt url: URL) throws {
            guard let parameters = avcodec_parameters_alloc() else {
                throw VideoError(.encoding, "could not allocate a stream description")
            }
            self.parameters = parameters
            let input = try MediaProbe.Input(url, probe: false, format: "srt")
            let source = input.stream(0)
            guard source.pointee.codecpar.pointee.codec_type == AVMEDIA_TYPE_SUBTITLE else {
                throw VideoError(.media, "\(url.path) holds no subtitles")
            }
            let decoder = try StreamDecoder(source, path: url.path)
            let encoder = try Encoder(header: decoder.context)
            try avCheck(
                avcodec_parameters_from_context(parameters, encoder.context), "describing the mov_text stream",
                code: .encoding)
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            try input.forEachPacket { packet in
                var subtitle = AVSubtitle()
                var got: Int32 = 0
                try avCheck(
                    avcodec_decode_subtitle2(decoder.context, &subtitle, &got, packet), "decoding \(url.path)")
                guard got != 0 else { return }
                defer { avsubtitle_free(&subtitle) }
                let size = avcodec_encode_subtitle(encoder.context, &buffer, Int32(buffer.count), &subtitle)
                try avCheck(size, "encoding the subtitles of \(url.path) as mov_text", code: .encoding)
                let start = av_rescale_q(packet.pointee.pts, source.pointee.time_base, Self.timeBase)
                let duration = av_rescale_q(packet.pointee.duration, source.pointee.time_base, Self.timeBase)
                packets.append(Cue(start: start, duration: duration, bytes: Array(buffer[0..<Int(size)])))
            }
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            if packets.isEmpty, !text.allSatisfy(\.isWhitespace) {
                throw VideoError(.media, "\(url.path) is not SubRip: it holds text but no timed cue")
            }
        }

        deinit {
            var owned: UnsafeMutablePointer<AVCodecParameters>? = parameters
            avcodec_parameters_free(&owned)
        }

        /// Owns an opened `mov_text` encoder.
        private final class Encoder {
            let context: UnsafeMutablePointer<AVCodecContext>

            /// Opens the encoder with the style header of `decoder` (`subtitle_header`, ASS).
            init(header decoder: UnsafeMutablePointer<AVCodecContext>) throws {
                guard let codec = avcodec_find_encoder(AV_CODEC_ID_MOV_TEXT),
                    let context = avcodec_alloc_context3(codec)
                else { throw VideoError(.encoding, "the mov_text encoder is not available in this libavcodec") }
                self.context = context
                context.pointee.time_base = MovText.timeBase
                let size = Int(decoder.pointee.subtitle_header_size)
                if let header = decoder.pointee.subtitle_header, size > 0,
                    let copy = av_mallocz(size + 1)?.assumingMemoryBound(to: UInt8.self)
                {
                    copy.update(from: header, count: size)
                    context.pointee.subtitle_header = copy
                    context.pointee.subtitle_header_size = Int32(size)
                }
                try avCheck(avcodec_open2(context, codec, nil), "opening the mov_text encoder", code: .encoding)
            }

            deinit {
                var owned: UnsafeMutablePointer<AVCodecContext>? = context
                avcodec_free_context(&owned)
            }
        }
    }
}
