import Foundation
import VideoCore

/// Mel-frequency cepstral coefficients of speech, for comparing two voices saying the same
/// words: 16 kHz, 25 ms Hann windows every 10 ms, 26 mel bands (100–7000 Hz), cepstra 1–12
/// (the level, c0, is left out) plus the frame's log-energy slope, each normalised to zero mean and unit
/// variance over the utterance, which removes most of what differs between two speakers'
/// channels.
struct SpeechFeatures {
    /// The rate features are computed at.
    static let sampleRate = 16_000
    /// Samples between frames (10 ms).
    static let hop = 160
    static let windowLength = 400
    static let fftSize = 512
    static let bands = 26
    static let cepstra = 12

    /// One vector per frame.
    let frames: [[Float]]

    /// Computes the features of `samples` at `sampleRate`.
    /// - Throws: `VideoError` (`.media`) when resampling fails.
    init(samples: [Float], sampleRate: Int) throws {
        let audio = try SampleRateConverter.resample(samples, from: sampleRate, to: Self.sampleRate)
        let count = audio.count < Self.fftSize ? 0 : (audio.count - Self.fftSize) / Self.hop + 1
        let spectrum = FloatSpectrum(size: Self.fftSize)
        let filters = MelFilterbank(
            count: Self.bands, fftSize: Self.fftSize, sampleRate: Self.sampleRate, lowHz: 100, highHz: 7000)
        let window = (0..<Self.fftSize).map { n in
            n < Self.windowLength
                ? Float(0.5 - 0.5 * cos(2 * Double.pi * Double(n) / Double(Self.windowLength - 1))) : 0
        }
        let dct = (1...Self.cepstra).map { k in
            (0..<Self.bands).map { b in Float(cos(Double.pi * Double(k) * (Double(b) + 0.5) / Double(Self.bands))) }
        }
        var magnitudes = [Float](repeating: 0, count: Self.fftSize / 2 + 1)
        var mel = [Float](repeating: 0, count: Self.bands)
        var raw: [[Float]] = []
        var energies: [Float] = []
        raw.reserveCapacity(count)
        audio.withUnsafeBufferPointer { source in
            window.withUnsafeBufferPointer { w in
                for f in 0..<count {
                    magnitudes.withUnsafeMutableBufferPointer {
                        spectrum.magnitudes(of: source, from: f * Self.hop, window: w, into: $0)
                    }
                    filters.apply(magnitudes, into: &mel)
                    let logs = mel.map { log($0 * $0 + 1e-8) }
                    raw.append(dct.map { row in zip(row, logs).reduce(0) { $0 + $1.0 * $1.1 } })
                    energies.append(log(magnitudes.reduce(0) { $0 + $1 * $1 } + 1e-8))
                }
            }
        }
        // The energy slope marks word onsets and pauses the same way in both voices.
        for f in raw.indices {
            let before = energies[max(0, f - 2)], after = energies[min(energies.count - 1, f + 2)]
            raw[f].append((after - before) / 4)
        }
        frames = Self.normalised(raw)
    }

    /// Each dimension shifted to zero mean and scaled to unit variance.
    private static func normalised(_ raw: [[Float]]) -> [[Float]] {
        guard let dimensions = raw.first?.count, raw.count > 1 else { return raw }
        var out = raw
        for d in 0..<dimensions {
            let mean = raw.reduce(0) { $0 + $1[d] } / Float(raw.count)
            let variance = raw.reduce(0) { $0 + ($1[d] - mean) * ($1[d] - mean) } / Float(raw.count)
            let scale = 1 / max(variance.squareRoot(), 1e-4)
            for f in out.indices { out[f][d] = (raw[f][d] - mean) * scale }
        }
        return out
    }
}
