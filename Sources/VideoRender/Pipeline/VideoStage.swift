import Foundation

/// The video stage: draws every scene and encodes the frames and the soundtrack into an MP4,
/// following the timing manifest exactly.
///
/// Each scene is drawn and colour-converted once per keyframe (most scenes have one; a quiz
/// has two, before and after its answer is revealed); the encoder receives that one frame for
/// all the frames it stays on screen. Only the transition at the start of a scene is drawn
/// frame by frame.
public struct VideoStage: PipelineStage {
    /// The renderers by scene type.
    public var registry: RendererRegistry
    /// Drawing and encoding settings.
    public var options: RenderOptions
    /// The padding the audio stage used (to place narration in the soundtrack).
    public var planner: TimingPlanner

    /// Creates the stage.
    public init(registry: RendererRegistry = .standard, options: RenderOptions = RenderOptions(), planner: TimingPlanner = TimingPlanner()) {
        self.registry = registry
        self.options = options
        self.planner = planner
    }

    /// `video`.
    public var name: String { "video" }

    /// Renders and encodes to `context.directory/.video.mp4.partial`.
    /// - Returns: The URL of the encoded, not yet verified file.
    public func run(_ input: NarratedVideo, context: PipelineContext) async throws -> URL {
        let config = input.config
        let manifest = input.manifest
        let url = context.directory.appendingPathComponent(".video.mp4.partial")
        try? FileManager.default.removeItem(at: url)
        do {
            let writer = try MP4Writer(
                url: url, width: config.resolution.width, height: config.resolution.height, fps: manifest.fps,
                sampleRate: manifest.sampleRate, audioChannels: 1, preset: options.preset, crf: options.crf)
            let converter = try FrameConverter(width: config.resolution.width, height: config.resolution.height)
            var previous = try Canvas(resolution: config.resolution)
            previous.fill(options.theme.background)
            for (i, (scene, timing)) in zip(config.scenes, manifest.scenes).enumerated() {
                try Task.checkCancellation()
                context.report(
                    name, Double(timing.startFrame) / Double(max(manifest.totalFrames, 1)),
                    "scene \(i + 1) of \(config.scenes.count)")
                try writer.writeAudio(input.soundtrack(frames: timing.startFrame..<timing.endFrame, planner: planner))
                let renderContext = RenderContext(
                    resolution: config.resolution, accentColor: config.accentColor, theme: options.theme, sceneIndex: i,
                    sceneCount: config.scenes.count, videoTitle: config.title)
                let segments = try pictures(of: scene, timing: timing, fps: manifest.fps, context: renderContext)
                let transition = SceneTransition(
                    kind: scene.transition ?? config.transition, background: options.theme.background)
                for (k, segment) in segments.enumerated() {
                    var frames = segment.frameCount
                    if k == 0 && transition.kind != .cut {
                        // The transition plays over the start of the scene's own frames.
                        let count = min(Int((options.transitionDuration * Double(manifest.fps)).rounded()), frames / 2)
                        for f in 0..<count {
                            let blend = try transition.frame(
                                from: previous, to: segment.picture, progress: Double(f + 1) / Double(count + 1))
                            try writer.writeVideo(try blend.withBGRA { try converter.convert(bgra: $0, stride: $1) })
                        }
                        frames -= count
                    }
                    // Drawn and converted once, sent for every frame it stays on screen.
                    let frame = try segment.picture.withBGRA { try converter.convert(bgra: $0, stride: $1) }
                    try writer.writeVideo(frame, count: frames)
                }
                previous = segments[segments.count - 1].picture
            }
            try writer.finish()
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        context.report(name, 1, "\(manifest.totalFrames) frames")
        return url
    }

    /// The scene's distinct pictures (one per renderer keyframe) and how many frames each
    /// stays on screen; the counts add up to the scene's frame count.
    func pictures(of scene: SceneConfig, timing: SceneTiming, fps: Int, context: RenderContext) throws
        -> [(picture: Canvas, frameCount: Int)]
    {
        let times = try registry.keyframes(for: scene, duration: timing.duration)
        var starts = times.map { min(max(Int(($0 * Double(fps)).rounded()), 0), timing.frameCount - 1) }
        starts[0] = 0
        var segments: [(Canvas, Int)] = []
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : timing.frameCount
            guard end > start else { continue }
            let clock = SceneClock(time: times[k], duration: timing.duration)
            segments.append((try registry.render(scene, context: context, at: clock), end - start))
        }
        return segments
    }
}
