import Foundation
import Synchronization
import VideoCore

/// English speech recognition offline, in process, with CMU pocketsphinx (Debian 12's
/// `libpocketsphinx-dev` 5prealpha and the `pocketsphinx-en-us` model): words with times from
/// their frames (100 a second) and confidences from their posterior probabilities.
///
/// Audio is resampled to 16 kHz mono by libswresample and decoded in windows of about 20 s,
/// each ending at its quietest 10 ms within the last 3 s, so long recordings keep the search
/// small. pocketsphinx's noise and silence tokens (`<sil>`, `[NOISE]`) are dropped.
///
/// # Thread safety
/// Decoders are made per call; sphinxbase keeps process-wide logging state, so calls run one
/// at a time under a shared lock, each on a dedicated thread.
public struct PocketSphinxRecognizer: SpeechRecognizer {
    /// Where Debian's `pocketsphinx-en-us` puts the US English model.
    public static let debianModel = URL(fileURLWithPath: "/usr/share/pocketsphinx/model/en-us")
    /// The rate pocketsphinx's en-us model expects.
    public static let sampleRate = 16_000
    static let frameRate = 100.0
    static let windowSamples = 20 * sampleRate
    private static let lock = Mutex(())

    /// The model folder: an acoustic model folder `en-us/`, `en-us.lm.bin` and `cmudict-en-us.dict`.
    public let modelDirectory: URL

    /// `pocketsphinx`.
    public var name: String { "pocketsphinx" }

    /// Creates a recognizer.
    /// - Parameter modelDirectory: The model folder (default: Debian's).
    /// - Throws: `VideoError` (`.speech`) naming the model file that is missing.
    public init(modelDirectory: URL = PocketSphinxRecognizer.debianModel) throws {
        for file in ["en-us", "en-us.lm.bin", "cmudict-en-us.dict"] {
            let path = modelDirectory.appendingPathComponent(file).path
            guard FileManager.default.fileExists(atPath: path) else {
                throw VideoError(
                    .speech, "the pocketsphinx model has no \(path) (apt-get install pocketsphinx-en-us)",
                    field: "recognizer")
            }
        }
        self.modelDirectory = modelDirectory
    }

    /// Recognizes mono speech.
    /// - Parameters:
    ///   - samples: Mono samples, −1…1.
    ///   - sampleRate: Their rate in hertz (resampled to 16 kHz).
    /// - Returns: The words heard, `source` `pocketsphinx`, `language` `en`.
    /// - Throws: `VideoError` (`.speech`) with pocketsphinx's failure, or `CancellationError`.
    public func transcribe(_ samples: [Float], sampleRate: Int) async throws -> Transcript {
        let model = modelDirectory
        let words = try await DedicatedThread.run(name: "vgen-pocketsphinx") { flag in
            let audio = try SampleRateConverter.resample(samples, from: sampleRate, to: Self.sampleRate)
            let pcm = audio.map { Int16(max(-1, min(1, $0)) * 32767) }
            return try Self.lock.withLock { _ in
                let decoder = try PocketSphinxDecoder(model: model)
                var words: [TranscriptWord] = []
                for window in Self.windows(pcm) {
                    try flag.check()
                    let offset = Double(window.lowerBound) / Double(Self.sampleRate)
                    words += try decoder.decode(pcm[window], flag: flag).map {
                        TranscriptWord(
                            text: $0.text, start: offset + Double($0.firstFrame) / Self.frameRate,
                            end: offset + Double($0.lastFrame + 1) / Self.frameRate, confidence: $0.confidence)
                    }
                }
                return words
            }
        }
        return Transcript(words: words, language: "en", source: name)
    }

    /// Windows of about 20 s, each ending at the quietest 10 ms of its last 3 s.
    static func windows(_ pcm: [Int16]) -> [Range<Int>] {
        let hop = sampleRate / 100
        var ranges: [Range<Int>] = []
        var start = 0
        while start < pcm.count {
            var end = min(pcm.count, start + windowSamples)
            if end < pcm.count {
                var best = (energy: Int64.max, at: end)
                var at = end - 3 * sampleRate
                while at + hop <= end {
                    let energy = pcm[at..<(at + hop)].reduce(Int64(0)) { $0 + Int64($1) * Int64($1) }
                    if energy < best.energy { best = (energy, at + hop / 2) }
                    at += hop
                }
                end = best.at
            }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}
