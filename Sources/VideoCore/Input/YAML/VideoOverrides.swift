/// The settings a caller (typically the CLI) imposes on every video of a YAML spec; `nil`
/// leaves the spec's own value (or the default) in place.
///
/// ```swift
/// // vgen --yaml course.yaml --fps 24: only the frame rate changes.
/// let adapter = YAMLAdapter(url: spec, overrides: VideoOverrides(fps: 24))
/// ```
public struct VideoOverrides: Hashable, Sendable {
    /// The accent colour of every video.
    public var accentColor: AccentColor?
    /// The default voice of every video (scenes with their own `voice` keep it).
    public var voice: Voice?
    /// The frame size of every video.
    public var resolution: Resolution?
    /// The frame rate of every video.
    public var fps: Int?
    /// The theme of every video.
    public var theme: ThemeName?
    /// The video id; only valid for a spec holding one video.
    public var videoID: String?
    /// The language of every video.
    public var language: Language?

    /// Creates overrides; every argument defaults to "keep the spec's value".
    public init(
        accentColor: AccentColor? = nil, voice: Voice? = nil, resolution: Resolution? = nil, fps: Int? = nil,
        theme: ThemeName? = nil, videoID: String? = nil, language: Language? = nil
    ) {
        self.accentColor = accentColor
        self.voice = voice
        self.resolution = resolution
        self.fps = fps
        self.theme = theme
        self.videoID = videoID
        self.language = language
    }

    /// Overrides every field `settings` has (accent colour, voice, resolution, fps, language and
    /// its video id when set).
    public init(_ settings: VideoSettings) {
        self.init(
            accentColor: settings.accentColor, voice: settings.voice, resolution: settings.resolution,
            fps: settings.fps,
            videoID: settings.videoID, language: settings.language)
    }
}

/// The colour theme a spec asks for: `dark` (light text on slate, the default) or `light`.
///
/// VideoRender maps it to its `VideoTheme` (`VideoTheme(named:)`).
public enum ThemeName: String, Hashable, Sendable, CaseIterable, Codable {
    /// Light text on a deep slate background.
    case dark
    /// Dark text on an off-white background.
    case light
}
