import VideoCore

/// A moment within a scene: how far into it, and the scene's timeline.
public struct SceneClock: Hashable, Sendable {
    /// Seconds from the start of the scene.
    public var time: Double
    /// The scene's length and spoken words.
    public var timeline: SceneTimeline

    /// The scene's whole length in seconds.
    public var duration: Double { timeline.duration }

    /// Creates a moment `time` seconds into a scene.
    /// - Parameters:
    ///   - time: Seconds from the start of the scene.
    ///   - timeline: The scene's length and spoken words.
    public init(time: Double, timeline: SceneTimeline) {
        self.time = time
        self.timeline = timeline
    }

    /// The scene's last moment, when it looks as it ends (what a still shows).
    /// - Parameter timeline: The scene's timeline.
    /// - Returns: The moment at `timeline.duration`.
    public static func end(of timeline: SceneTimeline) -> SceneClock {
        SceneClock(time: timeline.duration, timeline: timeline)
    }
}
