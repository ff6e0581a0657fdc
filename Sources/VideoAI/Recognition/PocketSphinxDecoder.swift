internal import CPocketSphinx
import Foundation
import VideoCore

/// Owns one pocketsphinx decoder (`ps_init`, freed with `ps_free`) and recognizes utterances
/// of 16 kHz 16-bit mono audio with it.
///
/// # Thread safety
/// Not thread-safe: used by one call of `PocketSphinxRecognizer` under its lock.
final class PocketSphinxDecoder {
    /// One recognized word: its text, its first and last frame (100 a second) and its posterior.
    struct Word {
        var text: String
        var firstFrame: Int
        var lastFrame: Int
        var confidence: Double
    }

    private let decoder: OpaquePointer

    /// Loads the model in `model` (`en-us/`, `en-us.lm.bin`, `cmudict-en-us.dict`).
    /// - Throws: `VideoError` (`.speech`) when pocketsphinx cannot load it.
    init(model: URL) throws {
        let file = { (name: String) in model.appendingPathComponent(name).path }
        guard
            let config = CPocketSphinx_config(
                file("en-us"), file("en-us.lm.bin"), file("cmudict-en-us.dict"), "/dev/null")
        else {
            throw VideoError(.speech, "pocketsphinx rejected its configuration for \(model.path)")
        }
        defer { cmd_ln_free_r(config) }
        guard let made = ps_init(config) else {
            throw VideoError(.speech, "pocketsphinx could not load the model in \(model.path)")
        }
        decoder = made
    }

    deinit { ps_free(decoder) }

    /// Recognizes one utterance.
    /// - Parameters:
    ///   - pcm: 16 kHz 16-bit mono samples.
    ///   - flag: Raised when the caller is cancelled; checked between chunks.
    /// - Returns: The words, without pocketsphinx's silence and noise tokens.
    /// - Throws: `VideoError` (`.speech`) when pocketsphinx fails, or `CancellationError`.
    func decode(_ pcm: ArraySlice<Int16>, flag: CancellationFlag) throws -> [Word] {
        guard ps_start_utt(decoder) >= 0 else { throw VideoError(.speech, "pocketsphinx could not start an utterance") }
        var at = pcm.startIndex
        while at < pcm.endIndex {
            try flag.check()
            let end = min(pcm.endIndex, at + 4096)
            let status = pcm[at..<end].withUnsafeBufferPointer {
                ps_process_raw(decoder, $0.baseAddress, $0.count, 0, 0)
            }
            guard status >= 0 else { throw VideoError(.speech, "pocketsphinx failed on the audio (\(status))") }
            at = end
        }
        guard ps_end_utt(decoder) >= 0 else { throw VideoError(.speech, "pocketsphinx could not end the utterance") }
        let logmath = ps_get_logmath(decoder)
        var words: [Word] = []
        var segment = ps_seg_iter(decoder)
        while let current = segment {
            var first: Int32 = 0
            var last: Int32 = 0
            ps_seg_frames(current, &first, &last)
            var acoustic: Int32 = 0
            var language: Int32 = 0
            var backoff: Int32 = 0
            let posterior = ps_seg_prob(current, &acoustic, &language, &backoff)
            if let raw = ps_seg_word(current), let text = Self.word(String(cString: raw)) {
                let confidence = min(1, max(0, logmath_exp(logmath, posterior)))
                words.append(Word(text: text, firstFrame: Int(first), lastFrame: Int(last), confidence: confidence))
            }
            segment = ps_seg_next(current)
        }
        return words
    }

    /// The word without its pronunciation number (`read(2)`), or `nil` for silence and noise.
    static func word(_ raw: String) -> String? {
        if raw.hasPrefix("<") || raw.hasPrefix("[") || raw.hasPrefix("+") { return nil }
        if let open = raw.firstIndex(of: "("), raw.hasSuffix(")") { return String(raw[..<open]) }
        return raw
    }
}
