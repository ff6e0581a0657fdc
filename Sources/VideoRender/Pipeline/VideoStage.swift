import Foundation

/// The video stage: draws every scene, encodes it as its own segment (cached by content
/// hash under `segments/`), and joins the segments by stream copy with the soundtrack into
/// the MP4, following the timing manifest exactly.
///
/// A picture that does not change is drawn and colour-converted once and sent to the
/// encoder for every frame it stays on screen; only transitions are drawn frame by frame.
/// Segments render in parallel, up to `jobs` at a time, and a segment already in the cache
/// is not drawn again, so re-rendering after editing one scene redraws only that scene (and
/// the transitions on either side of it).
public struct VideoStage: PipelineStage {
    /// The renderers by scene type.
    public var registry: RendererRegistry
    /// Drawing and encoding settings.
    public var options: RenderOptions
    /// The padding the audio stage used (to place narration in the soundtrack).
    public var planner: TimingPlanner
    /// How many segments render at once.
    public var jobs: Int

    /// Creates the stage.
    public init(
        registry: RendererRegistry = .standard, options: RenderOptions = RenderOptions(),
        planner: TimingPlanner = TimingPlanner(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.registry = registry
        self.options = options
        self.planner = planner
        self.jobs = max(1, jobs)
    }

    /// `video`.
    public var name: String { "video" }

    /// Renders the missing segments and joins them into `context.directory/.video.mp4.partial`.
    /// - Returns: The URL of the joined, not yet verified file.
    public func run(_ input: NarratedVideo, context: PipelineContext) async throws -> URL {
        let manifest = input.manifest
        let plan = try SegmentPlan(video: input, options: options, fps: manifest.fps) { index in
            try registry.keyframes(
                for: input.config.scenes[index], timeline: SceneTimeline(manifest.scenes[index], fps: manifest.fps))
        }
        let folder = context.directory.appendingPathComponent("segments")
        let absent = try SegmentCache.prepare(folder, keeping: Set(plan.jobs.map(\.fileName)))
        let missing = plan.jobs.filter { absent.contains($0.fileName) }
        let total = max(plan.jobs.map(\.frameCount).reduce(0, +), 1)
        var done = plan.jobs.filter { !missing.map(\.key).contains($0.key) }.map(\.frameCount).reduce(0, +)
        context.report(
            name, Double(done) / Double(total),
            "\(plan.jobs.count - missing.count) of \(plan.jobs.count) segments cached",
            frame: done, frameCount: total)
        let stage = self
        try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            var queue = missing.makeIterator()
            func start(_ job: SegmentPlan.Job) {
                group.addTask {
                    try stage.render(job, of: input, to: folder)
                    return (job.frameCount, job.scene)
                }
            }
            for _ in 0..<jobs { if let job = queue.next() { start(job) } }
            while let (frames, scene) = try await group.next() {
                done += frames
                context.report(
                    name, Double(done) / Double(total), "scene \(scene + 1) of \(manifest.scenes.count)",
                    scene: scene + 1,
                    sceneCount: manifest.scenes.count, frame: done, frameCount: total)
                if let job = queue.next() { start(job) }
            }
        }
        try Task.checkCancellation()
        let url = context.directory.appendingPathComponent(".video.mp4.partial")
        try? FileManager.default.removeItem(at: url)
        do {
            let first = folder.appendingPathComponent(plan.timeline[0])
            let joiner = try SegmentJoiner(
                url: url, template: first, fps: manifest.fps, sampleRate: manifest.sampleRate)
            for name in plan.timeline { try joiner.append(folder.appendingPathComponent(name)) }
            for scene in manifest.scenes {
                try joiner.writeAudio(input.soundtrack(frames: scene.startFrame..<scene.endFrame, planner: planner))
            }
            try joiner.finish()
            guard joiner.framesWritten == manifest.totalFrames else {
                throw VideoError(
                    .encoding,
                    "the segments hold \(joiner.framesWritten) frames; the manifest says \(manifest.totalFrames)")
            }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        context.report(name, 1, "\(manifest.totalFrames) frames", frame: total, frameCount: total)
        return url
    }

    /// Draws and encodes one segment into `folder`, atomically.
    func render(_ job: SegmentPlan.Job, of video: NarratedVideo, to folder: URL) throws {
        let config = video.config
        let target = folder.appendingPathComponent(job.fileName)
        let temporary = folder.appendingPathComponent(".tmp-\(UUID().uuidString).mp4")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let writer = try MP4Writer(
            url: temporary, width: config.resolution.width, height: config.resolution.height, fps: video.manifest.fps,
            sampleRate: nil, audioChannels: 1, preset: options.preset, crf: options.crf, bFrames: 0,
            threads: max(1, ProcessInfo.processInfo.activeProcessorCount / jobs))
        let converter = try FrameConverter(width: config.resolution.width, height: config.resolution.height)
        let keyframes = try self.keyframes(of: job.scene, in: video)
        switch job.kind {
        case .transition:
            // The previous scene's last picture into this scene's first.
            let first = try picture(of: job.scene, at: keyframes[0].time, in: video)
            let previous: Canvas
            if job.scene > 0 {
                let last = try self.keyframes(of: job.scene - 1, in: video).last!.time
                previous = try picture(of: job.scene - 1, at: last, in: video)
            } else {
                previous = try Canvas(resolution: config.resolution)
                previous.fill(options.theme.background)
            }
            let transition = SceneTransition(kind: job.transition, background: options.theme.background)
            let frame = try Canvas(resolution: config.resolution)  // drawn over for every frame
            for f in 0..<job.frameCount {
                try Task.checkCancellation()
                transition.draw(
                    from: previous, to: first, progress: Double(f + 1) / Double(job.frameCount + 1), on: frame)
                try writer.writeVideo(try frame.withBGRA { try converter.convert(bgra: $0, stride: $1) })
            }
        case .still:
            try Task.checkCancellation()
            let still = try picture(of: job.scene, at: keyframes[0].time, in: video)
            let frame = try still.withBGRA { try converter.convert(bgra: $0, stride: $1) }
            try writer.writeVideo(frame, count: job.frameCount)
        case .body:
            var skip = job.skip
            for keyframe in keyframes {
                let count = keyframe.frameCount - min(skip, keyframe.frameCount)
                skip -= keyframe.frameCount - count
                guard count > 0 else { continue }
                try Task.checkCancellation()
                // Drawn and converted once, sent for every frame it stays on screen.
                let picture = try picture(of: job.scene, at: keyframe.time, in: video)
                let frame = try picture.withBGRA { try converter.convert(bgra: $0, stride: $1) }
                try writer.writeVideo(frame, count: count)
            }
        }
        try writer.finish()
        try AtomicFile.replace(target, with: temporary)
    }

    /// Scene `index`'s keyframes: when each distinct picture appears and how many frames it
    /// stays on screen (the counts add up to the scene's frame count). Nothing is drawn.
    func keyframes(of index: Int, in video: NarratedVideo) throws -> [(time: Double, frameCount: Int)] {
        let timing = video.manifest.scenes[index]
        let fps = video.manifest.fps
        let times = try registry.keyframes(for: video.config.scenes[index], timeline: SceneTimeline(timing, fps: fps))
        var starts = times.map { min(max(Int(($0 * Double(fps)).rounded()), 0), timing.frameCount - 1) }
        starts[0] = 0
        return starts.indices.compactMap { k in
            let end = k + 1 < starts.count ? starts[k + 1] : timing.frameCount
            return end > starts[k] ? (times[k], end - starts[k]) : nil
        }
    }

    /// Scene `index` drawn as it looks `time` seconds in.
    func picture(of index: Int, at time: Double, in video: NarratedVideo) throws -> Canvas {
        let config = video.config
        let context = RenderContext(
            resolution: config.resolution, accentColor: config.accentColor, theme: options.theme, sceneIndex: index,
            sceneCount: config.scenes.count, videoTitle: config.title)
        let timeline = SceneTimeline(video.manifest.scenes[index], fps: video.manifest.fps)
        let clock = SceneClock(time: time, timeline: timeline)
        return try registry.render(config.scenes[index], context: context, at: clock)
    }
}
