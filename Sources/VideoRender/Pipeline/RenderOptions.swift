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
    /// Whether items light up as the narration reaches them (`--reveal`).
    public var reveal: RevealMode

    /// Creates options; the defaults suit a 1080p30 explainer.
    public init(
        preset: String = "veryfast", crf: Int = 23, theme: VideoTheme = .dark, transitionDuration: Double = 0.4,
        reveal: RevealMode = .words
    ) {
        self.preset = preset
        self.crf = crf
        self.theme = theme
        self.transitionDuration = transitionDuration
        self.reveal = reveal
    }

    private enum CodingKeys: String, CodingKey { case preset, crf, theme, transitionDuration, reveal }

    /// Decodes options; a task saved before `reveal` existed reveals on words.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            preset: try c.decode(String.self, forKey: .preset), crf: try c.decode(Int.self, forKey: .crf),
            theme: try c.decode(VideoTheme.self, forKey: .theme),
            transitionDuration: try c.decode(Double.self, forKey: .transitionDuration),
            reveal: try c.decodeIfPresent(RevealMode.self, forKey: .reveal) ?? .words)
    }
}
