import Foundation
import VideoCore

/// Reads a transcript file: SRT, WebVTT, or JSON with word times in the shapes faster-whisper,
/// whisper.cpp (`-oj`, `-ojf`), WhisperX and OpenAI's `verbose_json` write (`Docs/Talks.md`).
///
/// Every problem is one `VideoError` naming the file and the line (subtitles) or the field
/// (JSON). Files are limited in size, words and time (`TranscriptLimits`), so a hostile file
/// costs little and crashes nothing.
public struct TranscriptParser: Sendable {
    /// The kinds of file the parser reads.
    public enum Format: String, Sendable, CaseIterable {
        /// SubRip: numbered cues, `00:00:01,000 --> 00:00:02,500`.
        case srt
        /// WebVTT: `WEBVTT`, then cues; inline `<00:00:01.200>` stamps give word times.
        case vtt
        /// JSON from a Whisper-family recognizer.
        case json
    }

    /// The limits the parser holds a file to.
    public var limits: TranscriptLimits

    /// Creates a parser.
    /// - Parameter limits: The limits (the defaults suit a talk of several hours).
    public init(limits: TranscriptLimits = TranscriptLimits()) {
        self.limits = limits
    }

    /// Reads the transcript at `url`, choosing the format by extension, then by content.
    /// - Parameter url: The file.
    /// - Returns: The transcript.
    /// - Throws: `VideoError` (`.io` when unreadable or too large, `.invalidInput` when malformed).
    public func parse(contentsOf url: URL) throws -> Transcript {
        let name = url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        if let size, size > limits.maxBytes {
            throw VideoError(
                .invalidInput, "the transcript is \(size) bytes; at most \(limits.maxBytes) are read",
                field: "transcript", location: .init(file: name))
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw VideoError(.io, "cannot read the transcript", field: "transcript", underlying: error)
        }
        return try parse(data, name: name)
    }

    /// Reads a transcript from bytes.
    /// - Parameters:
    ///   - data: The file's bytes (UTF-8, with or without a byte-order mark).
    ///   - name: The name errors show for the file.
    ///   - format: The format; `nil` takes it from the name's extension, else from the content.
    /// - Returns: The transcript.
    /// - Throws: `VideoError` naming the line or field at fault.
    public func parse(_ data: Data, name: String, format: Format? = nil) throws -> Transcript {
        let location = VideoError.Location(file: name)
        guard data.count <= limits.maxBytes else {
            throw VideoError(
                .invalidInput, "the transcript is \(data.count) bytes; at most \(limits.maxBytes) are read",
                field: "transcript", location: location)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw VideoError(.invalidInput, "the transcript is not UTF-8 text", field: "transcript", location: location)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\0") {
            throw VideoError(.invalidInput, "the transcript holds NUL bytes", field: "transcript", location: location)
        }
        let named = Format(rawValue: (name as NSString).pathExtension.lowercased())
        let kind = format ?? named ?? Self.guess(text)
        let transcript: Transcript
        switch kind {
        case .srt, .vtt:
            transcript = try SubtitleTranscriptParser(limits: limits, name: name).parse(text, vtt: kind == .vtt)
        case .json: transcript = try WhisperJSONParser(limits: limits, name: name).parse(data)
        }
        guard !transcript.words.isEmpty else {
            throw VideoError(.invalidInput, "the transcript holds no words", field: "transcript", location: location)
        }
        guard transcript.words.count <= limits.maxWords else {
            throw VideoError(
                .invalidInput,
                "the transcript has \(transcript.words.count) words; at most \(limits.maxWords) are read",
                field: "transcript", location: location)
        }
        return transcript
    }

    /// The format a text looks like: JSON when it opens with `{` or `[`, WebVTT when it opens
    /// with `WEBVTT`, SRT otherwise.
    static func guess(_ text: String) -> Format {
        let start = text.drop(while: \.isWhitespace)
        if start.hasPrefix("{") || start.hasPrefix("[") { return .json }
        if start.hasPrefix("WEBVTT") { return .vtt }
        return .srt
    }
}

/// How much of a transcript file the parser reads.
public struct TranscriptLimits: Sendable, Hashable {
    /// The largest file, in bytes.
    public var maxBytes: Int
    /// The most words.
    public var maxWords: Int
    /// The latest time a word may end, in seconds.
    public var maxTime: Double
    /// The longest word kept whole, in characters (longer words are an error).
    public var maxWordLength: Int

    /// Creates limits.
    /// - Parameters:
    ///   - maxBytes: The largest file (default 32 MiB).
    ///   - maxWords: The most words (default 500 000).
    ///   - maxTime: The latest time (default 24 hours).
    ///   - maxWordLength: The longest word (default 200 characters).
    public init(
        maxBytes: Int = 32 << 20, maxWords: Int = 500_000, maxTime: Double = 86_400, maxWordLength: Int = 200
    ) {
        self.maxBytes = maxBytes
        self.maxWords = maxWords
        self.maxTime = maxTime
        self.maxWordLength = maxWordLength
    }

    /// Checks one time.
    func check(_ time: Double, _ what: String, location: VideoError.Location, field: String? = nil) throws {
        guard time.isFinite, time >= 0, time <= maxTime else {
            throw VideoError(
                .invalidInput, "\(what) \(time) is not a time between 0 and \(Int(maxTime)) s",
                field: field, location: location)
        }
    }

    /// Checks one word's length.
    func check(word: String, location: VideoError.Location, field: String? = nil) throws {
        guard word.count <= maxWordLength else {
            throw VideoError(
                .invalidInput, "a word of \(word.count) characters; at most \(maxWordLength) are allowed",
                field: field, location: location)
        }
    }
}
