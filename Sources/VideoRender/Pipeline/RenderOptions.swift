import VideoCore

/// How frames are drawn and encoded.
public struct RenderOptions: Hashable, Sendable, Codable {
    /// The x264 preset (`ultrafast` … `veryslow`).
    public var preset: String
    /// The x264 constant rate factor (lower is better quality).
    public var crf: Int
    /// The colour theme.
    public var theme: VideoTheme
    /// How long the transition into each scene lasts, in seconds (see `SceneTransition`).
    public var transitionDuration: Double

    /// Creates options; the defaults suit a 1080p30 explainer.
    public init(preset: String = "veryfast", crf: Int = 23, theme: VideoTheme = .dark, transitionDuration: Double = 0.4)
    {
        self.preset = preset
        self.crf = crf
        self.theme = theme
        self.transitionDuration = transitionDuration
    }
}
