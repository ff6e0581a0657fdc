internal import CFlite

/// Owns one registered flite voice (`register_cmu_us_*`), unregistered in `deinit`.
///
/// # Thread safety
/// Not thread-safe: used only by `FliteEngine` under its lock.
final class FliteVoice {
    /// The voice's flite name, for example `cmu_us_slt`.
    let name: String
    let pointer: UnsafeMutablePointer<cst_voice>
    private let unregister: (UnsafeMutablePointer<cst_voice>) -> Void

    /// The voices vgen links, by flite name.
    static let linked: [String] = ["cmu_us_slt", "cmu_us_rms", "cmu_us_awb", "cmu_us_kal16"]

    /// Registers the voice `name` (one of `linked`).
    /// - Throws: `VideoError` (`.speech`) when flite cannot load it.
    init(name: String) throws {
        let made: UnsafeMutablePointer<cst_voice>?
        switch name {
        case "cmu_us_slt": made = register_cmu_us_slt(nil); unregister = { unregister_cmu_us_slt($0) }
        case "cmu_us_rms": made = register_cmu_us_rms(nil); unregister = { unregister_cmu_us_rms($0) }
        case "cmu_us_awb": made = register_cmu_us_awb(nil); unregister = { unregister_cmu_us_awb($0) }
        case "cmu_us_kal16": made = register_cmu_us_kal16(nil); unregister = { unregister_cmu_us_kal16($0) }
        default: throw VideoError(.invalidInput, "flite has no voice '\(name)'", field: "voice")
        }
        guard let made else { throw VideoError(.speech, "flite could not load its voice \(name)") }
        self.name = name
        pointer = made
    }

    deinit { unregister(pointer) }

    /// How much slower than its own pace the voice speaks (`duration_stretch`).
    func setDurationStretch(_ value: Float) { CFlite_set_duration_stretch(pointer, value) }

    /// The voice's target mean pitch in hertz (`int_f0_target_mean`); `nil` keeps its own.
    func setPitchMean(_ hertz: Float?) {
        if let hertz { CFlite_set_pitch_mean(pointer, hertz) } else { CFlite_remove_pitch_mean(pointer) }
    }
}

/// Owns one synthesized flite utterance (`flite_synth_text`), deleted in `deinit`.
final class FliteUtterance {
    let pointer: UnsafeMutablePointer<cst_utterance>

    /// Synthesizes `text` with `voice` (the caller holds the engine's lock).
    /// - Throws: `VideoError` (`.speech`) when flite returns no utterance.
    init(text: String, voice: FliteVoice) throws {
        guard let made = flite_synth_text(text, voice.pointer) else {
            throw VideoError(.speech, "flite could not synthesize the text with \(voice.name)")
        }
        pointer = made
    }

    deinit { delete_utterance(pointer) }
}
