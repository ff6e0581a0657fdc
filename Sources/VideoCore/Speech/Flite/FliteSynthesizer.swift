/// The default English voice: flite (CMU's Festival Lite), linked in process, offline.
///
/// The portable voice names map to flite's voices: `male` → `cmu_us_rms` (the clearest to a
/// speech recognizer, see Docs/Voices.md), `female` → `cmu_us_slt`, `male_warm` →
/// `cmu_us_awb` a little slower, `female_friendly` → `cmu_us_slt` with a higher pitch target
/// and a little quicker. Voices can also be asked for by their flite name (`cmu_us_kal16`,
/// or short: `kal16`). Any other name is not flite's (`canSpeak` is `false`): a `VoiceChain`
/// hands it to espeak-ng.
///
/// flite's voices speak at 16 kHz. Word boundaries come from flite's utterance structure (its
/// "Token", "Word" and "Segment" relations), in samples.
///
/// # Thread safety
/// flite is not thread-safe: every synthesis in the process runs under one lock, on a thread
/// of its own (`DedicatedThread`).
public struct FliteSynthesizer: SpeechSynthesizer {
    /// How fast the voices speak: 1 is flite's own pace, 1.2 is 20 % quicker.
    public var speed: Double

    /// Creates the synthesizer.
    /// - Parameter speed: The pace (0.5–2), 1 by default.
    public init(speed: Double = 1) {
        self.speed = min(max(speed.isFinite ? speed : 1, 0.5), 2)
    }

    /// `flite` with its version and speed.
    public var identifier: String { "flite \(FliteEngine.shared.version) speed \(speed)" }

    /// Whether `voice` is a portable name or one of the linked flite voices.
    /// - Parameter voice: The voice asked for.
    /// - Returns: `true` when flite speaks it.
    public func canSpeak(_ voice: Voice) -> Bool { Self.setting(for: voice, speed: speed) != nil }

    /// Synthesizes `text` with `voice`, on a dedicated thread.
    /// - Parameters:
    ///   - text: What to say.
    ///   - voice: A portable voice name or a flite voice.
    /// - Returns: The speech at 16 kHz and the time of each written word.
    /// - Throws: `VideoError` (`.invalidInput` for a voice flite does not have, `.speech` when
    ///   flite fails); `CancellationError` when the task is cancelled before synthesis starts.
    public func synthesize(_ text: String, voice: Voice) async throws -> SpeechAudio {
        guard let setting = Self.setting(for: voice, speed: speed) else {
            throw VideoError(
                .invalidInput,
                "flite has no voice '\(voice.name)'; use male, female, male_warm, female_friendly or one of \(FliteVoice.linked.joined(separator: ", "))",
                field: "voice")
        }
        return try await DedicatedThread.run(name: "vgen-flite") { flag in
            try FliteEngine.shared.synthesize(text, setting: setting, cancellation: flag)
        }
    }

    /// The portable voice names and the flite voices they map to.
    public static let voiceMap: [Voice: String] = [
        .male: "cmu_us_rms", .female: "cmu_us_slt", .maleWarm: "cmu_us_awb", .femaleFriendly: "cmu_us_slt",
    ]

    /// The flite setting for `voice`, or `nil` when flite does not speak it.
    static func setting(for voice: Voice, speed: Double) -> FliteVoiceSetting? {
        let stretch = 1 / speed
        if let name = voiceMap[voice] {
            switch voice {
            case .maleWarm: return FliteVoiceSetting(name: name, durationStretch: stretch * 1.08, pitchMean: nil)
            case .femaleFriendly: return FliteVoiceSetting(name: name, durationStretch: stretch * 0.95, pitchMean: 200)
            default: return FliteVoiceSetting(name: name, durationStretch: stretch, pitchMean: nil)
            }
        }
        let name = voice.name.hasPrefix("cmu_us_") ? voice.name : "cmu_us_" + voice.name
        guard FliteVoice.linked.contains(name) else { return nil }
        return FliteVoiceSetting(name: name, durationStretch: stretch, pitchMean: nil)
    }
}
