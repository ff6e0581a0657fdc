import Foundation
import VideoAI
import VideoCore

/// The video stage: draws every scene, encodes it in segments cached by content hash under
/// `segments/`, and joins them by stream copy with the soundtrack into the MP4, following the
/// timing manifest exactly (`SegmentEncoder`, shared with the montage).
///
/// A picture that does not change is drawn, colour-converted and encoded once; the frames it
/// stays on screen after that are generated skip frames (Docs/SkipFrames.md). Only
/// transitions are drawn and encoded frame by frame.
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
    /// Whether this process renders one shard of the segments or joins the shards' segments
    /// (Docs/Shards.md); nil renders and joins everything here.
    public var sharing: SegmentSharing?
    /// Whether held pictures are written as skip frames (on; off only to compare against).
    var skipRepeats = true
    /// Whether the stage writes `render-profile.json` (on; off only to compare against).
    var profiles = true

    /// Creates the stage.
    /// - Parameters:
    ///   - registry: The renderers.
    ///   - options: Drawing and encoding settings.
    ///   - planner: The padding the audio stage used.
    ///   - jobs: How many segments render at once (the output does not depend on it).
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

    /// `true`: the stage draws.
    public var draws: Bool { true }

    /// Renders the missing segments and joins them into `context.directory/.video.mp4.partial`.
    /// - Parameters:
    ///   - input: The narrated video (its narration WAVs in the task folder).
    ///   - context: The task folder and the event sink.
    /// - Returns: The joined, not yet verified file.
    /// - Throws: `VideoError` when a scene cannot be drawn or encoding fails, `CancellationError`.
    public func run(_ input: NarratedVideo, context: PipelineContext) async throws -> EncodedVideo {
        let profiler = profiles ? RenderProfiler(jobs: jobs) : nil
        let plan = try RenderProfiler.span(.plan, by: profiler) {
            let narration = try AudioStage.narration(of: input.manifest, in: context.directory)
            return try encodePlan(input, narration: narration, profiler: profiler)
        }
        var encoder = SegmentEncoder(stage: name, jobs: jobs, sharing: sharing)
        encoder.profiler = profiler
        let encoded = try await encoder.encode(plan, context: context)
        if let profiler {
            try AtomicFile.write(try profiler.profile().json(), to: context.file(RenderProfile.fileName))
        }
        return encoded
    }

    /// Whether the joined file is still there.
    public func canReuse(_ output: EncodedVideo, context: PipelineContext) -> Bool {
        FileManager.default.fileExists(atPath: context.file(output.file).path)
    }

    /// The segments and soundtrack of `video`.
    func encodePlan(_ video: NarratedVideo, narration: [[Float]], profiler: RenderProfiler? = nil) throws -> EncodePlan
    {
        let manifest = video.manifest
        let format = SegmentFormat(
            width: video.config.resolution.width, height: video.config.resolution.height, fps: manifest.fps,
            preset: options.preset, crf: options.crf,
            encoder: skipRepeats ? SegmentFormat.skipEncoderVersion : SegmentFormat.encoderVersion)
        let plan = try SegmentPlan(
            video: video, options: options, format: format, renderer: { try registry.identity(of: $0) }
        ) { index in
            try keyframes(of: index, in: video).map(\.time)
        }
        let stage = self
        let segments = plan.jobs.map { job in
            EncodePlan.Segment(
                fileName: job.fileName, frameCount: job.frameCount,
                cost: job.kind == .still ? 1 : Double(job.frameCount), scene: job.scene
            ) { url, flag in
                try stage.render(job, of: video, format: format, to: url, flag: flag, profiler: profiler)
            }
        }
        let soundtrack = try self.soundtrack(of: video, narration: narration)
        return EncodePlan(
            format: format, segments: segments, order: plan.timeline, soundtrack: soundtrack,
            totalFrames: manifest.totalFrames, sceneCount: manifest.scenes.count)
    }

    /// Draws and encodes one segment into a new file at `url`, timing its pieces for `profiler`.
    func render(
        _ job: SegmentPlan.Job, of video: NarratedVideo, format: SegmentFormat, to url: URL, flag: CancellationFlag,
        profiler: RenderProfiler? = nil
    ) throws {
        var timer = SegmentTimer()
        let config = video.config
        let writer = try format.writer(to: url)
        let converter = try FrameConverter(width: config.resolution.width, height: config.resolution.height)
        let keyframes = try self.keyframes(of: job.scene, in: video)
        /// Scene `index` drawn at `time` (the theme's background for `nil`) and converted; the
        /// canvas is freed before this returns.
        func converted(_ index: Int?, at time: Double, _ kind: RenderProfile.FrameClass) throws -> YUVFrame {
            let canvas = try timer.measure(.draw, kind) {
                guard let index else {
                    let background = try Canvas(resolution: config.resolution)
                    background.fill(options.theme.background)
                    return background
                }
                return try picture(of: index, at: time, in: video)
            }
            return try timer.measure(.convert, kind) {
                try canvas.withBGRA { try converter.convert(bgra: $0, stride: $1) }
            }
        }
        switch job.kind {
        case .transition:
            // The previous scene's last picture into this scene's first. Only their converted
            // frames outlive this block: the 1080p canvases (8 MB each) are freed as soon as
            // each is converted, before the frames are encoded.
            let previous: YUVFrame
            if job.scene > 0 {
                previous = try converted(
                    job.scene - 1, at: try self.keyframes(of: job.scene - 1, in: video).last!.time, .transition)
            } else {
                previous = try converted(nil, at: 0, .transition)
            }
            let next = try converted(job.scene, at: keyframes[0].time, .transition)
            let transition = TransitionFrames(kind: job.transition, background: try converted(nil, at: 0, .transition))
            for f in 0..<job.frameCount {
                try flag.check()
                let frame = try timer.measure(.blend, .transition) {
                    try transition.frame(from: previous, to: next, progress: Double(f + 1) / Double(job.frameCount + 1))
                }
                try timer.write(frame, transition: true, to: writer)
            }
        case .still:
            try flag.check()
            let frame = try converted(job.scene, at: keyframes[0].time, Self.frameClass(of: job.frameCount))
            try timer.write(frame, count: job.frameCount, to: writer)
        case .body:
            var skip = job.skip
            for keyframe in keyframes {
                let count = keyframe.frameCount - min(skip, keyframe.frameCount)
                skip -= keyframe.frameCount - count
                guard count > 0 else { continue }
                try flag.check()
                // Drawn and converted once, sent for every frame it stays on screen.
                let frame = try converted(job.scene, at: keyframe.time, Self.frameClass(of: count))
                try timer.write(frame, count: count, to: writer)
            }
        }
        try timer.finish(writer)
        profiler?.finished(timer, file: job.fileName, kind: job.kind.rawValue, scene: job.scene)
    }

    /// The class of a picture's frames when it stays on screen for `count` frames.
    static func frameClass(of count: Int) -> RenderProfile.FrameClass {
        count >= MP4Writer.minimumSkipRun ? .held : .moving
    }

    /// Scene `index`'s keyframes: when each distinct picture appears and how many frames it
    /// stays on screen (the counts add up to the scene's frame count). Nothing is drawn.
    func keyframes(of index: Int, in video: NarratedVideo) throws -> [(time: Double, frameCount: Int)] {
        let timing = video.manifest.scenes[index]
        let fps = video.manifest.fps
        var timeline = SceneTimeline(timing, fps: fps, reveal: options.reveal)
        timeline.language = video.config.language
        var times = try registry.keyframes(for: video.config.scenes[index], timeline: timeline)
        let captions = overlay(of: index, in: video).changeTimes.filter { $0 > 0 && $0 < timing.duration }
        if !captions.isEmpty { times = Array(Set(times + captions)).sorted() }
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
            sceneCount: config.scenes.count, videoTitle: config.title, language: config.language)
        var timeline = SceneTimeline(video.manifest.scenes[index], fps: video.manifest.fps, reveal: options.reveal)
        timeline.language = config.language
        let clock = SceneClock(time: time, timeline: timeline)
        let canvas = try registry.render(config.scenes[index], context: context, at: clock)
        overlay(of: index, in: video).draw(on: canvas, at: time)
        return canvas
    }

    /// Scene `index`'s burned-in captions (none when `options.captions` is `off`).
    func overlay(of index: Int, in video: NarratedVideo) -> CaptionOverlay {
        guard options.captions != .off else { return CaptionOverlay(mode: .off, cues: []) }
        return CaptionOverlay(
            mode: options.captions,
            cues: CaptionBuilder(language: video.config.language).cues(
                for: video.manifest.scenes[index], fps: video.manifest.fps))
    }
}
