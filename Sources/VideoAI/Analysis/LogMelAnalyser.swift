import Foundation

/// Log-compressed mel spectra of windowed frames: the per-frame half of the front end, which
/// needs no state from earlier frames, so several analysers can share a batch of frames.
///
/// # Thread safety
/// Each analyser owns its FFT buffers and scratch arrays: one thread per analyser at a time.
final class LogMelAnalyser: @unchecked Sendable {
    private let fft: FloatSpectrum
    private let window: [Float]
    private let filterbank: MelFilterbank
    private let gain: Float
    private var spectrum: [Float]
    private var energies: [Float]

    /// Prepares an analyser for frames of `window.count` samples.
    init(window: [Float], filterbank: MelFilterbank, gain: Float) {
        fft = FloatSpectrum(size: window.count)
        self.window = window
        self.filterbank = filterbank
        self.gain = gain
        spectrum = [Float](repeating: 0, count: window.count / 2 + 1)
        energies = [Float](repeating: 0, count: filterbank.bands.count)
    }

    /// A batch of frames shared by the analysers: the audio they read and the rows they fill.
    ///
    /// `@unchecked Sendable`: the samples are only read while the batch runs, and every
    /// analyser writes its own frames' rows, never another's.
    struct Batch: @unchecked Sendable {
        let samples: UnsafeBufferPointer<Float>
        let rows: UnsafeMutableBufferPointer<Float>
    }

    /// Writes the log mel spectrum of each frame in `frames` to its row of `batch.rows`
    /// (`filterbank.bands.count` values per row; frame 0 is the batch's first row).
    /// - Parameters:
    ///   - batch: The audio holding every frame, and the rows.
    ///   - frames: Frame numbers within the batch.
    ///   - offset: Where frame `f` of the batch starts in `batch.samples`.
    func analyse(_ batch: Batch, frames: Range<Int>, offset: (Int) -> Int) {
        let bands = energies.count
        for frame in frames {
            window.withUnsafeBufferPointer { window in
                spectrum.withUnsafeMutableBufferPointer { spectrum in
                    fft.magnitudes(of: batch.samples, from: offset(frame), window: window, into: spectrum)
                }
            }
            filterbank.apply(spectrum, into: &energies)
            let row = batch.rows.baseAddress! + frame * bands
            for b in 0..<bands { row[b] = Self.fastLog1p(gain * energies[b]) }
        }
    }

    /// `log(1 + x)` for `x >= 0` within about 1e-5, without a library call (it was a fifth of
    /// the analysis time): `1 + x = m * 2^e` with `m` in [1, 2), and `log m = 2 atanh(t)` with
    /// `t = (m - 1) / (m + 1) <= 1/3`, summed to the seventh power.
    @inline(__always)
    static func fastLog1p(_ x: Float) -> Float {
        let y = 1 + max(0, x)
        let bits = y.bitPattern
        let e = Float(Int32(bitPattern: (bits >> 23) & 0xff) - 127)
        let m = Float(bitPattern: (bits & 0x7f_ffff) | 0x3f80_0000)
        let t = (m - 1) / (m + 1), t2 = t * t
        let logM = 2 * t * (1 + t2 * (1 / 3 + t2 * (1 / 5 + t2 * (1 / 7))))
        return e * 0.693_147_18 + logM
    }
}
