import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// The aligner's accuracy: one in-process voice plays the server (its word events are the
/// truth), another speaks the reference, and the aligned word starts are compared with the truth.
@Suite struct ForcedAlignerTests {
    static let texts = [
        "Narration comes first. Every scene's script is spoken before any frame is drawn, and the measured speech decides how long each scene lasts.",
        "Point vgen at a Markdown file. Headings become scenes, bullet lists become list slides, and code blocks become terminal panels.",
        "A long render that is stopped picks up where it stopped. After you edit one section, a new render redraws only that section.",
    ]

    @Test func espeakAlignedAgainstFliteWithin50msMedian() async throws {
        var errors: [Double] = []
        let aligner = ForcedAligner(reference: VoiceChain(), referenceVoice: .male)
        for text in Self.texts {
            let truth = try await EspeakSynthesizer(wordsPerMinute: 150).synthesize(text, voice: "en-us")
            let words = try await aligner.align(truth.samples, sampleRate: truth.sampleRate, text: text)
            #expect(words.map(\.text) == truth.words.map(\.text))
            errors += zip(words, truth.words).map {
                Double(abs($0.startSample - $1.startSample)) / Double(truth.sampleRate)
            }
        }
        let median = (median(errors) ?? .infinity)
        let within100 = Double(errors.filter { $0 <= 0.1 }.count) / Double(errors.count)
        print(
            "alignment espeak-ng (150 wpm) vs flite reference: \(errors.count) words, median \(Int((median * 1000).rounded())) ms, \(Int((within100 * 100).rounded())) % within 100 ms, worst \(Int(((errors.max() ?? 0) * 1000).rounded())) ms"
        )
        #expect(median <= 0.050)
    }

    @Test func aVoiceAlignedWithItselfIsExact() async throws {
        let text = Self.texts[0]
        let speech = try await FliteSynthesizer().synthesize(text, voice: .female)
        let words = try ForcedAligner.align(speech.samples, sampleRate: speech.sampleRate, to: speech)
        let errors = zip(words, speech.words).map { Double(abs($0.startSample - $1.startSample)) / 16_000 }
        #expect((errors.max() ?? 1) <= 0.011)
    }
}
