internal import CFlite
import Foundation
import Synchronization

/// The process-wide flite instance: flite is not thread-safe (voices keep their features in
/// shared structures, the tokenizer and lexicon hold global state), so every call into it
/// holds `library`, and the voices are registered once, when first asked for.
final class FliteEngine: Sendable {
    static let shared = FliteEngine()

    /// flite's version, for example `2.2`.
    let version = String(cString: CFlite_version)
    /// The registered voices by flite name, made under the lock on first use.
    private let library = Mutex<[String: SendableVoice]>([:])

    private init() { _ = flite_init() }

    /// A voice handed between threads only while the engine's lock is held.
    private struct SendableVoice: @unchecked Sendable { let voice: FliteVoice }

    /// Speaks `text` with `setting`, blocking until done (call it on a dedicated thread).
    /// - Parameters:
    ///   - text: What to say.
    ///   - setting: The flite voice, speed and pitch.
    ///   - cancellation: Checked once the lock is held, before synthesis starts.
    /// - Returns: The samples (at the voice's own rate) and the time of each written word.
    /// - Throws: `VideoError` (`.speech`) when flite fails; `CancellationError`.
    func synthesize(_ text: String, setting: FliteVoiceSetting, cancellation: CancellationFlag? = nil) throws
        -> SpeechAudio
    {
        try library.withLock { voices in
            try cancellation?.check()
            let voice: FliteVoice
            if let known = voices[setting.name] {
                voice = known.voice
            } else {
                voice = try FliteVoice(name: setting.name)
                voices[setting.name] = SendableVoice(voice: voice)
            }
            voice.setDurationStretch(Float(setting.durationStretch))
            voice.setPitchMean(setting.pitchMean.map(Float.init))
            // flite's clustergen voices draw excitation noise from libc's rand(): seed it.
            let utterance = try LibcRandom.seeded { try FliteUtterance(text: text, voice: voice) }
            return Self.speech(of: utterance, text: text)
        }
    }

    /// The samples and word times of a synthesized utterance.
    ///
    /// flite splits its input at whitespace into tokens (the "Token" relation), as vgen splits
    /// a narration into written words; each token's words (its daughters, in the "Word"
    /// relation) carry syllables and segments whose `end` feature is in seconds. A written
    /// word starts where the segment before its first segment ends (the end of the pause in
    /// front of it) and ends with its last segment. Tokens flite does not speak (a lone "-")
    /// share the time around them.
    private static func speech(of utterance: FliteUtterance, text: String) -> SpeechAudio {
        let wave = utt_wave(utterance.pointer)
        let rate = Int(CFlite_wave_rate(wave))
        let count = Int(CFlite_wave_count(wave))
        var samples = [Float](repeating: 0, count: count)
        if count > 0, let source = CFlite_wave_samples(wave) {
            samples.withUnsafeMutableBufferPointer { CFlite_samples_to_float($0.baseAddress, source, Int32(count)) }
        }
        var tokens: [(start: Int?, end: Int?)] = []
        var token = relation_head(utt_relation(utterance.pointer, "Token"))
        while let current = token {
            var start: Int?, end: Int?
            if let first = item_daughter(current), let last = item_last_daughter(current) {
                let from = ffeature_float(first, "R:SylStructure.daughter1.daughter1.R:Segment.p.end")
                let to = ffeature_float(last, "R:SylStructure.daughtern.daughtern.R:Segment.end")
                start = min(count, Int((Double(from) * Double(rate)).rounded()))
                end = min(count, Int((Double(to) * Double(rate)).rounded()))
            }
            tokens.append((start, end))
            token = item_next(current)
        }
        let written = WordSpans(text)
        // One token per written word is the rule; anything else keeps only the first token's start.
        let matched = tokens.count == written.spans.count
        let starts = matched ? tokens.map(\.start) : written.spans.indices.map { $0 == 0 ? tokens.first?.start : nil }
        let ends = matched ? tokens.map(\.end) : nil
        return SpeechAudio(
            samples: samples, sampleRate: rate, words: written.spokenWords(starts: starts, ends: ends, total: count))
    }
}

/// The flite voice, speed and pitch a portable or flite voice name stands for.
struct FliteVoiceSetting: Sendable, Hashable {
    var name: String
    /// Above 1 slows the speech down.
    var durationStretch: Double
    /// The voice's target mean pitch in hertz; `nil` keeps its own.
    var pitchMean: Double?
}
