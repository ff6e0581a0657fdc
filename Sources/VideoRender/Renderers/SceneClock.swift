/// A moment within a scene: how far into it and how long it lasts, in seconds.
public struct SceneClock: Hashable, Sendable {
    /// Seconds from the start of the scene.
    public var time: Double
    /// The scene's whole length in seconds.
    public var duration: Double

    /// Creates a moment `time` seconds into a scene lasting `duration` seconds.
    public init(time: Double, duration: Double) {
        self.time = time
        self.duration = duration
    }

    /// The scene's last moment, when it looks as it ends (what a still shows).
    public static func end(of duration: Double) -> SceneClock { SceneClock(time: duration, duration: duration) }
}
