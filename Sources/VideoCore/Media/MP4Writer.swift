internal import CFFmpeg
import Foundation

/// The in-process MP4 writer: H.264 (libx264) video and AAC audio muxed by libavformat.

/// Encodes converted frames and mono audio into an MP4 file (H.264 + AAC, `+faststart`).
///
/// Video is constant frame rate with time base `1/fps`: frame *n* is shown at `n / fps`, so a file
/// with *N* frames lasts exactly `N / fps`. Audio is mono Float32 at `sampleRate`, buffered into
/// 1024-sample AAC frames and duplicated to stereo when `audioChannels == 2`; its track lasts
/// exactly as long as the samples given (the encoder's priming is hidden by the MP4 edit list).
/// Audio and video may be written in any order; the muxer interleaves them.
///
/// Each writer makes one self-contained file starting at time 0, so a long video can be written
/// as several segments (one writer each) and joined later by stream copy.
///
/// # Thread safety
/// Not thread-safe: use one writer from one task at a time.
package final class MP4Writer {
    /// Picture width, in pixels.
    package let width: Int
    /// Picture height, in pixels.
    package let height: Int
    /// Frames per second.
    package let fps: Int
    /// Audio sample rate, in hertz; `nil` for a file without audio (a video segment).
    package let sampleRate: Int?
    /// Channels in the audio track (1 or 2).
    package let audioChannels: Int
    /// Video frames written so far (each repeat counts).
    package private(set) var framesWritten = 0
    /// Mono audio samples accepted so far.
    package private(set) var audioSamplesWritten = 0
    /// Generated skip frames written so far (included in `framesWritten`).
    package private(set) var skipFramesWritten = 0
    /// Time spent generating and muxing skip frames, one call per run (for render profiles).
    package private(set) var skipTime = WorkTime()

    private let container: Container
    private let video: Encoder
    private let audio: AudioTrack?
    private var finished = false
    /// Writes held pictures as skip frames, when the writer was made with `skipRepeats`.
    private let skips: H264SkipFrames?
    /// Whether the video encoder has been flushed for a run of skip frames (the next picture
    /// needs a new encoder context).
    private var videoFlushed = false

    /// Creates the file and writes its header.
    /// - Parameters:
    ///   - url: Where to write the MP4 (overwritten if it exists).
    ///   - width: Picture width in pixels (even).
    ///   - height: Picture height in pixels (even).
    ///   - fps: Frames per second.
    ///   - sampleRate: Sample rate of the audio given to `writeAudio(_:)`, in hertz; `nil` writes
    ///     video only (a segment to be joined by `SegmentJoiner`).
    ///   - audioChannels: Channels of the AAC track: 1, or 2 to duplicate the mono input.
    ///   - preset: The x264 speed preset (for example "veryfast").
    ///   - crf: The x264 constant rate factor (0–51, lower is better).
    ///   - threads: x264 threads; by default one per active processor (pass fewer when several
    ///     writers run at once, and 1 for output that must not depend on the machine).
    ///   - bFrames: B-frames between references; `nil` keeps the preset's. Segments that are
    ///     joined by stream copy use 0, so every packet's decode and presentation times agree.
    ///   - displayRotation: Degrees clockwise a player turns the pictures (0, 90, 180 or 270),
    ///     recorded in the track header the way phones record portrait video.
    ///   - keyframeInterval: The most frames between keyframes; `nil` keeps x264's 250 (phones
    ///     write one a second or two).
    ///   - skipRepeats: Write a picture given with `count` of at least `minimumSkipRun` as one
    ///     encoded frame and `count − 1` generated skip frames (P slices whose every macroblock
    ///     is P_Skip, an exact copy), instead of encoding it `count` times. x264 then writes
    ///     CAVLC (`cabac=0`) and starts again with a key frame after each run (Docs/SkipFrames.md).
    /// - Throws: `VideoError` (`.invalidInput` for bad parameters, `.io` when the file cannot be
    ///   created, `.encoding` when an encoder or the muxer refuses).
    package init(
        url: URL, width: Int, height: Int, fps: Int, sampleRate: Int?, audioChannels: Int = 2,
        preset: String = "veryfast", crf: Int = 23, bFrames: Int? = nil,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, displayRotation: Int = 0,
        keyframeInterval: Int? = nil, skipRepeats: Bool = false
    ) throws {
        guard [0, 90, 180, 270].contains(displayRotation) else {
            throw VideoError(.invalidInput, "display rotation \(displayRotation)° must be 0, 90, 180 or 270")
        }
        guard width > 0, height > 0, width % 2 == 0, height % 2 == 0, width <= 16384, height <= 16384 else {
            throw VideoError(.invalidInput, "frame size \(width)x\(height) must be positive and even")
        }
        guard (1...1000).contains(fps) else { throw VideoError(.invalidInput, "frame rate \(fps) is out of range") }
        if let sampleRate, !(8000...96000).contains(sampleRate) {
            throw VideoError(.invalidInput, "audio sample rate \(sampleRate) Hz is out of range (8000–96000)")
        }
        guard (1...2).contains(audioChannels) else {
            throw VideoError(.invalidInput, "audio channels must be 1 or 2, not \(audioChannels)")
        }
        if let keyframeInterval, !(1...10_000).contains(keyframeInterval) {
            throw VideoError(.invalidInput, "keyframe interval \(keyframeInterval) is out of range (1–10000)")
        }
        guard (0...51).contains(crf) else { throw VideoError(.invalidInput, "crf \(crf) is out of range (0–51)") }
        guard Self.x264Presets.contains(preset) else {
            throw VideoError(
                .invalidInput,
                "unknown x264 preset \"\(preset)\"; use one of \(Self.x264Presets.joined(separator: ", "))")
        }
        avQuietLogging()

        let container = try Container(path: url.path)
        let video = try Encoder(
            name: "libx264", what: "H.264 video", container: container, defaultDuration: 1,
            options: [
                ("preset", preset), ("crf", String(crf)),
                (
                    "x264-params",
                    Self.x264Parameters(bFrames: bFrames, keyframeInterval: keyframeInterval)
                        + (skipRepeats ? ":cabac=0" : "")
                ),
            ]
        ) { context in
            context.pointee.width = Int32(width)
            context.pointee.height = Int32(height)
            context.pointee.pix_fmt = AV_PIX_FMT_YUV420P
            context.pointee.time_base = AVRational(num: 1, den: Int32(fps))
            context.pointee.framerate = AVRational(num: Int32(fps), den: 1)
            context.pointee.sample_aspect_ratio = AVRational(num: 1, den: 1)
            context.pointee.color_range = AVCOL_RANGE_MPEG
            context.pointee.colorspace = AVCOL_SPC_BT709
            context.pointee.color_primaries = AVCOL_PRI_BT709
            context.pointee.color_trc = AVCOL_TRC_BT709
            context.pointee.thread_count = Int32(threads)
        }
        video.stream.pointee.avg_frame_rate = AVRational(num: Int32(fps), den: 1)
        if displayRotation != 0 {
            guard let matrix = av_stream_new_side_data(video.stream, AV_PKT_DATA_DISPLAYMATRIX, 36) else {
                throw VideoError(.encoding, "could not add the display rotation to \(url.path)")
            }
            // libavutil counts angles anticlockwise, but libavformat 5.1's MP4 muxer writes the
            // matrix transposed: handing it the clockwise angle is what reads back (and plays, in
            // ffmpeg and players) as a clockwise turn. The clip decoder tests check the round trip.
            matrix.withMemoryRebound(to: Int32.self, capacity: 9) {
                av_display_rotation_set($0, Double(displayRotation))
            }
        }
        let audio = try sampleRate.map { try AudioTrack(container: container, sampleRate: $0, channels: audioChannels) }
        try container.open()
        // A timescale both frame and sample times divide exactly: edit lists stay exact.
        try container.writeHeader(movieTimescale: Self.leastCommonMultiple(fps, sampleRate ?? fps))

        if skipRepeats {
            guard bFrames == 0 else { throw VideoError(.invalidInput, "skip frames need a stream without B-frames") }
            video.keepsLastPacket = true
            skips = try H264SkipFrames(extradata: video.extradata)
        } else {
            skips = nil
        }
        self.container = container
        self.video = video
        self.audio = audio
        self.width = width
        self.height = height
        self.fps = fps
        self.sampleRate = sampleRate
        self.audioChannels = audioChannels
    }

    /// Writes one converted picture `count` times, at successive frame times.
    ///
    /// Repeating a frame that does not change is how a still picture is drawn and converted once.
    /// - Parameters:
    ///   - frame: A picture of the writer's size.
    ///   - count: How many frames it lasts (0 writes nothing).
    /// - Throws: `VideoError` for a picture of another size, after `finish()`, or when encoding fails.
    package func writeVideo(_ frame: YUVFrame, count: Int = 1) throws {
        try checkOpen()
        guard frame.width == width, frame.height == height else {
            throw VideoError(
                .invalidInput, "a \(frame.width)x\(frame.height) frame cannot go into a \(width)x\(height) video")
        }
        guard count >= 0 else { throw VideoError(.invalidInput, "frame count \(count) is negative") }
        if videoFlushed && count > 0 {
            try video.reopen()
            videoFlushed = false
        }
        if let skips, count >= Self.minimumSkipRun {
            // The picture once, as the last frame of this encoder context, then copies of it.
            try send(frame)
            try video.send(nil, to: container)
            videoFlushed = true
            try skipTime.measure {
                for packet in try skips.pictures(after: video.lastPacket, count: count - 1) {
                    try video.write(generated: packet, pts: Int64(framesWritten), to: container)
                    framesWritten += 1
                }
            }
            skipFramesWritten += count - 1
            return
        }
        for _ in 0..<count { try send(frame) }
    }

    /// The shortest hold written as skip frames: a shorter one is cheaper to encode than the
    /// key frame that follows a run.
    package static let minimumSkipRun = 8

    /// Encodes one frame at the next frame time.
    private func send(_ frame: YUVFrame) throws {
        // A new reference to the same read-only buffer, so the shared frame itself is never touched.
        guard let clone = av_frame_clone(frame.frame) else {
            throw VideoError(.encoding, "could not reference a video frame")
        }
        defer { var owned: UnsafeMutablePointer<AVFrame>? = clone; av_frame_free(&owned) }
        clone.pointee.pts = Int64(framesWritten)
        clone.pointee.pict_type = AV_PICTURE_TYPE_NONE
        try video.send(clone, to: container)
        framesWritten += 1
    }

    /// Appends mono audio samples (any chunk size) at `sampleRate`.
    /// - Parameter samples: Float samples, nominally in -1...1.
    /// - Throws: `VideoError` after `finish()` or when encoding fails.
    package func writeAudio(_ samples: [Float]) throws {
        try checkOpen()
        guard let audio else { throw VideoError(.encoding, "\(container.path) has no audio track") }
        try audio.write(samples)
        audioSamplesWritten += samples.count
    }

    /// Encodes the last partial audio frame, flushes both encoders and writes the trailer.
    ///
    /// The writer accepts nothing afterwards; calling `finish()` again does nothing.
    /// - Throws: `VideoError` when flushing or closing the file fails.
    package func finish() throws {
        guard !finished else { return }
        finished = true
        try audio?.finish()
        if !videoFlushed { try video.send(nil, to: container) }
        try container.writeTrailer()
    }

    /// The speed presets libx264 knows, fastest first.
    package static let x264Presets = [
        "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo",
    ]

    /// x264 settings beyond the preset: a short lookahead keeps 1080p memory low (slides
    /// barely move, so it costs no quality). Segments (an explicit B-frame count) also skip
    /// the macroblock tree, which saves about 35 MB per 1080p encoder when several run at once
    /// and changes little for pictures that hold still.
    static func x264Parameters(bFrames: Int?, keyframeInterval: Int? = nil) -> String {
        "rc-lookahead=5" + (bFrames.map { ":bframes=\($0):mbtree=0" } ?? "")
            + (keyframeInterval.map { ":keyint=\($0)" } ?? "")
    }

    static func leastCommonMultiple(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return a / x * b
    }

    private func checkOpen() throws {
        if finished { throw VideoError(.encoding, "\(container.path) is already finished") }
    }
}
