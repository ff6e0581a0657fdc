/// Turns text into speech: the audio stage's extension point.
///
/// The default is a `VoiceChain` of `FliteSynthesizer` (English) and `EspeakSynthesizer`
/// (every other language), both linked in process and offline. Other voices (network or
/// neural, `HTTPSpeechSynthesizer` in VideoAI) plug in behind this protocol.
///
/// # Implementation requirements
/// - Return mono PCM in `SpeechAudio.samples` at `SpeechAudio.sampleRate`, and the start
///   and end of every spoken word in samples, in order. Captions and the timing manifest
///   are built from these.
/// - Be deterministic for the same text and voice where the engine allows it: resumed and
///   repeated renders compare their output.
/// - Throw `VideoError` with code `.speech` (or `.invalidInput` for an unknown voice).
///
/// # Thread safety
/// Calls may come from several tasks at once; serialise internally if the engine needs it.
public protocol SpeechSynthesizer: Sendable {
    /// A name for logs and cache keys, including anything that changes the sound (for
    /// example `espeak-ng 1.51`).
    var identifier: String { get }

    /// Synthesizes `text` with `voice`.
    /// - Returns: The samples and the word boundaries.
    /// - Throws: `VideoError` when the voice is unknown or synthesis fails.
    func synthesize(_ text: String, voice: Voice) async throws -> SpeechAudio

    /// Whether this engine speaks `voice` (a `VoiceChain` asks its engines in order).
    /// The default is `true`: the engine takes any voice and rejects unknown ones itself.
    /// - Parameter voice: The voice asked for.
    /// - Returns: `true` when the engine claims the voice.
    func canSpeak(_ voice: Voice) -> Bool
}

extension SpeechSynthesizer {
    /// Every voice: the engine rejects unknown ones when asked to speak.
    /// - Parameter voice: The voice asked for.
    /// - Returns: `true`.
    public func canSpeak(_ voice: Voice) -> Bool { true }
}

/// Speech produced by a `SpeechSynthesizer`.
public struct SpeechAudio: Sendable, Hashable {
    /// Mono samples in -1…1.
    public var samples: [Float]
    /// Samples per second.
    public var sampleRate: Int
    /// The words in the order they are spoken, with sample positions within `samples`.
    public var words: [SpokenWord]

    /// Creates speech audio.
    public init(samples: [Float], sampleRate: Int, words: [SpokenWord]) {
        self.samples = samples
        self.sampleRate = sampleRate
        self.words = words
    }

    /// The length in seconds.
    public var duration: Double { Double(samples.count) / Double(sampleRate) }
}

/// One spoken word and where it is in the audio.
public struct SpokenWord: Sendable, Hashable, Codable {
    /// The word as written in the narration.
    public var text: String
    /// The first sample of the word.
    public var startSample: Int
    /// The sample after the word's end.
    public var endSample: Int

    /// Creates a word boundary.
    public init(text: String, startSample: Int, endSample: Int) {
        self.text = text
        self.startSample = startSample
        self.endSample = endSample
    }
}
