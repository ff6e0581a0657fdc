import Foundation

/// Measures loudness as ITU-R BS.1770-4 defines it (the EBU R128 meter): K-weighting (a high
/// shelf and a high pass, designed for the signal's own rate), 400 ms blocks overlapping by
/// 75 %, an absolute gate at −70 LUFS and a relative gate 10 LU below the ungated level; true
/// peak by 4× oversampling. Channels are interleaved; mono, left and right have weight 1.
package struct LoudnessMeter: Sendable {
    /// The samples' rate.
    package var sampleRate: Int
    /// Interleaved channels (1 or 2).
    package var channels: Int

    /// Creates a meter.
    /// - Parameters:
    ///   - sampleRate: The rate of the samples it will measure.
    ///   - channels: How many channels the samples interleave.
    package init(sampleRate: Int, channels: Int = 1) {
        self.sampleRate = sampleRate
        self.channels = max(1, channels)
    }

    /// The integrated (gated) loudness in LUFS; `-infinity` for silence or less than 400 ms.
    /// - Parameter samples: Interleaved samples.
    /// - Returns: The loudness.
    package func integratedLoudness(_ samples: [Float]) -> Double {
        let powers = blockPowers(samples)
        let absolute = powers.filter { loudness(ofPower: $0) > -70 }
        guard !absolute.isEmpty else { return -.infinity }
        let relativeGate = loudness(ofPower: absolute.reduce(0, +) / Double(absolute.count)) - 10
        let gated = absolute.filter { loudness(ofPower: $0) > relativeGate }
        guard !gated.isEmpty else { return -.infinity }
        return loudness(ofPower: gated.reduce(0, +) / Double(gated.count))
    }

    /// Each 400 ms gating block's K-weighted mean square, summed over the channels, every 100 ms.
    /// - Parameter samples: Interleaved samples.
    /// - Returns: One power per block.
    package func blockPowers(_ samples: [Float]) -> [Double] {
        var total: [Double] = []
        for channel in Self.split(samples, channels: channels) {
            let powers = channelBlockPowers(channel)
            total = total.isEmpty ? powers : zip(total, powers).map { $0 + $1 }
        }
        return total
    }

    /// One channel's samples out of interleaved ones.
    package static func split(_ samples: [Float], channels: Int) -> [[Float]] {
        guard channels > 1 else { return [samples] }
        let frames = samples.count / channels
        return (0..<channels).map { c in (0..<frames).map { samples[$0 * channels + c] } }
    }

    /// One channel's block powers, K-weighted on the fly: the squares are summed per 100 ms
    /// step and four steps make a block, so no weighted copy of the signal is kept.
    private func channelBlockPowers(_ samples: [Float]) -> [Double] {
        let step = Int((0.1 * Double(sampleRate)).rounded())
        guard step > 0, samples.count >= 4 * step else { return [] }
        let (shelf, highPass) = kWeighting()
        var steps: [Double] = []
        steps.reserveCapacity(samples.count / step)
        var (x1, x2, y1, y2) = (0.0, 0.0, 0.0, 0.0)  // the shelf's state
        var (u1, u2, z1, z2) = (0.0, 0.0, 0.0, 0.0)  // the high pass's state
        var sum = 0.0
        var inStep = 0
        samples.withUnsafeBufferPointer { x in
            for n in 0..<x.count {
                let input = Double(x[n])
                let y = shelf.b0 * input + shelf.b1 * x1 + shelf.b2 * x2 - shelf.a1 * y1 - shelf.a2 * y2
                (x2, x1, y2, y1) = (x1, input, y1, y)
                let z = highPass.b0 * y + highPass.b1 * u1 + highPass.b2 * u2 - highPass.a1 * z1 - highPass.a2 * z2
                (u2, u1, z2, z1) = (u1, y, z1, z)
                sum += z * z
                inStep += 1
                if inStep == step {
                    steps.append(sum)
                    sum = 0
                    inStep = 0
                }
            }
        }
        guard steps.count >= 4 else { return [] }
        let blockLength = Double(4 * step)
        return (0...(steps.count - 4)).map { i -> Double in
            let sum: Double = steps[i] + steps[i + 1] + steps[i + 2] + steps[i + 3]
            return sum / blockLength
        }
    }

    /// The loudness of a mean square power: −0.691 + 10·log10(power).
    package func loudness(ofPower power: Double) -> Double {
        power > 0 ? -0.691 + 10 * log10(power) : -.infinity
    }

    /// The highest true peak in dBTP: the largest magnitude of the signal oversampled 4×
    /// (by a 48-tap windowed-sinc interpolator, 12 taps a phase) and of the samples themselves.
    /// - Parameter samples: Interleaved samples.
    /// - Returns: The peak in dB relative to full scale, the highest of any channel;
    ///   `-infinity` for silence.
    package func truePeak(_ samples: [Float]) -> Double {
        let peak = Self.split(samples, channels: channels).map(TruePeak.linear).max() ?? 0
        return peak > 0 ? 20 * log10(peak) : -.infinity
    }

    /// The K-weighting filter's two stages for this rate.
    func kWeighting() -> (shelf: Biquad, highPass: Biquad) {
        let rate = Double(sampleRate)
        // Stage 1: the high shelf modelling the head (BS.1770-4, coefficients designed for
        // `rate` from the filter's analogue parameters, as libebur128 does).
        var k = tan(Double.pi * 1681.974450955533 / rate)
        let vh = pow(10, 3.999843853973347 / 20)
        let vb = pow(vh, 0.4996667741545416)
        var q = 0.7071752369554196
        var a0 = 1 + k / q + k * k
        let shelf = Biquad(
            b0: (vh + vb * k / q + k * k) / a0, b1: 2 * (k * k - vh) / a0, b2: (vh - vb * k / q + k * k) / a0,
            a1: 2 * (k * k - 1) / a0, a2: (1 - k / q + k * k) / a0)
        // Stage 2: the RLB high pass.
        k = tan(Double.pi * 38.13547087602444 / rate)
        q = 0.5003270373238773
        a0 = 1 + k / q + k * k
        let highPass = Biquad(b0: 1, b1: -2, b2: 1, a1: 2 * (k * k - 1) / a0, a2: (1 - k / q + k * k) / a0)
        return (shelf, highPass)
    }
}

/// The coefficients of a second-order section (`a0` = 1).
struct Biquad {
    var b0, b1, b2, a1, a2: Double
}

/// 4× oversampling peak detection (ITU-R BS.1770-4 Annex 2).
enum TruePeak {
    static let factor = 4
    static let tapsPerPhase = 12

    /// The polyphase interpolator, phases 1–3 one after the other: phase `p` holds the taps
    /// that compute the sample `p/4` of the way to the next input sample (a Hann-windowed
    /// sinc, cut off at the input's Nyquist). Phase 0 is the input sample itself.
    static let taps: [Double] = (1..<factor).flatMap { p in
        let half = Double(tapsPerPhase) / 2
        return (0..<tapsPerPhase).map { j in
            let t = Double(j) - half + 1 - Double(p) / Double(factor)  // distance in input samples
            let sinc = t == 0 ? 1 : sin(Double.pi * t) / (Double.pi * t)
            let window = 0.5 + 0.5 * cos(Double.pi * t / (half + 1))
            return sinc * window
        }
    }

    /// The largest magnitude of the 4× oversampled signal, computed a block at a time so no
    /// copy of the whole signal is made (the same values as `magnitudes(_:).max()`).
    static func linear(_ samples: [Float]) -> Double {
        var peak: Float = 0
        blocks(samples) { _, magnitude in peak = max(peak, magnitude) }
        return Double(peak)
    }

    /// For each sample, the largest magnitude of the 4× oversampled signal from it up to
    /// (not including) the next sample.
    static func magnitudes(_ samples: [Float]) -> [Float] {
        var out = [Float](repeating: 0, count: samples.count)
        out.withUnsafeMutableBufferPointer { out in blocks(samples) { n, magnitude in out[n] = magnitude } }
        return out
    }

    /// Calls `body(n, peak)` for every sample n, a block of 65 536 at a time through a padded
    /// window (zero outside the signal), so the loop needs no bounds tests and no padded copy
    /// of the whole signal exists.
    private static func blocks(_ samples: [Float], _ body: (Int, Float) -> Void) {
        let block = 1 << 16
        let half = tapsPerPhase / 2
        var x = [Float](repeating: 0, count: block + tapsPerPhase)
        samples.withUnsafeBufferPointer { samples in
            for start in stride(from: 0, to: samples.count, by: block) {
                let count = min(block, samples.count - start)
                // x[j] is input sample start + j - half + 1, zero outside the signal.
                for j in x.indices {
                    let i = start + j - half + 1
                    x[j] = i >= 0 && i < samples.count ? samples[i] : 0
                }
                x.withUnsafeBufferPointer { x in
                    oversampledPeaks(x, count: count) { n, magnitude in body(start + n, magnitude) }
                }
            }
        }
    }

    /// Calls `body(n, peak)` for n in 0..<count, where `x[n + j]` is input sample n + j − half + 1
    /// (`x` holds `count + tapsPerPhase` values) and `peak` is the largest magnitude of the 4×
    /// oversampled signal from sample n up to the next.
    private static func oversampledPeaks(
        _ x: UnsafeBufferPointer<Float>, count: Int, _ body: (Int, Float) -> Void
    ) {
        let half = tapsPerPhase / 2
        let phases = factor - 1
        let perPhase = tapsPerPhase
        taps.withUnsafeBufferPointer { taps in
            for n in 0..<count {
                let window = x.baseAddress! + n
                var peak = abs(Double(window[half - 1]))
                for p in 0..<phases {
                    let phase = taps.baseAddress! + p * perPhase
                    var sum = 0.0
                    for j in 0..<perPhase { sum += phase[j] * Double(window[j]) }
                    peak = max(peak, abs(sum))
                }
                body(n, Float(peak))
            }
        }
    }
}
