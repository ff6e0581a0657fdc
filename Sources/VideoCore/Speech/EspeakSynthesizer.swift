internal import CEspeakNG
import Foundation
import Synchronization

/// The embedded default voice: espeak-ng, linked in process, offline on a fresh machine.
///
/// The portable voice names map to espeak-ng voices and variants (`male` → `en-us+m3`,
/// `female` → `en-us+f3`, `male_warm` → `en-us+m1` a little slower and lower,
/// `female_friendly` → `en-us+f4` a little brighter); any other name is passed to espeak-ng
/// as it is (`de`, `fr+f2`, `en-gb`, …) and rejected with a clear error if it is unknown.
///
/// # Thread safety
/// espeak-ng keeps global state, so every synthesis in the process runs under one lock, on a
/// thread of its own (`DedicatedThread`): the blocking C calls never hold up Swift's
/// cooperative thread pool.
public struct EspeakSynthesizer: SpeechSynthesizer {
    /// Words per minute for voices that do not set their own rate.
    public var wordsPerMinute: Int

    /// Creates the synthesizer.
    /// - Parameter wordsPerMinute: The speaking rate (80–450); 165 is clear and unhurried.
    public init(wordsPerMinute: Int = 165) {
        self.wordsPerMinute = min(max(wordsPerMinute, 80), 450)
    }

    /// `espeak-ng` with its version, rate and word-timing revision (`words 2`: text written
    /// without spaces is timed per character or dictionary word, so speech cached before that
    /// is not reused).
    public var identifier: String { "espeak-ng \(EspeakEngine.shared.version) rate \(wordsPerMinute) words 2" }

    /// Synthesizes `text` with `voice`, on a dedicated thread.
    /// - Parameters:
    ///   - text: What to say.
    ///   - voice: A portable voice name or an espeak-ng voice.
    /// - Returns: The speech and the time of each written word.
    /// - Throws: `VideoError` (`.invalidInput` for an unknown voice, `.speech` when espeak-ng
    ///   fails); `CancellationError` when the calling task is cancelled before the synthesis
    ///   starts.
    public func synthesize(_ text: String, voice: Voice) async throws -> SpeechAudio {
        let setting = EspeakVoiceSetting(voice: voice, wordsPerMinute: wordsPerMinute)
        return try await DedicatedThread.run(name: "vgen-espeak") { flag in
            try EspeakEngine.shared.synthesize(text, setting: setting, cancellation: flag)
        }
    }

    /// The portable voice names and the espeak-ng voices they map to.
    public static let voiceMap: [Voice: String] = [
        .male: "en-us+m3", .female: "en-us+f3", .maleWarm: "en-us+m1", .femaleFriendly: "en-us+f4",
    ]
}

/// The espeak-ng voice, rate and pitch a portable or espeak-ng voice name stands for.
struct EspeakVoiceSetting: Sendable {
    var name: String
    var rate: Int
    var pitch: Int

    init(voice: Voice, wordsPerMinute: Int) {
        name = EspeakSynthesizer.voiceMap[voice] ?? voice.name
        rate = wordsPerMinute
        pitch = 50
        if voice == .maleWarm {
            rate = max(80, wordsPerMinute - 15)
            pitch = 38
        } else if voice == .femaleFriendly {
            pitch = 60
        }
    }
}

/// The process-wide espeak-ng instance: set up once, then every call into the library holds
/// `library` (espeak-ng's state is global).
final class EspeakEngine: Sendable {
    static let shared = EspeakEngine()

    /// Held around every call into espeak-ng after `init`.
    private let library = Mutex(())
    private let sampleRate: Int32
    private let initError: String?
    /// espeak-ng's version, for example `1.51` (read once, so asking never waits for a synthesis).
    let version: String

    private init() {
        // Runs once (Swift initialises `shared` lazily and exactly once), before any other call.
        let rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nil, Int32(espeakINITIALIZE_DONT_EXIT))
        sampleRate = rate
        if rate <= 0 {
            initError = "espeak-ng could not start (is espeak-ng-data installed?)"
        } else {
            initError = nil
            espeak_SetSynthCallback(espeakCallback)
        }
        var path: UnsafePointer<CChar>?
        version = espeak_Info(&path).map { String(cString: $0) } ?? "unknown"
    }

    /// Speaks `text` with `setting`, blocking until done (call it on a dedicated thread).
    /// - Parameters:
    ///   - text: What to say.
    ///   - setting: The voice, rate and pitch.
    ///   - cancellation: Checked once the lock is held, before synthesis starts.
    /// - Returns: The samples and the time of each written word.
    /// - Throws: `VideoError` for an unknown voice or a failed synthesis; `CancellationError`.
    func synthesize(_ text: String, setting: EspeakVoiceSetting, cancellation: CancellationFlag? = nil) throws
        -> SpeechAudio
    {
        if let initError { throw VideoError(.speech, initError) }
        return try library.withLock { _ in
            try cancellation?.check()
            return try synthesizeLocked(text, setting: setting)
        }
    }

    /// The synthesis proper; the caller holds `library`.
    private func synthesizeLocked(_ text: String, setting: EspeakVoiceSetting) throws -> SpeechAudio {
        guard espeak_SetVoiceByName(setting.name) == EE_OK else {
            throw VideoError(
                .invalidInput,
                "unknown voice '\(setting.name)'; use male, female, male_warm, female_friendly or an espeak-ng voice such as en-us or de",
                field: "voice")
        }
        espeak_SetParameter(espeakRATE, Int32(setting.rate), 0)
        espeak_SetParameter(espeakPITCH, Int32(setting.pitch), 0)
        let collector = SynthesisCollector()
        let context = Unmanaged.passRetained(collector)
        defer { context.release() }
        // espeak-ng draws from libc's rand() (voice jitter): seed it so speech is reproducible.
        let bytes = Array(text.utf8CString)
        let status = LibcRandom.seeded {
            bytes.withUnsafeBufferPointer { buffer in
                espeak_Synth(
                    buffer.baseAddress, buffer.count, 0, POS_CHARACTER, 0, UInt32(espeakCHARS_UTF8), nil,
                    context.toOpaque())
            }
        }
        guard status == EE_OK else {
            throw VideoError(.speech, "espeak-ng failed to synthesize (status \(status.rawValue))")
        }
        espeak_Synchronize()
        return collector.result(text: text, sampleRate: Int(sampleRate))
    }
}

/// Receives espeak-ng's callbacks for one synthesis.
private final class SynthesisCollector {
    var samples: [Float] = []
    /// (character offset, length in characters, start in milliseconds)
    var wordEvents: [(position: Int, length: Int, milliseconds: Int)] = []

    /// Every written word of `text` with its time. espeak-ng's word events do not map one
    /// to one onto written words: it may repeat one at a clause boundary, split a word
    /// ("SwiftPM") or join a short word to the next. Each written word takes the first event
    /// that starts inside it; words without one share the time up to the next timed word.
    func result(text: String, sampleRate: Int) -> SpeechAudio {
        let written = WordSpans(text)
        var starts = [Int?](repeating: nil, count: written.spans.count)
        var span = 0
        for event in wordEvents {
            let position = max(0, event.position - 1)
            while span < written.spans.count, written.spans[span].upperBound <= position { span += 1 }
            guard span < written.spans.count else { break }
            if starts[span] == nil, position >= written.spans[span].lowerBound {
                starts[span] = min(event.milliseconds * sampleRate / 1000, samples.count)
            }
        }
        let words = written.spokenWords(starts: starts, total: samples.count)
        return SpeechAudio(samples: samples, sampleRate: sampleRate, words: words)
    }
}

private func espeakCallback(
    _ wav: UnsafeMutablePointer<Int16>?, _ count: Int32, _ events: UnsafeMutablePointer<espeak_EVENT>?
) -> Int32 {
    guard let events, let userData = events.pointee.user_data else { return 0 }
    let collector = Unmanaged<SynthesisCollector>.fromOpaque(userData).takeUnretainedValue()
    var event = events
    while event.pointee.type != espeakEVENT_LIST_TERMINATED {
        if event.pointee.type == espeakEVENT_WORD {
            // audio_position is in ms from the start of this synthesis.
            collector.wordEvents.append(
                (Int(event.pointee.text_position), Int(event.pointee.length), Int(event.pointee.audio_position)))
        }
        event += 1
    }
    if let wav, count > 0 {
        let chunk = [Float](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            CEspeakNG_samples_to_float(buffer.baseAddress, wav, count)
            initialized = Int(count)
        }
        collector.samples += chunk
    }
    return 0
}
