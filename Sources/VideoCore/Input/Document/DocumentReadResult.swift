/// What reading a document gives: the video and what was changed to fit the limits.
public struct DocumentReadResult: Hashable, Sendable {
    /// The validated video.
    public var config: VideoConfig
    /// One line per adjustment, for the person running the tool: boilerplate left out (each
    /// badge row, table of contents or pointer section, named) and what was changed to fit
    /// `VideoLimits` (for example scenes dropped past `VideoLimits.maxScenes`).
    public var warnings: [String]

    /// Creates a result.
    public init(config: VideoConfig, warnings: [String]) {
        self.config = config
        self.warnings = warnings
    }
}
