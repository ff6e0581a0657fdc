import VideoCore

/// What was said in a recording, word by word, with times in seconds from the recording's start.
///
/// A transcript comes from a recognizer (`SpeechRecognizer`) or from a file a person gives
/// (`TranscriptParser`: SRT, WebVTT, or the JSON that faster-whisper, whisper.cpp, WhisperX and
/// OpenAI's transcription API write; see `Docs/Talks.md`). Its words are in time order and
/// never overlap.
public struct Transcript: Codable, Sendable, Hashable {
    /// The words in time order.
    public var words: [TranscriptWord]
    /// The spoken language as the source names it (`en`, `english`), when it says.
    public var language: String?
    /// Where the words came from: `srt`, `vtt`, `faster-whisper`, `whisper.cpp`, `whisperx`,
    /// `openai`, `pocketsphinx`, …
    public var source: String

    /// Creates a transcript, putting the words in time order and trimming overlaps.
    /// - Parameters:
    ///   - words: The words, in any order.
    ///   - language: The spoken language, when known.
    ///   - source: Where the words came from.
    public init(words: [TranscriptWord], language: String? = nil, source: String) {
        self.words = Self.ordered(words)
        self.language = language
        self.source = source
    }

    /// The words joined by spaces.
    public var text: String { words.map(\.text).joined(separator: " ") }

    /// The end of the last word, or 0 for an empty transcript.
    public var duration: Double { words.last?.end ?? 0 }

    /// Sorts by start (stable) and ends every word no later than the next one starts.
    static func ordered(_ words: [TranscriptWord]) -> [TranscriptWord] {
        var sorted = words.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
            .map(\.element)
        for k in sorted.indices.dropLast() where sorted[k].end > sorted[k + 1].start {
            sorted[k].end = max(sorted[k].start, sorted[k + 1].start)
        }
        return sorted
    }
}

/// One spoken word of a `Transcript`.
public struct TranscriptWord: Codable, Sendable, Hashable {
    /// The word as written, without surrounding spaces.
    public var text: String
    /// When the word starts, in seconds.
    public var start: Double
    /// When the word ends, in seconds (at least `start`).
    public var end: Double
    /// How sure the recognizer was, from 0 to 1, when it says.
    public var confidence: Double?
    /// Whether this is a filler (um, uh, er …) that a clean cut removes.
    public var isFiller: Bool

    /// Creates a word; `isFiller` defaults to what `FillerWords` says of the text.
    /// - Parameters:
    ///   - text: The word.
    ///   - start: Its start in seconds.
    ///   - end: Its end in seconds.
    ///   - confidence: The recognizer's confidence, 0…1, when known.
    ///   - isFiller: Whether it is a filler; `nil` asks `FillerWords`.
    public init(text: String, start: Double, end: Double, confidence: Double? = nil, isFiller: Bool? = nil) {
        self.text = text
        self.start = start
        self.end = max(start, end)
        self.confidence = confidence
        self.isFiller = isFiller ?? FillerWords.isFiller(text)
    }

    enum CodingKeys: String, CodingKey { case text, start, end, confidence, isFiller = "is_filler" }
}
