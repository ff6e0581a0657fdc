import Foundation

/// One video read from a YAML spec: the validated configuration and the look the spec asks
/// for beyond it.
public struct YAMLVideo: Hashable, Sendable {
    /// The validated video.
    public var config: VideoConfig
    /// The theme the spec (or the overrides) asks for; `nil` leaves the renderer's default.
    public var theme: ThemeName?
    /// The caption mode the spec asks for (`captions:`); `nil` leaves the default (`off`).
    public var captions: CaptionMode?
    /// The music bed the spec names (`music:`, resolved inside the spec's folder).
    public var music: URL?
    /// The loudness target the spec asks for (`loudness:`, in LUFS).
    public var loudness: Double?

    /// Creates a read video.
    /// - Parameters:
    ///   - config: The validated video.
    ///   - theme: The theme the spec asks for.
    ///   - captions: The caption mode the spec asks for.
    ///   - music: The music file the spec names.
    ///   - loudness: The loudness target the spec asks for, in LUFS.
    public init(
        config: VideoConfig, theme: ThemeName? = nil, captions: CaptionMode? = nil, music: URL? = nil,
        loudness: Double? = nil
    ) {
        self.config = config
        self.theme = theme
        self.captions = captions
        self.music = music
        self.loudness = loudness
    }
}
