import VideoCore

/// Builds caption cues from the timing manifest's word timings, following Netflix's timed-text
/// guidance (see `Docs/Captions.md`): at most two lines of at most 42 characters in English
/// (16 in Chinese, 13 full-width in Japanese, 35 in Thai: `CaptionRules`), at most about 17
/// characters a second where the speech allows (9 in Chinese, 4 in Japanese), no cue shorter
/// than 5/6 s or longer than 7 s, at least two frames between cues, and no cue across a scene
/// boundary.
///
/// Cues are built per scene on the scene's own clock (`cues(for:fps:)`), so a scene that only
/// moves in the video keeps exactly the same cues; `captions(for:)` places them in the video.
public struct CaptionBuilder: Sendable {
    /// The longest line, in characters.
    public static let maxLineLength = 42
    /// The most lines in one cue.
    public static let maxLines = 2
    /// The shortest cue, in seconds.
    public static let minDuration = 5.0 / 6.0
    /// The longest cue, in seconds.
    public static let maxDuration = 7.0
    /// The reading speed cues aim at, in characters a second.
    public static let maxCharactersPerSecond = 17.0
    /// The least gap between two cues, in frames.
    public static let minGapFrames = 2
    /// How far a cue may stay up after its last word ends, to be read, in frames.
    public static let maxExtensionFrames = 12

    /// The language's line widths and reading speed.
    public let rules: CaptionRules

    /// Creates a builder.
    /// - Parameter language: The captions' language (English by default).
    public init(language: Language = .english) {
        rules = CaptionRules(language: language)
    }

    /// The cues of a whole video, in order, on the video's clock.
    /// - Parameter manifest: The timing manifest.
    /// - Returns: Every scene's cues, shifted to where the scene starts.
    public func captions(for manifest: TimingManifest) -> [CaptionCue] {
        manifest.scenes.flatMap { scene in
            cues(for: scene, fps: manifest.fps).map { $0.shifted(by: scene.startTime) }
        }
    }

    /// One scene's cues on the scene's clock (0 is its first frame).
    /// - Parameters:
    ///   - scene: The scene's timing.
    ///   - fps: The video's frame rate (the gap between cues is counted in frames).
    /// - Returns: The cues, each within `0...scene.duration`.
    public func cues(for scene: SceneTiming, fps: Int) -> [CaptionCue] {
        let words = scene.wordsFromSceneStart.filter { !$0.text.isEmpty }.flatMap(splitLong)
        let frame = 1 / Double(max(fps, 1))
        let lines = CaptionLines(rules: rules)
        var chunks = CaptionChunker(lines: lines).chunks(words)
        var timed = time(chunks, lines: lines, sceneEnd: scene.duration, frame: frame)
        var stuck = Set<Int>()
        // A cue without 5/6 s before the next (or the scene's end) joins a neighbour when
        // their text fits together; otherwise it pushes the next cue back a little.
        while let short = timed.indices.first(where: { timed[$0].cramped && !stuck.contains($0) }) {
            let next = short + 1 < chunks.count ? short + 1 : nil
            let previous = short > 0 ? short - 1 : nil
            if let next, lines.fits(chunks[short] + chunks[next]),
                chunks[next].last!.endTime - chunks[short][0].startTime <= Self.maxDuration
            {
                chunks[short] += chunks.remove(at: next)
            } else if let previous, lines.fits(chunks[previous] + chunks[short]),
                chunks[short].last!.endTime - chunks[previous][0].startTime <= Self.maxDuration
            {
                chunks[previous] += chunks.remove(at: short)
            } else {
                stuck.insert(short)
                continue
            }
            stuck.removeAll()
            timed = time(chunks, lines: lines, sceneEnd: scene.duration, frame: frame)
        }
        return timed.map(\.cue)
    }

    /// Times each chunk: from its first word to its last, held longer for reading (up to
    /// `maxExtensionFrames` past the speech, never into the next cue's gap or past the scene).
    private func time(_ chunks: [[WordTiming]], lines breaker: CaptionLines, sceneEnd: Double, frame: Double)
        -> [(cue: CaptionCue, cramped: Bool)]
    {
        let gap = Double(Self.minGapFrames) * frame
        var cues: [(cue: CaptionCue, cramped: Bool)] = []
        var previousEnd = -gap
        for (k, chunk) in chunks.enumerated() {
            let lines = breaker.lines(chunk.map(\.text))
            let start = max(milliseconds(chunk[0].startTime), milliseconds(previousEnd + gap))
            let speechEnd = chunk.last!.endTime
            let units = lines.map(rules.width).reduce(0, +) + (lines.count - 1) * rules.unitsPerCharacter
            let characters = Double(units) / Double(rules.unitsPerCharacter)
            let reading = min(
                start + characters / rules.charactersPerSecond, speechEnd + Double(Self.maxExtensionFrames) * frame)
            var limit = min(sceneEnd, start + Self.maxDuration)
            if k + 1 < chunks.count { limit = min(limit, chunks[k + 1][0].startTime - gap) }
            let wanted = max(speechEnd, reading, start + Self.minDuration)
            let end = max(min(wanted, limit), min(start + Self.minDuration, sceneEnd))
            let cueEnd = min(milliseconds(end, up: true), milliseconds(sceneEnd))
            cues.append(
                (
                    CaptionCue(start: start, end: cueEnd, lines: lines, words: chunk),
                    limit - start < Self.minDuration - 1e-9
                ))
            previousEnd = cueEnd
        }
        return cues
    }

    private func milliseconds(_ seconds: Double, up: Bool = false) -> Double {
        ((seconds * 1000).rounded(up ? .up : .toNearestOrEven)) / 1000
    }

    /// Splits a word wider than a line into line-sized pieces sharing its time.
    private func splitLong(_ word: WordTiming) -> [WordTiming] {
        guard rules.width(word.text) > rules.maxLineWidth else { return [word] }
        var pieces: [WordTiming] = []
        var piece = ""
        for character in word.text {
            if !piece.isEmpty, rules.width(piece + String(character)) > rules.maxLineWidth {
                pieces.append(WordTiming(text: piece, startTime: word.startTime, endTime: word.endTime))
                piece = ""
            }
            piece.append(character)
        }
        if !piece.isEmpty { pieces.append(WordTiming(text: piece, startTime: word.startTime, endTime: word.endTime)) }
        return pieces
    }
}
