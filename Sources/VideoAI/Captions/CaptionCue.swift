import VideoCore

/// One caption cue: up to two lines shown between two times.
public struct CaptionCue: Hashable, Sendable, Codable {
    /// When the cue appears, in seconds.
    public var start: Double
    /// When it disappears, in seconds.
    public var end: Double
    /// One or two lines of at most `CaptionBuilder.maxLineLength` characters.
    public var lines: [String]
    /// The spoken words the lines hold, in order, with their times on the cue's clock
    /// (karaoke captions light each up while it is spoken). Joining the lines' words gives the
    /// same sequence of texts.
    public var words: [WordTiming]

    /// Creates a cue.
    /// - Parameters:
    ///   - start: When the cue appears, in seconds.
    ///   - end: When it disappears, in seconds.
    ///   - lines: One or two lines of text.
    ///   - words: The spoken words the lines hold, with their times.
    public init(start: Double, end: Double, lines: [String], words: [WordTiming] = []) {
        self.start = start
        self.end = end
        self.lines = lines
        self.words = words
    }

    /// The number of characters shown, counting one space or line break between words.
    public var characterCount: Int { lines.map(\.count).reduce(0, +) + max(0, lines.count - 1) }

    /// The same cue `offset` seconds later, words included.
    /// - Parameter offset: Seconds to add to every time.
    /// - Returns: The shifted cue.
    public func shifted(by offset: Double) -> CaptionCue {
        CaptionCue(
            start: start + offset, end: end + offset, lines: lines,
            words: words.map {
                WordTiming(text: $0.text, startTime: $0.startTime + offset, endTime: $0.endTime + offset)
            })
    }
}
