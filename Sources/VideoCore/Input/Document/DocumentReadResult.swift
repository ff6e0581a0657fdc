/// What reading a document gives: the video and what was changed to fit the limits.
public struct DocumentReadResult: Hashable, Sendable {
    /// The validated video.
    public var config: VideoConfig
    /// One line per adjustment made to fit `VideoLimits` (for example scenes dropped past
    /// `VideoLimits.maxScenes`), for the person running the tool.
    public var warnings: [String]

    /// Creates a result.
    public init(config: VideoConfig, warnings: [String]) {
        self.config = config
        self.warnings = warnings
    }
}
