import VideoCore

/// One caption cue: up to two lines shown between two times.
public struct CaptionCue: Hashable, Sendable, Codable {
    /// When the cue appears, in seconds.
    public var start: Double
    /// When it disappears, in seconds.
    public var end: Double
    /// One or two lines of at most `CaptionBuilder.maxLineLength` characters.
    public var lines: [String]

    /// Creates a cue.
    public init(start: Double, end: Double, lines: [String]) {
        self.start = start
        self.end = end
        self.lines = lines
    }
}
