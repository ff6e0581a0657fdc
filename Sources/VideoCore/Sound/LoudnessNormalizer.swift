import Foundation

/// Brings a mix to an integrated loudness with its true peak under a ceiling: a gain, then a
/// look-ahead peak limiter, measured again and corrected until both hold.
///
/// The limiter leaves a margin under the ceiling (`codecMargin`) for the overshoot lossy
/// coding adds, so the decoded AAC still meets it.
package struct LoudnessNormalizer: Sendable {
    /// The integrated loudness to reach, in LUFS.
    package var target: Double
    /// The true-peak ceiling, in dBTP.
    package var truePeak: Double
    /// The samples' rate.
    package var sampleRate: Int
    /// Interleaved channels; the limiter's gain is linked across them.
    package var channels: Int
    /// Headroom kept under the ceiling for the AAC encoder's overshoot, in dB.
    package static let codecMargin = 0.7
    /// The limiter's look-ahead (its attack), in seconds.
    package static let lookAhead = 0.005
    /// The limiter's release, in seconds.
    package static let release = 0.08

    /// Creates a normalizer.
    /// - Parameters:
    ///   - target: The integrated loudness in LUFS.
    ///   - truePeak: The ceiling in dBTP.
    ///   - sampleRate: The rate of the samples.
    ///   - channels: How many channels the samples interleave.
    package init(target: Double, truePeak: Double, sampleRate: Int, channels: Int = 1) {
        self.target = target
        self.truePeak = truePeak
        self.sampleRate = sampleRate
        self.channels = max(1, channels)
    }

    /// `samples` at the target loudness with peaks under the ceiling; silence comes back as it is.
    package func normalize(_ samples: [Float]) -> [Float] {
        let meter = LoudnessMeter(sampleRate: sampleRate, channels: channels)
        let measured = meter.integratedLoudness(samples)
        guard measured.isFinite else { return samples }
        // The oversampled peaks do not depend on the gain: found once.
        let peaks = framePeaks(samples)
        var gainDB = target - measured
        let limit = truePeak - Self.codecMargin
        var ceilingDB = limit
        var out = samples
        for _ in 0..<3 {
            for _ in 0..<8 {
                out = []  // the last try is freed before the next one is made
                out = limited(samples, peaks: peaks, gain: pow(10, gainDB / 20), ceiling: pow(10, ceilingDB / 20))
                let loudness = meter.integratedLoudness(out)
                if abs(loudness - target) < 0.05 { break }
                gainDB += target - loudness
            }
            let peak = meter.truePeak(out)
            if peak <= limit + 0.05 { break }
            ceilingDB -= peak - limit + 0.05
        }
        return out
    }

    /// Each sample frame's largest oversampled magnitude over the channels.
    private func framePeaks(_ samples: [Float]) -> [Float] {
        let split = LoudnessMeter.split(samples, channels: channels)
        var peaks = TruePeak.magnitudes(split[0])
        for channel in split.dropFirst() {
            for (n, magnitude) in TruePeak.magnitudes(channel).enumerated() where magnitude > peaks[n] {
                peaks[n] = magnitude
            }
        }
        return peaks
    }

    /// `samples` times `gain`, limited under `ceiling`; see `limited(_:peaks:gain:ceiling:)`.
    package func limited(_ samples: [Float], gain: Double, ceiling: Double) -> [Float] {
        limited(samples, peaks: framePeaks(samples), gain: gain, ceiling: ceiling)
    }

    /// `samples` times `gain`, with a gain envelope that keeps every sample's magnitude under
    /// `ceiling`: it falls linearly over the look-ahead before a peak and rises over the release.
    ///
    /// The envelope is made in the output's own storage (its first sample of each frame), so a
    /// 245-second narration needs no 43 MB array of `Double` beside the mix.
    private func limited(_ samples: [Float], peaks: [Float], gain: Double, ceiling: Double) -> [Float] {
        let channels = channels
        let frames = samples.count / channels
        let attackStep = 1 / max(1, Self.lookAhead * Double(sampleRate))
        let releaseStep = 1 / max(1, Self.release * Double(sampleRate))
        var out = [Float](repeating: 0, count: samples.count)
        samples.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { out in
                // The gain each frame may have at most, then the release's rise after each dip,
                // then the attack's fall before it; each pass rounds to `Float` once.
                var previous = 1.0
                for n in 0..<frames {
                    let magnitude = Double(peaks[n]) * gain
                    previous = min(magnitude > ceiling ? ceiling / magnitude : 1, previous + releaseStep)
                    out[n * channels] = Float(previous)
                }
                var next = 1.0
                for n in (0..<frames).reversed() {
                    next = min(Double(out[n * channels]), next + attackStep)
                    out[n * channels] = Float(next)
                }
                for n in 0..<frames {
                    let factor = gain * Double(out[n * channels])
                    for c in 0..<channels { out[n * channels + c] = Float(Double(x[n * channels + c]) * factor) }
                }
            }
        }
        return out
    }
}
