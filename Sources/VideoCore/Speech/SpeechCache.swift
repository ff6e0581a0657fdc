import Foundation

/// Spoken narration kept by (voice engine, voice, text) in a task folder's `speech-cache/`.
///
/// espeak-ng carries a little state from one utterance to the next, so speaking a whole video
/// again after one edit would shift the other scenes by a few samples; reusing their cached
/// speech keeps them exactly as they were.
public final class SpeechCache: @unchecked Sendable {
    private let directory: URL
    private let lock = NSLock()
    private var used: Set<String> = []

    /// Opens (creating) the cache folder.
    public init(directory: URL) throws {
        self.directory = directory
        try AtomicFile.makeDirectory(directory)
    }

    /// The cache key of `text` spoken by `engine` with `voice`.
    public static func key(engine: String, voice: Voice, text: String) -> String {
        ContentHash.hex("\(engine)\u{1}\(voice.name)\u{1}\(text)".utf8)
    }

    /// The cached speech for `key`, if it is there and readable.
    func load(_ key: String) -> SpeechAudio? {
        let base = directory.appendingPathComponent(key)
        guard let wav = try? Data(contentsOf: base.appendingPathExtension("wav")),
            let json = try? Data(contentsOf: base.appendingPathExtension("json")),
            let words = try? JSONDecoder().decode([SpokenWord].self, from: json),
            let (samples, rate) = try? wavSamples(wav, name: key)
        else { return nil }
        lock.withLock { _ = used.insert(key) }
        return SpeechAudio(samples: samples, sampleRate: rate, words: words)
    }

    /// Keeps `speech` (already rounded to 16-bit steps) under `key`.
    func store(_ speech: SpeechAudio, key: String) throws {
        let base = directory.appendingPathComponent(key)
        try AtomicFile.write(try JSONEncoder().encode(speech.words), to: base.appendingPathExtension("json"))
        try AtomicFile.write(
            wavData(samples: speech.samples, sampleRate: speech.sampleRate), to: base.appendingPathExtension("wav"))
        lock.withLock { _ = used.insert(key) }
    }

    /// Removes entries this run did not use.
    func prune() {
        let keep = lock.withLock { used }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
            let key = (name as NSString).deletingPathExtension
            if !keep.contains(key) { try? FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
        }
    }
}
