import Foundation
import VideoAI
import VideoCore

/// Renders a talk's cut list: the kept frames of the recording, decoded and encoded again
/// with x264 (one thread, so the bits never depend on the machine), and the kept sound,
/// spliced with 10 ms crossfades, sample-exact under the frames. It can crop the picture to
/// another frame shape (centred), lay B-roll over it while the talk's sound goes on, and put
/// a title card before it and an outro after it (silent).
struct TalkCutRenderer {
    /// The crossfade at every cut, in seconds.
    static let crossfade = 0.010
    /// The x264 preset and quality.
    var preset = "veryfast"
    var crf = 20
    /// The output frame; `nil` keeps the recording's (a different shape is a centred crop).
    var size: (width: Int, height: Int)?
    /// The title card and outro, if any.
    var cards: TalkCards?
    /// B-roll over the output's frames.
    var broll: [TalkShot] = []
    /// A folder of encoded pieces; `nil` encodes the whole output in one go. With a folder,
    /// each piece (the title card, every kept range, the outro) is encoded into its own file,
    /// named by the hash of what it shows and reused while that file is there, and the pieces
    /// are joined by stream copy under the spliced sound (`SegmentJoiner`): a render after an
    /// `edit.json` change encodes only the ranges that changed.
    var segments: URL?

    /// What the render wrote.
    struct Result {
        var frames: Int
        var samples: Int
        var sampleRate: Int
        /// Pieces encoded and reused (both 0 without a segments folder).
        var encodedPieces = 0
        var reusedPieces = 0
    }

    /// Writes the edited video.
    /// - Parameters:
    ///   - source: The recording.
    ///   - edit: The cut list (checked against the recording).
    ///   - output: The MP4 to write (a partial file the caller renames).
    ///   - flag: Raised when the caller is cancelled.
    /// - Returns: How many frames and samples were written.
    /// - Throws: `VideoError` when decoding or encoding fails, or `CancellationError`.
    func render(source: URL, edit: TalkEdit, to output: URL, flag: CancellationFlag) throws -> Result {
        let clip = try VideoClipDecoder(url: source)
        let sourceRate = try MediaProbe.inspect(source).audioSampleRate
        let rate = (8_000...96_000).contains(sourceRate) ? sourceRate : 48_000
        let sound = try AudioDecoder.decodeAll(url: source, sampleRate: rate)
        let width = (size?.width ?? clip.width) & ~1
        let height = (size?.height ?? clip.height) & ~1
        let fps = edit.fps
        let compositor = PictureCompositor()
        let full = PixelRect(x: 0, y: 0, width: width, height: height)
        let overlay = try TalkOverlay(shots: broll, width: width, height: height, fps: fps)
        let card = try cards.map { try TalkCardDrawer(cards: $0, width: width, height: height) }
        let introFrames = cards?.frames(fps: fps) ?? 0
        var pieces: [Piece] = []
        var at = 0
        func add(_ kind: Piece.Kind, _ count: Int) {
            pieces.append(Piece(kind: kind, start: at, count: count))
            at += count
        }
        if cards != nil { add(.title, introFrames) }
        for range in edit.keptFrames { add(.range(range), range.count) }
        if cards != nil { add(.outro, introFrames) }

        let single =
            segments == nil
            ? try MP4Writer(
                url: output, width: width, height: height, fps: fps, sampleRate: rate, preset: preset, crf: crf,
                threads: 1) : nil
        var files: [URL] = []
        var counts = (encoded: 0, reused: 0)
        var last: Int?
        for piece in pieces {
            try flag.check()
            var writer = single
            var file: URL?
            if let folder = segments {
                let url = folder.appendingPathComponent(
                    "talk-\(try key(of: piece, source: source, width, height, fps)).mp4")
                files.append(url)
                if FileManager.default.fileExists(atPath: url.path) {
                    counts.reused += 1
                    continue
                }
                file = url
                writer = try MP4Writer(
                    url: folder.appendingPathComponent(".piece.mp4.partial"), width: width, height: height, fps: fps,
                    sampleRate: nil, audioChannels: 1, preset: preset, crf: crf, bFrames: 0, threads: 1)
            }
            guard let writer else { continue }
            switch piece.kind {
            case .title: try writer.writeVideo(try card!.title(), count: piece.count)
            case .outro: try writer.writeVideo(try card!.outro(), count: piece.count)
            case .range(let range):
                if range.lowerBound < (last ?? 0) || range.lowerBound - (last ?? 0) > 2 * fps {
                    try clip.seek(to: Double(range.lowerBound) / Double(fps))
                }
                for (j, k) in range.enumerated() {
                    try flag.check()
                    guard let picture = try clip.picture(at: (Double(k) + 0.5) / Double(fps)) else {
                        throw VideoError(.media, "\(source.lastPathComponent) has no picture at frame \(k)")
                    }
                    let frame = try YUVFrame.uninitialized(width: width, height: height)
                    try compositor.draw(
                        picture, crop: Self.cover(picture.width, picture.height, width, height), into: frame, at: full)
                    try writer.writeVideo(try overlay.apply(to: frame, at: piece.start + j))
                }
                last = range.upperBound
            }
            if let file {
                try writer.finish()
                try AtomicFile.replace(file, with: segments!.appendingPathComponent(".piece.mp4.partial"))
                counts.encoded += 1
            }
        }
        let sampleRanges = edit.keptFrames.map {
            Self.sample($0.lowerBound, fps: fps, rate: rate)..<Self.sample($0.upperBound, fps: fps, rate: rate)
        }
        let spliced = AudioSplicer.splice(sound, ranges: sampleRanges, fade: Int(Double(rate) * Self.crossfade))
        let silence = [Float](repeating: 0, count: Self.sample(introFrames, fps: fps, rate: rate))
        let track = silence.isEmpty ? spliced : silence + spliced + silence
        try flag.check()
        if let single {
            try single.writeAudio(track)
            try single.finish()
        } else if let folder = segments, let first = files.first {
            let joiner = try SegmentJoiner(url: output, template: first, fps: fps, sampleRate: rate, channels: 2)
            for file in files { _ = try joiner.append(file) }
            try joiner.writeAudio(track)
            try joiner.finish()
            // Pieces no longer in the cut go, so the folder holds one render's worth.
            let used = Set(files.map(\.lastPathComponent))
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where name.hasPrefix("talk-") && !used.contains(name) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        return Result(
            frames: at, samples: track.count, sampleRate: rate, encodedPieces: counts.encoded,
            reusedPieces: counts.reused)
    }

    /// One stretch of the output encoded on its own: the title card, a kept range, the outro.
    struct Piece {
        enum Kind {
            case title, outro
            case range(Range<Int>)
        }
        var kind: Kind
        /// Its first output frame.
        var start: Int
        /// Its frames.
        var count: Int
    }

    /// What a piece shows, hashed: the recording (path, size, time), the frames, the frame, the
    /// encoder, the cards and the B-roll over it (relative to the piece).
    private func key(of piece: Piece, source: URL, _ width: Int, _ height: Int, _ fps: Int) throws -> String {
        struct Material: Encodable {
            var version = 1
            var source: String
            var bytes: Int
            var modified: Double
            var kind: String
            var frames: [Int]
            var size: [Int]
            var preset: String
            var crf: Int
            var cards: TalkCards?
            var shots: [[String]]
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: source.path)
        let kind: String
        var frames: [Int] = []
        switch piece.kind {
        case .title: kind = "title"
        case .outro: kind = "outro"
        case .range(let range):
            kind = "range"
            frames = [range.lowerBound, range.upperBound]
        }
        let end = piece.start + piece.count
        let shots = broll.filter { $0.frames.lowerBound < end && $0.frames.upperBound > piece.start }.map {
            [
                $0.file, "\($0.isClip)", "\($0.frames.lowerBound - piece.start)",
                "\($0.frames.upperBound - piece.start)",
                $0.style.rawValue,
            ]
        }
        return try ContentHash.hex(
            of: Material(
                source: source.path, bytes: (attributes?[.size] as? NSNumber)?.intValue ?? 0,
                modified: (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0, kind: kind,
                frames: frames, size: [width, height, fps], preset: preset, crf: crf,
                cards: kind == "range" ? nil : cards, shots: shots))
    }

    /// The first sample of frame `frame`.
    static func sample(_ frame: Int, fps: Int, rate: Int) -> Int { (frame * rate + fps / 2) / fps }

    /// The centred part of a `sw × sh` picture with the shape of `dw × dh`.
    static func cover(_ sw: Int, _ sh: Int, _ dw: Int, _ dh: Int) -> PixelRect {
        if sw * dh > dw * sh {
            let w = max(1, sh * dw / max(1, dh))
            return PixelRect(x: (sw - w) / 2, y: 0, width: w, height: sh)
        }
        let h = max(1, sw * dh / max(1, dw))
        return PixelRect(x: 0, y: (sh - h) / 2, width: sw, height: h)
    }
}
