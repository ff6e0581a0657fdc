import Foundation
import Testing
import VideoTestSupport

@testable import VideoCore

/// The BS.1770-4 meter, the normalizer and the side-chain on signals with known answers.
@Suite struct LoudnessMeterTests {
    static func sine(_ frequency: Double, amplitude: Double, seconds: Double, rate: Int, phase: Double = 0) -> [Float] {
        (0..<Int(seconds * Double(rate))).map {
            Float(amplitude * sin(2 * Double.pi * frequency * Double($0) / Double(rate) + phase))
        }
    }

    @Test(arguments: [48_000, 44_100, 22_050])
    func aSineReadsAsBS1770Says(rate: Int) {
        // BS.1770-4: a 997 Hz sine at 0 dBFS reads −3.01 LKFS; at amplitude 0.1, −23.01.
        let meter = LoudnessMeter(sampleRate: rate)
        let loudness = meter.integratedLoudness(Self.sine(997, amplitude: 0.1, seconds: 3, rate: rate))
        #expect(abs(loudness - -23.01) < 0.05, "\(loudness)")
    }

    @Test func gatingLeavesSilenceOut() {
        let meter = LoudnessMeter(sampleRate: 48_000)
        let tone = Self.sine(997, amplitude: 0.1, seconds: 2, rate: 48_000)
        let withSilence = tone + [Float](repeating: 0, count: 48_000 * 4) + tone
        // Only the blocks straddling the edges are partly silent; the ungated mean would be 3 dB lower.
        let gated = meter.integratedLoudness(withSilence)
        #expect(abs(gated - -23.01) < 0.5, "the gates drop the silence: \(gated)")
        #expect(meter.integratedLoudness([Float](repeating: 0, count: 48_000)) == -.infinity)
    }

    @Test func truePeakFindsThePeakBetweenSamples() {
        // A sine at a quarter of the rate, sampled 45° off its crests: every sample is at
        // 0.707 of the peak (−3 dB); the true peak is the sine's amplitude.
        let meter = LoudnessMeter(sampleRate: 48_000)
        let samples = Self.sine(12_000, amplitude: 0.5, seconds: 0.5, rate: 48_000, phase: Double.pi / 4)
        let samplePeak = 20 * log10(Double(samples.map { abs($0) }.max()!))
        let truePeak = meter.truePeak(samples)
        #expect(abs(samplePeak - -9.03) < 0.05)
        #expect(abs(truePeak - -6.02) < 0.3, "\(truePeak)")
    }

    @Test func theNormalizerReachesItsTargetUnderTheCeiling() {
        var rng = SplitMix(seed: 7)
        // Bursts of noise with loud clicks: the limiter has work to do.
        var samples = (0..<(22_050 * 6)).map { _ in Float(rng.nextSigned()) * 0.05 }
        for n in stride(from: 1000, to: samples.count, by: 5000) { samples[n] = 0.9 }
        let normalizer = LoudnessNormalizer(target: -14, truePeak: -1, sampleRate: 22_050)
        let out = normalizer.normalize(samples)
        let meter = LoudnessMeter(sampleRate: 22_050)
        #expect(abs(meter.integratedLoudness(out) - -14) < 0.1)
        #expect(meter.truePeak(out) <= -1 - LoudnessNormalizer.codecMargin + 0.06)
        #expect(normalizer.normalize(samples) == out, "deterministic")
    }

    @Test func theSideChainDucksAheadOfSpeechAndReleasesAfter() {
        let rate = 10_000
        let silence = [Float](repeating: 0, count: rate)
        let speech = Self.sine(300, amplitude: 0.1, seconds: 1, rate: rate)
        let narration = silence + speech + silence
        let gains = SideChainDucker(options: SoundOptions(), sampleRate: rate).gains(for: narration)
        func db(_ seconds: Double) -> Double { 20 * log10(gains[Int(seconds * Double(rate))]) }
        #expect(abs(db(0.5)) < 0.01, "full level in the silence before")
        #expect(abs(db(0.95) - -7.5) < 0.5, "halfway through the 100 ms attack, 50 ms before the speech")
        #expect(abs(db(1.0) - -15) < 0.1 && abs(db(1.5) - -15) < 0.01, "ducked while it speaks")
        #expect(abs(db(2.2) - -7.5) < 0.5, "halfway through the 400 ms release")
        #expect(abs(db(2.5)) < 0.01, "back after the release")
    }

    @Test func musicIsLoopedOrTrimmedToTheVideo() {
        #expect(MusicBed.fitted([1, 2, 3], count: 7) == [1, 2, 3, 1, 2, 3, 1])
        #expect(MusicBed.fitted([1, 2, 3], count: 2) == [1, 2])
    }

    @Test func aLoudnessOutsideTheRangeIsRefused() throws {
        #expect(throws: VideoError.self) { try SoundOptions.validate(loudness: 3) }
        #expect(try SoundOptions.validate(loudness: -23) == -23)
    }

    /// The true peak is found a block at a time (no copy of the whole signal): the same value
    /// as the per-sample magnitudes' maximum, with the loudest point at a block's edge, at the
    /// signal's first and last samples and in the middle of a block.
    @Test(arguments: [65_535, 65_536, 65_540, 131_072, 200_000])
    func blockwiseTruePeakMatchesTheWholeSignal(peakAt: Int) {
        var samples = Self.sine(997, amplitude: 0.3, seconds: 5, rate: 44_100)
        for n in [0, samples.count - 1, min(peakAt, samples.count - 1)] { samples[n] = 0.9 }
        samples[min(peakAt, samples.count - 1) - 1] = -0.9
        let magnitudes = TruePeak.magnitudes(samples)
        let whole = Double(magnitudes.max() ?? 0)
        #expect(TruePeak.linear(samples) == whole)
        #expect(whole > 0.9)
        #expect(TruePeak.linear([]) == 0)
        #expect(TruePeak.magnitudes([]).isEmpty)
        // Around the block edges, each sample's magnitude is the interpolator's over the whole signal.
        for n in [0, 1, 65_530, 65_535, 65_536, 65_541, 131_071, 131_072, samples.count - 1] {
            #expect(magnitudes[n] == Self.oversampledMagnitude(samples, at: n), "sample \(n)")
        }
    }

    /// The largest magnitude of the 4× oversampled signal from sample `n` up to the next,
    /// straight from the definition: the sample itself and each phase's taps over its neighbours
    /// (zero outside the signal).
    private static func oversampledMagnitude(_ samples: [Float], at n: Int) -> Float {
        let half = TruePeak.tapsPerPhase / 2
        var peak = abs(Double(samples[n]))
        for p in 0..<(TruePeak.factor - 1) {
            var sum = 0.0
            for j in 0..<TruePeak.tapsPerPhase {
                let i = n + j - half + 1
                sum +=
                    TruePeak.taps[p * TruePeak.tapsPerPhase + j] * Double(i >= 0 && i < samples.count ? samples[i] : 0)
            }
            peak = max(peak, abs(sum))
        }
        return Float(peak)
    }
}
