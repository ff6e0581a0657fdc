import Foundation
import Synchronization
import VideoCore

/// Encodes an `EncodePlan`: the one cache and join path of every kind of video.
///
/// Segments already in the task's `segments/` folder (from an earlier run of the same or an
/// edited video) are reused; the missing ones are drawn and encoded in parallel, up to `jobs`
/// at a time, each on a dedicated thread (x264 and Cairo block), heaviest first. The soundtrack
/// is encoded beside them in one continuous pass, so no join falls inside an AAC frame. Then
/// `SegmentJoiner` copies every segment's packets, in playing order, with the soundtrack's under
/// them, into `.video.mp4.partial`: no picture is encoded twice. The bits depend on neither
/// `jobs` nor the order segments finish in.
struct SegmentEncoder: Sendable {
    /// The stage's name, for progress.
    var stage: String
    /// How many segments render at once.
    var jobs: Int
    /// Whether segments are shared with other processes (a shard, or the join after them).
    var sharing: SegmentSharing?
    /// Records the soundtrack's and the join's spans and what the plan plays, when the stage
    /// writes a render profile (`RenderProfile`).
    var profiler: RenderProfiler? = nil

    /// The joined file's name in the task folder.
    static let partialFile = ".video.mp4.partial"

    /// Renders the missing segments and the soundtrack, and joins them.
    /// - Parameters:
    ///   - plan: What to encode.
    ///   - context: The task folder and the event sink.
    /// - Returns: The joined file and what the cache saved.
    /// - Throws: `VideoError` when drawing, encoding or joining fails, `CancellationError`; no
    ///   partial output is left behind (finished segments stay cached).
    func encode(_ plan: EncodePlan, context: PipelineContext) async throws -> EncodedVideo {
        let wanted = Set(plan.segments.map(\.fileName) + [plan.soundtrack.fileName])
        let (folder, absent) = try files(wanted, of: plan, context: context)
        let missing = plan.segments.filter { absent.contains($0.fileName) }
        if sharing == .join, !absent.isEmpty {
            throw VideoError(
                .invalidInput,
                "\(absent.count) of \(wanted.count) segment files are missing; render every shard (--shard i/N) first",
                field: "shard")
        }
        let total = max(plan.totalFrames, 1)
        let frames = Dictionary(plan.order.map { ($0, 1) }, uniquingKeysWith: +)
        // Progress counts frames as they play: a repeated segment counts each time.
        func played(_ segment: EncodePlan.Segment) -> Int { segment.frameCount * (frames[segment.fileName] ?? 1) }
        profiler?.plan(plan, cached: plan.segments.filter { !absent.contains($0.fileName) })
        var done = plan.segments.filter { !absent.contains($0.fileName) }.map(played).reduce(0, +)
        context.report(
            stage, Double(done) / Double(total),
            "\(plan.segments.count - missing.count) of \(plan.segments.count) segments cached", frame: done,
            frameCount: total)
        let soundtrackURL = folder.appendingPathComponent(plan.soundtrack.fileName)
        let sound = Task {
            guard absent.contains(plan.soundtrack.fileName) else { return }
            let profiler = self.profiler
            try await Self.encode(to: soundtrackURL, in: folder, extension: "m4a") { url, flag in
                try RenderProfiler.span(.audio, by: profiler) { try plan.soundtrack.encode(url, flag) }
            }
        }
        defer { sound.cancel() }
        try await withThrowingTaskGroup(of: EncodePlan.Segment.self) { group in
            var queue = missing.sorted { $0.cost > $1.cost }.makeIterator()
            func start(_ segment: EncodePlan.Segment) {
                group.addTask {
                    try await Self.encode(
                        to: folder.appendingPathComponent(segment.fileName), in: folder, extension: "mp4",
                        segment.encode)
                    return segment
                }
            }
            for _ in 0..<max(1, jobs) { if let segment = queue.next() { start(segment) } }
            while let segment = try await group.next() {
                done += played(segment)
                let detail =
                    segment.scene.map { "scene \($0 + 1) of \(plan.sceneCount ?? 0)" } ?? "frame \(done) of \(total)"
                context.report(
                    stage, Double(done) / Double(total), detail, scene: segment.scene.map { $0 + 1 },
                    sceneCount: segment.scene == nil ? nil : plan.sceneCount, frame: done, frameCount: total)
                if let next = queue.next() { start(next) }
            }
        }
        try await sound.value
        try Task.checkCancellation()
        if case .shard = sharing {
            return EncodedVideo(file: "", renderedSegments: missing.count, cachedSegments: 0)
        }
        let url = context.file(Self.partialFile)
        try? FileManager.default.removeItem(at: url)
        do {
            let files = plan.order.map { folder.appendingPathComponent($0) }
            let joiner = try RenderProfiler.span(.join, by: profiler) {
                let joiner = try SegmentJoiner(url: url, template: files[0], fps: plan.format.fps, audio: soundtrackURL)
                for file in files { try joiner.append(file) }
                try joiner.finish()
                return joiner
            }
            guard joiner.framesWritten == plan.totalFrames else {
                throw VideoError(
                    .encoding, "the segments hold \(joiner.framesWritten) frames; the plan says \(plan.totalFrames)")
            }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        context.report(stage, 1, "\(plan.totalFrames) frames", frame: total, frameCount: total)
        return EncodedVideo(
            file: Self.partialFile, renderedSegments: missing.count, cachedSegments: plan.segments.count - missing.count
        )
    }

    /// The segments folder and the wanted files this process must encode: all that are
    /// missing (the folder is then cleaned of the rest), or a shard's share of them in the
    /// shared folder (left as it is: other shards write there too).
    private func files(_ wanted: Set<String>, of plan: EncodePlan, context: PipelineContext) throws -> (
        URL, Set<String>
    ) {
        guard case .shard(let shard, let shared) = sharing else {
            let folder = context.file("segments")
            return (folder, try SegmentCache.prepare(folder, keeping: wanted))
        }
        let folder = URL(fileURLWithPath: shared, isDirectory: true)
        try AtomicFile.makeDirectory(folder)
        let owned = shard.owned(plan.segments.map(\.fileName)).union(shard.index == 0 ? [plan.soundtrack.fileName] : [])
        return (
            folder,
            owned.filter { !FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        )
    }

    /// Runs `body` on a dedicated thread into a temporary file, then moves it to `url`.
    private static func encode(
        to url: URL, in folder: URL, extension ext: String,
        _ body: @escaping @Sendable (URL, CancellationFlag) throws -> Void
    ) async throws {
        try await DedicatedThread.run(name: "vgen-encode") { flag in
            let temporary = folder.appendingPathComponent(".tmp-\(UUID().uuidString).\(ext)")
            defer { try? FileManager.default.removeItem(at: temporary) }
            try flag.check()
            try body(temporary, flag)
            try AtomicFile.replace(url, with: temporary)
        }
    }
}
