/// One video read from a YAML spec: the validated configuration and the look the spec asks
/// for beyond it.
public struct YAMLVideo: Hashable, Sendable {
    /// The validated video.
    public var config: VideoConfig
    /// The theme the spec (or the overrides) asks for; `nil` leaves the renderer's default.
    public var theme: ThemeName?

    /// Creates a read video.
    public init(config: VideoConfig, theme: ThemeName? = nil) {
        self.config = config
        self.theme = theme
    }
}
