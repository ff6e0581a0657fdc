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

    /// What the render wrote.
    struct Result {
        var frames: Int
        var samples: Int
        var sampleRate: Int
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
        let writer = try MP4Writer(
            url: output, width: width, height: height, fps: fps, sampleRate: rate, preset: preset, crf: crf, threads: 1)
        let compositor = PictureCompositor()
        let full = PixelRect(x: 0, y: 0, width: width, height: height)
        let overlay = try TalkOverlay(shots: broll, width: width, height: height, fps: fps)
        let card = try cards.map { try TalkCardDrawer(cards: $0, width: width, height: height) }
        let introFrames = cards?.frames(fps: fps) ?? 0
        if let card {
            try flag.check()
            try writer.writeVideo(try card.title(), count: introFrames)
        }
        var last: Int?
        var frames = introFrames
        for range in edit.keptFrames {
            if let previous = last, range.lowerBound < previous || range.lowerBound - previous > 2 * fps {
                try clip.seek(to: Double(range.lowerBound) / Double(fps))
            }
            for k in range {
                try flag.check()
                guard let picture = try clip.picture(at: (Double(k) + 0.5) / Double(fps)) else {
                    throw VideoError(.media, "\(source.lastPathComponent) has no picture at frame \(k)")
                }
                let frame = try YUVFrame.uninitialized(width: width, height: height)
                try compositor.draw(
                    picture, crop: Self.cover(picture.width, picture.height, width, height), into: frame, at: full)
                try writer.writeVideo(try overlay.apply(to: frame, at: frames))
                frames += 1
            }
            last = range.upperBound
        }
        if let card {
            try flag.check()
            try writer.writeVideo(try card.outro(), count: introFrames)
            frames += introFrames
        }
        let sampleRanges = edit.keptFrames.map {
            Self.sample($0.lowerBound, fps: fps, rate: rate)..<Self.sample($0.upperBound, fps: fps, rate: rate)
        }
        let spliced = AudioSplicer.splice(sound, ranges: sampleRanges, fade: Int(Double(rate) * Self.crossfade))
        let silence = [Float](repeating: 0, count: Self.sample(introFrames, fps: fps, rate: rate))
        let track = silence.isEmpty ? spliced : silence + spliced + silence
        try flag.check()
        try writer.writeAudio(track)
        try writer.finish()
        return Result(frames: frames, samples: track.count, sampleRate: rate)
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
