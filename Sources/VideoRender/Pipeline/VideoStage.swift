import Foundation

/// The video stage: draws every scene and encodes the frames and the soundtrack into an MP4,
/// following the timing manifest exactly.
///
/// Each scene is drawn and colour-converted once; the encoder receives that one frame for
/// all of the scene's frames except the crossfade at its start, which is blended from the
/// previous scene's picture frame by frame.
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
                context.report(name, Double(timing.startFrame) / Double(max(manifest.totalFrames, 1)), "scene \(i + 1) of \(config.scenes.count)")
                try writer.writeAudio(input.soundtrack(frames: timing.startFrame..<timing.endFrame, planner: planner))
                let renderContext = RenderContext(
                    resolution: config.resolution, accentColor: config.accentColor, theme: options.theme, sceneIndex: i,
                    sceneCount: config.scenes.count, videoTitle: config.title)
                let still = try registry.render(scene, context: renderContext)
                let fadeFrames = min(Int((options.fadeDuration * Double(manifest.fps)).rounded()), timing.frameCount / 2)
                for f in 0..<fadeFrames {
                    let blend = previous.copy()
                    blend.paint(still, alpha: Double(f + 1) / Double(fadeFrames + 1))
                    try writer.writeVideo(try blend.withBGRA { try converter.convert(bgra: $0, stride: $1) })
                }
                let frame = try still.withBGRA { try converter.convert(bgra: $0, stride: $1) }
                try writer.writeVideo(frame, count: timing.frameCount - fadeFrames)
                previous = still
            }
            try writer.finish()
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        context.report(name, 1, "\(manifest.totalFrames) frames")
        return url
    }
}
