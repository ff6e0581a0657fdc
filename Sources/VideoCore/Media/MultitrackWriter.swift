internal import CFFmpeg
import Foundation

/// Writes one MP4 holding several language versions of the same video: the first version's
/// picture, every version's sound and one `mov_text` subtitle track per version, all copied
/// without encoding again except the subtitles (SubRip text made into MP4 timed text).
///
/// Tracks are tagged with ISO 639-2/T codes (the `language` of each stream, which the MP4
/// muxer writes into the track's media header) and the first version's sound is the default
/// track, listed first, so players (VLC, mpv, QuickTime) offer the others as alternatives.
///
/// The versions must share one picture timing (the same frames in every version): each
/// version's sound is laid against the first version's picture as it is.
package enum MultitrackWriter {
    /// One language's part of the file.
    package struct Version: Sendable {
        /// The ISO 639-2/T code of its language (`eng`, `spa`).
        package var language: String
        /// Its rendered MP4 (H.264 and AAC).
        package var video: URL
        /// Its captions as SubRip (`captions.srt`).
        package var captions: URL

        /// Creates a version.
        package init(language: String, video: URL, captions: URL) {
            self.language = language
            self.video = video
            self.captions = captions
        }
    }

    /// Writes `versions` into one MP4 at `url`, atomically.
    /// - Parameters:
    ///   - versions: The languages, the default one first.
    ///   - url: The MP4 to write.
    /// - Throws: `VideoError` naming the file that has no video or no sound, or cannot be read,
    ///   and the muxer's failures.
    package static func write(_ versions: [Version], to url: URL) throws {
        guard let first = versions.first else { throw VideoError(.invalidInput, "a multitrack MP4 needs a version") }
        avQuietLogging()
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        let container = try MP4Writer.Container(path: partial.path)
        let picture = try MediaProbe.Input(first.video, probe: false)
        guard let videoIndex = picture.videoStream else { throw VideoError(.media, "\(first.video.path) has no video") }
        av_dict_copy(&container.context.pointee.metadata, picture.context.pointee.metadata, 0)
        var tracks = [
            try Track(copying: videoIndex, of: picture, into: container, language: first.language, isDefault: true)
        ]
        for (k, version) in versions.enumerated() {
            let sound = try MediaProbe.Input(version.video, probe: false)
            guard let index = sound.audioStream else { throw VideoError(.media, "\(version.video.path) has no audio") }
            tracks.append(
                try Track(copying: index, of: sound, into: container, language: version.language, isDefault: k == 0))
        }
        for version in versions {
            tracks.append(try Track(subtitles: version.captions, into: container, language: version.language))
        }
        try container.open()
        try container.writeHeader(movieTimescale: tracks.map(\.rate).reduce(1, MP4Writer.leastCommonMultiple))
        // Always the track whose next packet decodes first, so the muxer never buffers much.
        while let next = try tracks.indices.filter({ try tracks[$0].hasPacket() }).min(by: { a, b in
            av_compare_ts(tracks[a].nextTime, tracks[a].sourceBase, tracks[b].nextTime, tracks[b].sourceBase) < 0
        }) {
            try tracks[next].writePacket(to: container)
        }
        try container.writeTrailer()
        try AtomicFile.replace(url, with: partial)
    }

    /// One output stream and where its packets come from.
    private final class Track {
        /// The output stream.
        let stream: UnsafeMutablePointer<AVStream>
        /// The time base of the packets `next` yields.
        let sourceBase: AVRational
        /// Ticks per second the movie header should count in for this track (frame rate, sample rate).
        let rate: Int
        private let packet: UnsafeMutablePointer<AVPacket>
        private let next: (UnsafeMutablePointer<AVPacket>) throws -> Bool
        /// Whether `packet` holds a packet read but not yet written.
        private var holding = false
        private var ended = false

        private init(
            container: MP4Writer.Container, language: String, isDefault: Bool, sourceBase: AVRational, rate: Int,
            describe: (UnsafeMutablePointer<AVStream>) throws -> Void,
            next: @escaping (UnsafeMutablePointer<AVPacket>) throws -> Bool
        ) throws {
            guard let packet = av_packet_alloc() else { throw VideoError(.encoding, "could not allocate a packet") }
            self.packet = packet
            guard let stream = avformat_new_stream(container.context, nil) else {
                throw VideoError(.encoding, "could not add a stream to \(container.path)")
            }
            try describe(stream)
            stream.pointee.codecpar.pointee.codec_tag = 0
            stream.pointee.time_base = sourceBase
            av_dict_set(&stream.pointee.metadata, "language", language, 0)
            stream.pointee.disposition = isDefault ? AV_DISPOSITION_DEFAULT : 0
            self.stream = stream
            self.sourceBase = sourceBase
            self.rate = max(rate, 1)
            self.next = next
        }

        /// A track whose packets are stream `index` of `input`, copied.
        convenience init(
            copying index: Int32, of input: MediaProbe.Input, into container: MP4Writer.Container, language: String,
            isDefault: Bool
        ) throws {
            let source = input.stream(index)
            let parameters = source.pointee.codecpar!
            let rate =
                parameters.pointee.codec_type == AVMEDIA_TYPE_AUDIO
                ? Int(parameters.pointee.sample_rate)
                : Int(source.pointee.avg_frame_rate.num / max(source.pointee.avg_frame_rate.den, 1))
            try self.init(
                container: container, language: language, isDefault: isDefault, sourceBase: source.pointee.time_base,
                rate: rate,
                describe: { stream in
                    try avCheck(
                        avcodec_parameters_copy(stream.pointee.codecpar, parameters),
                        "copying the stream description of \(input.path)", code: .encoding)
                    stream.pointee.avg_frame_rate = source.pointee.avg_frame_rate
                },
                next: { packet in
                    while try input.read(into: packet) {
                        if packet.pointee.stream_index == index { return true }
                    }
                    return false
                })
        }

        /// A `mov_text` track made from the SubRip file at `url`.
        convenience init(subtitles url: URL, into container: MP4Writer.Container, language: String) throws {
            let text = try MovText(srt: url)
            var cues = text.packets.makeIterator()
            try self.init(
                container: container, language: language, isDefault: false, sourceBase: MovText.timeBase, rate: 1000,
                describe: { stream in
                    try avCheck(
                        avcodec_parameters_copy(stream.pointee.codecpar, text.parameters),
                        "describing the subtitles of \(url.path)", code: .encoding)
                },
                next: { packet in
                    av_packet_unref(packet)
                    guard let cue = cues.next() else { return false }
                    try avCheck(av_new_packet(packet, Int32(cue.bytes.count)), "allocating a subtitle packet")
                    cue.bytes.withUnsafeBufferPointer {
                        packet.pointee.data.update(from: $0.baseAddress!, count: $0.count)
                    }
                    packet.pointee.pts = cue.start
                    packet.pointee.dts = cue.start
                    packet.pointee.duration = cue.duration
                    packet.pointee.flags |= AV_PKT_FLAG_KEY
                    return true
                })
        }

        deinit {
            var owned: UnsafeMutablePointer<AVPacket>? = packet
            av_packet_free(&owned)
        }

        /// Whether a packet is waiting to be written (reading one if none is held).
        func hasPacket() throws -> Bool {
            if !holding, !ended {
                holding = try next(packet)
                ended = !holding
            }
            return holding
        }

        /// When the held packet decodes, in `sourceBase`.
        var nextTime: Int64 {
            packet.pointee.dts != CFFmpeg_AV_NOPTS_VALUE ? packet.pointee.dts : packet.pointee.pts
        }

        /// Writes the held packet.
        func writePacket(to container: MP4Writer.Container) throws {
            av_packet_rescale_ts(packet, sourceBase, stream.pointee.time_base)
            packet.pointee.stream_index = stream.pointee.index
            packet.pointee.pos = -1
            try container.write(packet)  // takes the packet's data and resets it
            holding = false
        }
    }
}
