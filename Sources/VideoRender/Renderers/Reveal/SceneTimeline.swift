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
    /// Whether items light up as the narration reaches them (`RevealMode.words`); `false`
    /// shows every item lit from the start. A quiz reveals its answer on its word either way.
    public var revealsItems: Bool
    /// The narration's language: a quiz listens for its answer cue in it.
    public var language: Language = .english

    /// Creates a timeline.
    /// - Parameters:
    ///   - duration: How long the scene lasts, in seconds.
    ///   - frameCount: How many frames it lasts.
    ///   - fps: Frames per second.
    ///   - words: The spoken words, timed from the start of the scene.
    ///   - revealsItems: Whether items light up as the narration reaches them.
    public init(duration: Double, frameCount: Int, fps: Int, words: [WordTiming], revealsItems: Bool = true) {
        self.duration = duration
        self.frameCount = frameCount
        self.fps = fps
        self.words = words
        self.revealsItems = revealsItems
    }

    /// The timeline of a scene in a timing manifest, its word times moved to the scene's start.
    /// - Parameters:
    ///   - timing: The scene's entry in the manifest (`TimingManifest.scenes`).
    ///   - fps: The manifest's frame rate.
    ///   - reveal: Whether items light up as the narration reaches them.
    public init(_ timing: SceneTiming, fps: Int, reveal: RevealMode = .words) {
        self.init(
            duration: timing.duration, frameCount: timing.frameCount, fps: fps, words: timing.wordsFromSceneStart,
            revealsItems: reveal == .words)
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
