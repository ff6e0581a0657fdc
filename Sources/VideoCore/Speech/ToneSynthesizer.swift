import Foundation

/// A deterministic stand-in voice for tests and previews: every word is a fixed-length quiet
/// tone, every punctuation mark a fixed pause. No speech engine is involved.
///
/// A word is any run of non-whitespace characters (punctuation stays with its word, as with
/// `EspeakSynthesizer`). Each lasts `secondsPerWord`; a word ending in `.`, `,`, `;`, `:`,
/// `!`, `?` or `…` is followed by `secondsPerPause` of silence. Word boundaries are exact, so
/// tests can assert timings: with the defaults, "Hello, world." lasts 0.3 + 0.15 + 0.3 + 0.15
/// = 0.9 s. The tone's pitch depends only on the voice name.
///
/// # Thread safety
/// A value type without state: the same text and voice always give the same samples, in any
/// task, byte for byte.
public struct ToneSynthesizer: SpeechSynthesizer {
    /// How long each word lasts, in seconds.
    public var secondsPerWord: Double
    /// The silence after a word ending in punctuation, in seconds.
    public var secondsPerPause: Double
    /// Samples per second.
    public var sampleRate: Int

    /// Creates the voice.
    /// - Parameters:
    ///   - secondsPerWord: How long each word lasts.
    ///   - secondsPerPause: The pause after punctuation.
    ///   - sampleRate: Samples per second (espeak-ng's 22 050 by default).
    public init(secondsPerWord: Double = 0.3, secondsPerPause: Double = 0.15, sampleRate: Int = 22_050) {
        self.secondsPerWord = max(0.01, secondsPerWord)
        self.secondsPerPause = max(0, secondsPerPause)
        self.sampleRate = max(8_000, sampleRate)
    }

    /// `tone` with its word and pause lengths and rate.
    public var identifier: String { "tone \(secondsPerWord)s/word \(secondsPerPause)s/pause \(sampleRate) Hz" }

    /// The characters after which a pause follows.
    public static let pauseCharacters: Set<Character> = [".", ",", ";", ":", "!", "?", "…"]

    /// Speaks `text` as tones.
    public func synthesize(_ text: String, voice: Voice) async throws -> SpeechAudio {
        speak(text, voice: voice)
    }

    /// The synchronous form of `synthesize(_:voice:)`.
    public func speak(_ text: String, voice: Voice) -> SpeechAudio {
        let wordSamples = Int((secondsPerWord * Double(sampleRate)).rounded())
        let pauseSamples = Int((secondsPerPause * Double(sampleRate)).rounded())
        let tone = Self.tone(count: wordSamples, frequency: frequency(for: voice), sampleRate: sampleRate)
        var samples: [Float] = []
        var words: [SpokenWord] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            let start = samples.count
            samples += tone
            words.append(SpokenWord(text: String(word), startSample: start, endSample: samples.count))
            if let last = word.last, Self.pauseCharacters.contains(last) {
                samples += [Float](repeating: 0, count: pauseSamples)
            }
        }
        return SpeechAudio(samples: samples, sampleRate: sampleRate, words: words)
    }

    /// A pitch between 180 and 320 Hz that depends only on the voice's name.
    private func frequency(for voice: Voice) -> Double {
        let sum = voice.name.unicodeScalars.reduce(0) { $0 + Int($1.value) }
        return 180 + Double(sum % 8) * 20
    }

    /// One word's tone: a sine at amplitude 0.1 with 5 ms ramps at both ends.
    private static func tone(count: Int, frequency: Double, sampleRate: Int) -> [Float] {
        let ramp = max(1, sampleRate / 200)
        return (0..<count).map { n in
            let envelope = min(1, Double(min(n, count - 1 - n)) / Double(ramp))
            return Float(0.1 * envelope * sin(2 * Double.pi * frequency * Double(n) / Double(sampleRate)))
        }
    }
}
