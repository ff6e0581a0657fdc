import VideoCore

/// Builds caption cues from the timing manifest's word timings.
///
/// Cues hold at most two lines of at most 42 characters, break after sentences where they
/// can, and never cross a scene boundary.
public struct CaptionBuilder: Sendable {
    /// The longest line, in characters.
    public static let maxLineLength = 42
    /// The most lines in one cue.
    public static let maxLines = 2

    /// Creates a builder.
    public init() {}

    /// The cues of a whole video, in order.
    public func captions(for manifest: TimingManifest) -> [CaptionCue] {
        manifest.scenes.flatMap { scene in
            cues(for: scene.words.filter { !$0.text.isEmpty }, sceneEnd: scene.endTime)
        }
    }

    private func cues(for words: [WordTiming], sceneEnd: Double) -> [CaptionCue] {
        var cues: [CaptionCue] = []
        var current: [WordTiming] = []
        func flush() {
            guard let first = current.first, let last = current.last else { return }
            let end = min(max(last.endTime, first.startTime + 0.2), sceneEnd)
            cues.append(CaptionCue(start: first.startTime, end: end, lines: wrap(current.map(\.text))))
            current.removeAll()
        }
        for word in words.flatMap(splitLong) {
            if !current.isEmpty && wrap((current + [word]).map(\.text)).count > Self.maxLines {
                flush()
            }
            current.append(word)
            // Break after a sentence once the cue holds a reasonable amount of text.
            if let last = word.text.last, ".!?".contains(last),
                current.map(\.text.count).reduce(0, +) >= Self.maxLineLength / 2
            {
                flush()
            }
        }
        flush()
        return cues
    }

    /// Splits a word longer than a line into line-sized pieces sharing its time.
    private func splitLong(_ word: WordTiming) -> [WordTiming] {
        guard word.text.count > Self.maxLineLength else { return [word] }
        var pieces: [WordTiming] = []
        var rest = Substring(word.text)
        while !rest.isEmpty {
            pieces.append(
                WordTiming(
                    text: String(rest.prefix(Self.maxLineLength)), startTime: word.startTime, endTime: word.endTime))
            rest = rest.dropFirst(Self.maxLineLength)
        }
        return pieces
    }

    /// Greedy line wrapping at `maxLineLength`.
    func wrap(_ words: [String]) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= Self.maxLineLength {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
