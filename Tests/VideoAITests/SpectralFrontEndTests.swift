import Testing

@testable import VideoAI

@Suite struct SpectralFrontEndTests {
    /// Feeds the samples in chunks of the given sizes (cycling) and returns the envelope.
    private func envelope(_ samples: [Float], chunks: [Int], workers: Int) -> OnsetEnvelope {
        var frontEnd = SpectralFrontEnd(
            sampleRate: 22_050, settings: MusicAnalyzer.frontEndSettings(22_050), workers: workers)
        var start = 0, k = 0
        while start < samples.count {
            let end = min(samples.count, start + chunks[k % chunks.count])
            frontEnd.consume(Array(samples[start..<end]))
            start = end
            k += 1
        }
        return frontEnd.finish()
    }

    /// Frames are shared between threads in batches as they arrive: neither the number of
    /// threads nor how the stream is cut may change a single feature.
    @Test func threadsAndChunkingDoNotChangeTheFeatures() {
        let samples = SyntheticMusic.drumPattern(bpm: 100, duration: 8, swing: 1.0 / 6.0, noise: 0.05).samples
        let reference = envelope(samples, chunks: [samples.count], workers: 1)
        #expect(reference.count == (samples.count - 1) / 256 + 1)
        for (chunks, workers) in [([samples.count], 2), ([1 << 15], 2), ([100, 7_000, 40_000, 3], 2), ([511], 1)] {
            let other = envelope(samples, chunks: chunks, workers: workers)
            #expect(other.strength == reference.strength, "chunks \(chunks), workers \(workers)")
            #expect(other.lowStrength == reference.lowStrength)
            #expect(other.bands == reference.bands)
            #expect(other.energy.count == reference.energy.count)
            for (a, b) in zip(other.energy, reference.energy) { #expect(abs(a - b) <= 1e-6 * max(1, b)) }
        }
    }
}
