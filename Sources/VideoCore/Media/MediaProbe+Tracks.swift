internal import CFFmpeg
import Foundation

/// Every stream of a file as a player lists them: kind, language, default flag, and what it holds.
extension MediaProbe {
    /// One stream of a file.
    package struct Track: Sendable, Equatable {
        /// `video`, `audio` or `subtitle` (libavutil's media type name).
        package var kind: String
        /// The codec's name (`h264`, `aac`, `mov_text`).
        package var codec: String
        /// The stream's `language` tag (ISO 639-2, `und` or empty when untagged).
        package var language: String
        /// Whether the stream is marked as the default of its kind.
        package var isDefault: Bool
        /// Packets the stream holds.
        package var packetCount: Int
        /// For sound: the largest absolute sample value decoded, 0…1 (0 for silence).
        package var peak: Float = 0
        /// For subtitles: each cue's text, decoded again.
        package var texts: [String] = []
    }

    /// Lists and decodes every stream of `url` (sound and subtitles fully; pictures are counted).
    /// - Parameter url: The file.
    /// - Returns: Its streams, in file order.
    /// - Throws: `VideoError` (`.media`) when the file cannot be read or decoded.
    package static func tracks(_ url: URL) throws -> [Track] {
        let input = try Input(url)
        let count = Int(input.context.pointee.nb_streams)
        var tracks = (0..<count).map { k -> Track in
            let stream = input.stream(Int32(k))
            let parameters = stream.pointee.codecpar.pointee
            return Track(
                kind: av_get_media_type_string(parameters.codec_type).map { String(cString: $0) } ?? "unknown",
                codec: String(cString: avcodec_get_name(parameters.codec_id)),
                language: av_dict_get(stream.pointee.metadata, "language", nil, 0).map {
                    String(cString: $0.pointee.value)
                } ?? "",
                isDefault: stream.pointee.disposition & AV_DISPOSITION_DEFAULT != 0, packetCount: 0)
        }
        let decoders = try (0..<count).map { k -> StreamDecoder? in
            let type = input.stream(Int32(k)).pointee.codecpar.pointee.codec_type
            guard type == AVMEDIA_TYPE_AUDIO || type == AVMEDIA_TYPE_SUBTITLE else { return nil }
            return try StreamDecoder(input.stream(Int32(k)), path: input.path)
        }
        try input.forEachPacket { packet in
            let k = Int(packet.pointee.stream_index)
            tracks[k].packetCount += 1
            guard let decoder = decoders[k] else { return }
            if tracks[k].kind == "subtitle" {
                tracks[k].texts += try subtitleTexts(packet, decoder: decoder, path: input.path)
            } else {
                try decoder.decode(packet) { tracks[k].peak = max(tracks[k].peak, peak(of: $0)) }
            }
        }
        for k in 0..<count where tracks[k].kind == "audio" {
            try decoders[k]?.decode(nil) { tracks[k].peak = max(tracks[k].peak, peak(of: $0)) }
        }
        return tracks
    }

    /// The text of each rectangle of the subtitle in `packet`.
    private static func subtitleTexts(
        _ packet: UnsafeMutablePointer<AVPacket>, decoder: StreamDecoder, path: String
    ) throws -> [String] {
        var subtitle = AVSubtitle()
        var got: Int32 = 0
        try avCheck(avcodec_decode_subtitle2(decoder.context, &subtitle, &got, packet), "decoding subtitles in \(path)")
        guard got != 0 else { return [] }
        defer { avsubtitle_free(&subtitle) }
        return (0..<Int(subtitle.num_rects)).compactMap { k in
            subtitle.rects[k]?.pointee.ass.map { String(cString: $0) }
        }
    }

    /// The largest absolute sample of a decoded float frame (0 for other sample formats).
    private static func peak(of frame: UnsafeMutablePointer<AVFrame>) -> Float {
        let format = AVSampleFormat(rawValue: frame.pointee.format)
        guard format == AV_SAMPLE_FMT_FLTP || format == AV_SAMPLE_FMT_FLT else { return 0 }
        let samples =
            Int(frame.pointee.nb_samples) * (format == AV_SAMPLE_FMT_FLT ? Int(frame.pointee.ch_layout.nb_channels) : 1)
        guard let plane = CFFmpeg_frame_plane(frame, 0) else { return 0 }
        let values = UnsafeRawPointer(plane).assumingMemoryBound(to: Float.self)
        return (0..<samples).reduce(0) { max($0, abs(values[$1])) }
    }
}
