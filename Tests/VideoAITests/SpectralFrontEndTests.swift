import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

@Suite struct SpectralFrontEndTests {
    /// Feeds the samples in chunks of the given sizes (cycling) and returns the envelope.
    private func envelope(_ samples: [Float], chunks: [Int]) -> OnsetEnvelope {
        var frontEnd = SpectralFrontEnd(sampleRate: 22_050, settings: MusicAnalyzer.frontEndSettings(22_050))
        var start = 0, k = 0
        while start < samples.count {
            let end = min(samples.count, start + chunks[k % chunks.count])
            frontEnd.consume(Array(samples[start..<end]))
            start = end
            k += 1
        }
        return frontEnd.finish()
    }

    /// Samples stream in chunks of any size (a decoder's packets, an array cut up): how the
    /// stream is cut may not change a single feature.
    @Test func chunkingDoesNotChangeTheFeatures() {
        let samples = SyntheticMusic.drumPattern(bpm: 100, duration: 8, swing: 1.0 / 6.0, noise: 0.05).samples
        let reference = envelope(samples, chunks: [samples.count])
        #expect(reference.count == (samples.count - 1) / 256 + 1)
        for chunks in [[1 << 15], [100, 7_000, 40_000, 3], [511]] {
            let other = envelope(samples, chunks: chunks)
            #expect(other.strength == reference.strength, "chunks \(chunks)")
            #expect(other.lowStrength == reference.lowStrength)
            #expect(other.bands == reference.bands)
            #expect(other.energy.count == reference.energy.count)
            for (a, b) in zip(other.energy, reference.energy) { #expect(abs(a - b) <= 1e-6 * max(1, b)) }
        }
    }
}
