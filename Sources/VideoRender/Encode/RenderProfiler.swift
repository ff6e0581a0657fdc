import Foundation
import Synchronization
import VideoCore

/// Collects a video stage's spans and segment timings from the threads that do the work and
/// makes the `RenderProfile` (Docs/RenderProfile.md).
///
/// # Thread safety
/// Every method may be called from any thread; the collected values are guarded by a `Mutex`
/// that is held only to append or read them.
final class RenderProfiler: Sendable {
    private struct State {
        var spans: [RenderProfile.Span] = []
        var segments: [RenderProfile.Segment] = []
        var plays: [String: Int] = [:]
        var cachedFrames = 0
    }

    private let origin = ContinuousClock.now
    private let cpuOrigin = CPUClock.process()
    private let jobs: Int
    private let state = Mutex(State())

    /// Starts the stage's clock now.
    /// - Parameter jobs: Segments rendered at once at most.
    init(jobs: Int) {
        self.jobs = jobs
    }

    /// Seconds from the start of the stage to `instant`.
    private func seconds(_ instant: ContinuousClock.Instant) -> Double { (instant - origin).seconds }

    /// Runs `body` on the calling thread (with no suspension inside) as a span of `piece`.
    func span<T>(_ piece: RenderProfile.Piece, _ body: () throws -> T) rethrows -> T {
        let (start, cpu) = (ContinuousClock.now, CPUClock.thread())
        defer {
            let span = RenderProfile.Span(
                piece: piece, start: seconds(start), end: seconds(.now), cpuSeconds: (CPUClock.thread() - cpu).seconds)
            state.withLock { $0.spans.append(span) }
        }
        return try body()
    }

    /// Runs `body` as a span of `piece` when there is a profiler, else just runs it.
    static func span<T>(
        _ piece: RenderProfile.Piece, by profiler: RenderProfiler?, _ body: () throws -> T
    ) rethrows -> T {
        guard let profiler else { return try body() }
        return try profiler.span(piece, body)
    }

    /// Records what a plan plays: how often each segment repeats and the frames of the ones
    /// already cached.
    func plan(_ plan: EncodePlan, cached: [EncodePlan.Segment]) {
        let plays = Dictionary(plan.order.map { ($0, 1) }, uniquingKeysWith: +)
        let frames = cached.map { $0.frameCount * (plays[$0.fileName] ?? 1) }.reduce(0, +)
        state.withLock {
            $0.plays = plays
            $0.cachedFrames = frames
        }
    }

    /// Records a segment the calling thread has finished (its timer started with it).
    func finished(_ timer: SegmentTimer, file: String, kind: String, scene: Int) {
        let end = ContinuousClock.now
        let pieces = timer.pieces.map { key, time in
            RenderProfile.PieceTime(
                piece: key.piece, frames: key.frames, seconds: time.wall.seconds, cpuSeconds: time.cpu.seconds,
                calls: time.calls)
        }
        let segment = RenderProfile.Segment(
            file: file, kind: kind, scene: scene, plays: 1, start: seconds(timer.start), end: seconds(end),
            cpuSeconds: (CPUClock.thread() - timer.cpuStart).seconds, frames: timer.frames,
            pieces: pieces.sorted { ($0.piece.rawValue, $0.frames.rawValue) < ($1.piece.rawValue, $1.frames.rawValue) })
        state.withLock { $0.segments.append(segment) }
    }

    /// The profile of everything recorded, the stage ending now.
    func profile() -> RenderProfile {
        let wall = seconds(.now)
        let cpu = (CPUClock.process() - cpuOrigin).seconds
        let state = state.withLock { $0 }
        var segments = state.segments.sorted { ($0.start, $0.file) < ($1.start, $1.file) }
        for i in segments.indices { segments[i].plays = state.plays[segments[i].file] ?? 1 }
        var frames = RenderProfile.FrameCounts(cached: state.cachedFrames)
        var totals: [SegmentTimer.Key: (seconds: Double, cpu: Double, calls: Int)] = [:]
        for segment in segments {
            let n = segment.plays
            frames.transition += segment.frames.transition * n
            frames.moving += segment.frames.moving * n
            frames.held += segment.frames.held * n
            frames.encoded += segment.frames.encoded * n
            frames.skipped += segment.frames.skipped * n
            for piece in segment.pieces {
                let key = SegmentTimer.Key(piece: piece.piece, frames: piece.frames)
                let sum = totals[key] ?? (0, 0, 0)
                totals[key] = (sum.seconds + piece.seconds, sum.cpu + piece.cpuSeconds, sum.calls + piece.calls)
            }
        }
        let pieces = totals.map { key, sum in
            RenderProfile.PieceTime(
                piece: key.piece, frames: key.frames, seconds: sum.seconds, cpuSeconds: sum.cpu, calls: sum.calls)
        }.sorted { ($0.piece.rawValue, $0.frames.rawValue) < ($1.piece.rawValue, $1.frames.rawValue) }
        let spans = state.spans.sorted { ($0.start, $0.piece.rawValue) < ($1.start, $1.piece.rawValue) }
        return RenderProfile(
            cores: ProcessInfo.processInfo.activeProcessorCount, jobs: jobs, wallSeconds: wall, cpuSeconds: cpu,
            spans: spans, segments: segments, frames: frames, pieces: pieces,
            summary: Self.summary(
                wall: wall, cpu: cpu, spans: spans, segments: segments, pieces: pieces, frames: frames))
    }

    /// The overlap figures of the spans and segments.
    static func summary(
        wall: Double, cpu: Double, spans: [RenderProfile.Span], segments: [RenderProfile.Segment],
        pieces: [RenderProfile.PieceTime], frames: RenderProfile.FrameCounts
    ) -> RenderProfile.Summary {
        let intervals = spans.map { ($0.start, $0.end) } + segments.map { ($0.start, $0.end) }
        // Sweep the starts and ends in time order, ends before starts at the same instant.
        let events = (intervals.map { ($0.0, 1) } + intervals.map { ($0.1, -1) }).sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var running = 0
        var previous = 0.0
        var (alone, together) = (0.0, 0.0)
        for (time, step) in events {
            let length = max(time - previous, 0)
            if running == 1 { alone += length } else if running >= 2 { together += length }
            running += step
            previous = max(previous, time)
        }
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        let busy = spans.map(\.cpuSeconds).reduce(0, +) + segments.map(\.cpuSeconds).reduce(0, +)
        let work = pieces.map(\.cpuSeconds).reduce(0, +)
        let classes = RenderProfile.FrameClass.allCases.map { kind in
            let mine = pieces.filter { $0.frames == kind }
            let cpu = mine.map(\.cpuSeconds).reduce(0, +)
            let count =
                switch kind {
                case .transition: frames.transition
                case .moving: frames.moving
                case .held: frames.held
                }
            return RenderProfile.ClassTime(
                frames: kind, frameCount: count, seconds: mine.map(\.seconds).reduce(0, +), cpuSeconds: cpu,
                share: work > 0 ? cpu / work : 0)
        }
        let safeWall = max(wall, 1e-9)
        return RenderProfile.Summary(
            busyCpuSeconds: busy, coresBusy: cpu / safeWall, utilisation: cpu / (safeWall * cores),
            concurrentSeconds: together, overlapShare: together / safeWall, aloneSeconds: alone,
            idleSeconds: max(wall - alone - together, 0),
            changedShare: classes.filter { $0.frames != .held }.map(\.share).reduce(0, +), classes: classes)
    }
}

extension Duration {
    /// The duration in seconds.
    fileprivate var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
