/// Several voice engines in order of preference: the first that can speak a voice speaks it.
///
/// The default chain is flite (the portable names and flite's own voices, English) and then
/// espeak-ng (every other language and any espeak-ng voice name: `en-gb`, `de`, `fr+f2`, …).
/// Whatever engine speaks, the chain returns audio at one rate, `sampleRate` (22 050 Hz by
/// default, espeak-ng's own rate): flite's 16 kHz speech is resampled with libswresample, and
/// its word positions scaled to match, so a video that mixes voices has one sample rate.
///
/// # Thread safety
/// A value of `Sendable` engines; each engine serialises its own library.
public struct VoiceChain: SpeechSynthesizer {
    /// The engines, most preferred first.
    public var engines: [any SpeechSynthesizer]
    /// The rate of every speech the chain returns, in hertz.
    public var sampleRate: Int

    /// The rate a video's narration has unless a chain says otherwise.
    public static let defaultSampleRate = 22_050

    /// Creates a chain.
    /// - Parameters:
    ///   - engines: The engines in order of preference; the last is the fallback for voices none
    ///     of the others claims.
    ///   - sampleRate: The rate of everything it returns (8000–48000 Hz).
    public init(
        engines: [any SpeechSynthesizer] = [FliteSynthesizer(), EspeakSynthesizer()],
        sampleRate: Int = VoiceChain.defaultSampleRate
    ) {
        self.engines = engines
        self.sampleRate = min(max(sampleRate, 8_000), 48_000)
    }

    /// `chain <rate> Hz [engine | engine …]`.
    public var identifier: String {
        "chain \(sampleRate) Hz [\(engines.map(\.identifier).joined(separator: " | "))]"
    }

    /// Whether any engine speaks `voice`.
    /// - Parameter voice: The voice asked for.
    /// - Returns: `true` when an engine claims it.
    public func canSpeak(_ voice: Voice) -> Bool { engines.contains { $0.canSpeak(voice) } }

    /// The engine that speaks `voice`: the first that claims it, else the last.
    /// - Parameter voice: The voice asked for.
    /// - Returns: The engine, or `nil` for an empty chain.
    public func engine(for voice: Voice) -> (any SpeechSynthesizer)? {
        engines.first { $0.canSpeak(voice) } ?? engines.last
    }

    /// Speaks `text` with the first engine that claims `voice`, at `sampleRate`.
    /// - Parameters:
    ///   - text: What to say.
    ///   - voice: The voice.
    /// - Returns: The speech at `sampleRate`, word positions scaled to it.
    /// - Throws: `VideoError` (`.speech` for an empty chain, or what the engine throws).
    public func synthesize(_ text: String, voice: Voice) async throws -> SpeechAudio {
        guard let engine = engine(for: voice) else { throw VideoError(.speech, "the voice chain has no engines") }
        return try Self.resampled(try await engine.synthesize(text, voice: voice), to: sampleRate)
    }

    /// `speech` at `rate`: samples resampled by libswresample, word positions scaled.
    /// - Throws: `VideoError` (`.media`) when resampling fails.
    package static func resampled(_ speech: SpeechAudio, to rate: Int) throws -> SpeechAudio {
        guard speech.sampleRate != rate else { return speech }
        let samples = try SampleRateConverter.resample(speech.samples, from: speech.sampleRate, to: rate)
        let scale = Double(rate) / Double(speech.sampleRate)
        func scaled(_ position: Int) -> Int { min(samples.count, Int((Double(position) * scale).rounded())) }
        let words = speech.words.map {
            SpokenWord(text: $0.text, startSample: scaled($0.startSample), endSample: scaled($0.endSample))
        }
        return SpeechAudio(samples: samples, sampleRate: rate, words: words)
    }
}
