import Foundation
import VideoCore

/// Times the pieces of one segment's drawing and encoding on the thread that renders it, for
/// a `RenderProfiler`: a few clock reads per picture or frame, never per pixel.
///
/// # Thread safety
/// A value used by one thread; handed to the profiler when the segment is done.
struct SegmentTimer {
    /// When the segment started.
    let start = ContinuousClock.now
    /// The thread's CPU time when it started.
    let cpuStart = CPUClock.thread()
    /// Each piece's time by class of frames.
    private(set) var pieces: [Key: WorkTime] = [:]
    /// The segment's frames.
    private(set) var frames = RenderProfile.FrameCounts()
    /// The class of the frames written last (the writer's flush at the end is theirs).
    private var last = RenderProfile.FrameClass.held

    struct Key: Hashable {
        var piece: RenderProfile.Piece
        var frames: RenderProfile.FrameClass
    }

    /// Runs `body` and adds its time to `piece` for `frames`.
    mutating func measure<T>(
        _ piece: RenderProfile.Piece, _ frames: RenderProfile.FrameClass, _ body: () throws -> T
    ) rethrows -> T {
        try pieces[Key(piece: piece, frames: frames), default: WorkTime()].measure(body)
    }

    /// Writes `frame` `count` times, timing x264 and the skip frames apart, and counts the
    /// frames: a transition's as `transition`, others as `held` when the picture stays for at
    /// least `MP4Writer.minimumSkipRun` frames and as `moving` when it does not.
    mutating func write(_ frame: YUVFrame, count: Int = 1, transition: Bool = false, to writer: MP4Writer) throws {
        guard count > 0 else { return }
        let kind: RenderProfile.FrameClass =
            transition ? .transition : count >= MP4Writer.minimumSkipRun ? .held : .moving
        let (skipsBefore, skippedBefore) = (writer.skipTime, writer.skipFramesWritten)
        var total = WorkTime()
        try total.measure { try writer.writeVideo(frame, count: count) }
        let skips = writer.skipTime - skipsBefore
        let skipped = writer.skipFramesWritten - skippedBefore
        pieces[Key(piece: .encode, frames: kind), default: WorkTime()] = encodeTime(kind) + (total - skips)
        if skips.calls > 0 { pieces[Key(piece: .skips, frames: kind), default: WorkTime()] = skipTime(kind) + skips }
        switch kind {
        case .transition: frames.transition += count
        case .moving: frames.moving += count
        case .held: frames.held += count
        }
        frames.skipped += skipped
        frames.encoded += count - skipped
        last = kind
    }

    /// Finishes the writer, its flush counted as encoding the frames written last.
    mutating func finish(_ writer: MP4Writer) throws {
        try measure(.encode, last) { try writer.finish() }
        // The flush is no new call of the encoder: one call per write.
        pieces[Key(piece: .encode, frames: last)]?.calls -= 1
    }

    private func encodeTime(_ kind: RenderProfile.FrameClass) -> WorkTime {
        pieces[Key(piece: .encode, frames: kind)] ?? WorkTime()
    }

    private func skipTime(_ kind: RenderProfile.FrameClass) -> WorkTime {
        pieces[Key(piece: .skips, frames: kind)] ?? WorkTime()
    }
}
