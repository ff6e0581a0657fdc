import Foundation
import Testing
import VideoCore

@testable import VideoAI

/// pocketsphinx, linked in process, hears flite's clearest voice (Docs/Talks.md).
@Suite struct PocketSphinxRecognizerTests {
    static let sentence = "the cat sat on the mat and the dog ran to the park"

    @Test func hearsFliteSpeechWithTimesInsideTheSpeech() async throws {
        let speech = try await FliteSynthesizer().synthesize(Self.sentence, voice: .male)
        // Half a second of silence before the speech, so times must be shifted past it.
        let lead = [Float](repeating: 0, count: speech.sampleRate / 2)
        let samples = lead + speech.samples
        let transcript = try await PocketSphinxRecognizer().transcribe(samples, sampleRate: speech.sampleRate)
        #expect(transcript.source == "pocketsphinx" && transcript.language == "en")
        let heard = transcript.words.map { $0.text.lowercased() }
        let said = Self.sentence.split(separator: " ").map(String.init)
        let matched = Self.commonSubsequence(said, heard)
        #expect(Double(matched) / Double(said.count) >= 0.5, "heard \(heard)")
        let total = Double(samples.count) / Double(speech.sampleRate)
        let firstSpoken = 0.5 + Double(speech.words[0].startSample) / Double(speech.sampleRate)
        for word in transcript.words {
            #expect(word.start >= firstSpoken - 0.3 && word.end <= total + 0.01 && word.start <= word.end)
            #expect((0...1).contains(word.confidence ?? -1))
        }
        for (a, b) in zip(transcript.words, transcript.words.dropFirst()) { #expect(a.end <= b.start + 1e-9) }
    }

    @Test func longAudioIsDecodedInWindowsAtQuietPoints() {
        var pcm = [Int16](repeating: 1000, count: 45 * 16_000)
        // Quiet 10 ms at 18.5 s and at 37 s: the windows end there.
        for k in 0..<160 { pcm[18 * 16_000 + 8_000 + k] = 0; pcm[37 * 16_000 + k] = 0 }
        let windows = PocketSphinxRecognizer.windows(pcm)
        #expect(windows.count == 3)
        #expect(windows.first?.lowerBound == 0 && windows.last?.upperBound == pcm.count)
        for (a, b) in zip(windows, windows.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        #expect(abs(windows[0].upperBound - (18 * 16_000 + 8_080)) <= 80)
    }

    @Test func missingModelNamesTheFile() {
        #expect(throws: VideoError.self) {
            try PocketSphinxRecognizer(modelDirectory: URL(fileURLWithPath: "/nonexistent"))
        }
        #expect(PocketSphinxDecoder.word("read(2)") == "read" && PocketSphinxDecoder.word("<sil>") == nil)
        #expect(PocketSphinxDecoder.word("[NOISE]") == nil && PocketSphinxDecoder.word("hello") == "hello")
    }

    /// The length of the longest common subsequence of two word lists.
    static func commonSubsequence(_ a: [String], _ b: [String]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var previous = 0
            for (j, y) in b.enumerated() {
                let saved = row[j + 1]
                row[j + 1] = x == y ? previous + 1 : max(row[j + 1], row[j])
                previous = saved
            }
        }
        return row[b.count]
    }
}
