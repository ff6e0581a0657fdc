import Foundation

/// Measures loudness as ITU-R BS.1770-4 defines it (the EBU R128 meter): K-weighting (a high
/// shelf and a high pass, designed for the signal's own rate), 400 ms blocks overlapping by
/// 75 %, an absolute gate at −70 LUFS and a relative gate 10 LU below the ungated level; true
/// peak by 4× oversampling. Mono: one channel with weight 1.
package struct LoudnessMeter: Sendable {
    /// The samples' rate.
    package var sampleRate: Int

    /// Creates a meter.
    /// - Parameter sampleRate: The rate of the samples it will measure.
    package init(sampleRate: Int) {
        self.sampleRate = sampleRate
    }

    /// The integrated (gated) loudness in LUFS; `-infinity` for silence or less than 400 ms.
    /// - Parameter samples: Mono samples.
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

    /// The mean square of each 400 ms gating block of the K-weighted signal, every 100 ms.
    /// - Parameter samples: Mono samples.
    /// - Returns: One power per block.
    package func blockPowers(_ samples: [Float]) -> [Double] {
        let weighted = kWeighted(samples)
        let block = Int((0.4 * Double(sampleRate)).rounded())
        let step = Int((0.1 * Double(sampleRate)).rounded())
        guard weighted.count >= block, step > 0 else { return [] }
        // Sums over 100 ms steps, four to a block.
        var prefix = [Double](repeating: 0, count: weighted.count + 1)
        weighted.withUnsafeBufferPointer { x in
            prefix.withUnsafeMutableBufferPointer { prefix in
                for i in 0..<x.count { prefix[i + 1] = prefix[i] + x[i] * x[i] }
            }
        }
        return stride(from: 0, through: weighted.count - block, by: step).map {
            (prefix[$0 + block] - prefix[$0]) / Double(block)
        }
    }

    /// The loudness of a mean square power: −0.691 + 10·log10(power).
    package func loudness(ofPower power: Double) -> Double {
        power > 0 ? -0.691 + 10 * log10(power) : -.infinity
    }

    /// The highest true peak in dBTP: the largest magnitude of the signal oversampled 4×
    /// (by a 48-tap windowed-sinc interpolator, 12 taps a phase) and of the samples themselves.
    /// - Parameter samples: Mono samples.
    /// - Returns: The peak in dB relative to full scale; `-infinity` for silence.
    package func truePeak(_ samples: [Float]) -> Double {
        let peak = TruePeak.linear(samples)
        return peak > 0 ? 20 * log10(peak) : -.infinity
    }

    /// The signal through the K-weighting filter (two biquads), in double precision.
    package func kWeighted(_ samples: [Float]) -> [Double] {
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
        return highPass.filter(shelf.filter(samples.map(Double.init)))
    }
}

/// A direct-form-I second-order section.
struct Biquad {
    var b0, b1, b2, a1, a2: Double

    func filter(_ x: [Double]) -> [Double] {
        var y = [Double](repeating: 0, count: x.count)
        var (x1, x2, y1, y2) = (0.0, 0.0, 0.0, 0.0)
        let (b0, b1, b2, a1, a2) = (b0, b1, b2, a1, a2)
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                for n in 0..<x.count {
                    let input = x[n]
                    let out = b0 * input + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
                    x2 = x1
                    x1 = input
                    y2 = y1
                    y1 = out
                    y[n] = out
                }
            }
        }
        return y
    }
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

    /// The largest magnitude of the 4× oversampled signal.
    static func linear(_ samples: [Float]) -> Double {
        guard !samples.isEmpty else { return 0 }
        let half = tapsPerPhase / 2
        // Zero padding on both sides, so the loop needs no bounds tests.
        var x = [Double](repeating: 0, count: samples.count + tapsPerPhase)
        for (n, sample) in samples.enumerated() { x[n + half - 1] = Double(sample) }
        var peak = 0.0
        let phases = factor - 1
        let perPhase = tapsPerPhase
        taps.withUnsafeBufferPointer { taps in
            x.withUnsafeBufferPointer { x in
                for n in 0..<samples.count {
                    let window = x.baseAddress! + n  // x[n + j] is input sample n + j - half + 1
                    peak = max(peak, abs(window[half - 1]))
                    for p in 0..<phases {
                        let phase = taps.baseAddress! + p * perPhase
                        var sum = 0.0
                        for j in 0..<perPhase { sum += phase[j] * window[j] }
                        peak = max(peak, abs(sum))
                    }
                }
            }
        }
        return peak
    }
}
