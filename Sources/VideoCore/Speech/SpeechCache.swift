import Foundation
import Synchronization

/// Spoken narration kept by (voice engine, voice, lexicon, text) in a task folder's `speech-cache/`.
///
/// espeak-ng carries a little state from one utterance to the next, so speaking a whole video
/// again after one edit would shift the other scenes by a few samples; reusing their cached
/// speech keeps them exactly as they were.
///
/// # Thread safety
/// Safe to share: the keys this run used are kept under a `Mutex`, and each entry's files are
/// written atomically.
public final class SpeechCache: Sendable {
    private let directory: URL
    /// The keys loaded or stored by this run, which `prune` keeps.
    private let used = Mutex<Set<String>>([])

    /// Opens (creating) the cache folder.
    /// - Parameter directory: The cache folder, created when missing.
    /// - Throws: `VideoError` (`.io`) when the folder cannot be created.
    public init(directory: URL) throws {
        self.directory = directory
        try AtomicFile.makeDirectory(directory)
    }

    /// The cache key of `text` spoken by `engine` with `voice` and the lexicon entries that
    /// changed how it is said.
    /// - Parameters:
    ///   - engine: The synthesizer's identifier (its engine, version and settings).
    ///   - voice: The voice.
    ///   - lexicon: The pronunciation entries applied to `text`, as sorted `word→spoken` lines
    ///     (empty when none applies, so editing an entry re-speaks only the scenes using it).
    ///   - text: What is written.
    /// - Returns: A hex digest naming the entry's files.
    public static func key(engine: String, voice: Voice, lexicon: [String] = [], text: String) -> String {
        let entries = lexicon.isEmpty ? "" : "\u{1}lexicon\u{2}" + lexicon.joined(separator: "\u{2}")
        return ContentHash.hex("\(engine)\u{1}\(voice.name)\u{1}\(text)\(entries)".utf8)
    }

    /// The cached speech for `key`, if it is there and readable.
    func load(_ key: String) -> SpeechAudio? {
        let base = directory.appendingPathComponent(key)
        guard let wav = try? Data(contentsOf: base.appendingPathExtension("wav")),
            let json = try? Data(contentsOf: base.appendingPathExtension("json")),
            let words = try? JSONDecoder().decode([SpokenWord].self, from: json),
            let (samples, rate) = try? wavSamples(wav, name: key)
        else { return nil }
        used.withLock { _ = $0.insert(key) }
        return SpeechAudio(samples: samples, sampleRate: rate, words: words)
    }

    /// Keeps `speech` (already rounded to 16-bit steps) under `key`.
    func store(_ speech: SpeechAudio, key: String) throws {
        let base = directory.appendingPathComponent(key)
        try AtomicFile.write(try JSONEncoder().encode(speech.words), to: base.appendingPathExtension("json"))
        try AtomicFile.write(
            wavData(samples: speech.samples, sampleRate: speech.sampleRate), to: base.appendingPathExtension("wav"))
        used.withLock { _ = $0.insert(key) }
    }

    /// Removes entries this run did not use.
    func prune() {
        let keep = used.withLock { $0 }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
            let key = (name as NSString).deletingPathExtension
            if !keep.contains(key) { try? FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
        }
    }
}
