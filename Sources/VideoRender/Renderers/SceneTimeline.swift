import VideoCore

/// When a scene's words are spoken: what a renderer needs to change its picture in time
/// with the narration (a quiz reveals its answer on the word that starts it).
///
/// Made from the timing manifest for rendering (`init(_:fps:)`); stills and tests without
/// speech use `still(duration:fps:)`, which knows no words.
public struct SceneTimeline: Hashable, Sendable {
    /// How long the scene lasts, in seconds.
    public var duration: Double
    /// How many frames the scene lasts.
    public var frameCount: Int
    /// Frames per second.
    public var fps: Int
    /// Every spoken word, in order, with times in seconds from the start of the scene (not
    /// of the video); empty when the words are not known.
    public var words: [WordTiming]

    /// Creates a timeline.
    /// - Parameters:
    ///   - duration: How long the scene lasts, in seconds.
    ///   - frameCount: How many frames it lasts.
    ///   - fps: Frames per second.
    ///   - words: The spoken words, timed from the start of the scene.
    public init(duration: Double, frameCount: Int, fps: Int, words: [WordTiming]) {
        self.duration = duration
        self.frameCount = frameCount
        self.fps = fps
        self.words = words
    }

    /// The timeline of a scene in a timing manifest, its word times moved to the scene's start.
    /// - Parameters:
    ///   - timing: The scene's entry in the manifest (`TimingManifest.scenes`).
    ///   - fps: The manifest's frame rate.
    public init(_ timing: SceneTiming, fps: Int) {
        self.init(duration: timing.duration, frameCount: timing.frameCount, fps: fps, words: timing.wordsFromSceneStart)
    }

    /// A timeline without words, `duration` seconds long (rounded to whole frames for
    /// `frameCount`).
    /// - Parameters:
    ///   - duration: How long the scene lasts, in seconds.
    ///   - fps: Frames per second.
    /// - Returns: The timeline.
    public static func still(duration: Double, fps: Int) -> SceneTimeline {
        let frames = duration.isFinite ? max(0, (duration * Double(fps)).rounded()) : 0
        return SceneTimeline(duration: duration, frameCount: Int(min(frames, 1e9)), fps: fps, words: [])
    }
}
