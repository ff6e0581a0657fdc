internal import CFFTW
import Foundation
import Synchronization
import VideoCore

/// Magnitude spectra of windowed frames on FFTW's single-precision real FFT (`fftw3f`).
///
/// The short-time Fourier transform of the front end needs no double precision: single
/// precision halves the memory traffic and doubles the SIMD width. Plans are made once per size
/// under the process-wide planner lock `RealFFT` uses (FFTW's planners share no state between
/// precisions, but one lock keeps the rule simple) and executed on each instance's own arrays
/// (`fftwf_execute_dft_r2c` is thread-safe).
///
/// # Thread safety
/// Not `Sendable`: each analysis owns its instance.
final class FloatSpectrum {
    /// The transform length, in samples.
    let size: Int
    private let plan: FloatPlan
    private let real: UnsafeMutablePointer<Float>
    private let complex: UnsafeMutablePointer<fftwf_complex>
    private let interleaved: UnsafeMutablePointer<Float>

    /// Prepares transforms of `size` samples (an even number, at least 4).
    init(size: Int) {
        precondition(size >= 4 && size % 2 == 0, "FFT size must be even and at least 4")
        self.size = size
        plan = FloatPlan.shared(size: size)
        real = fftwf_alloc_real(size)!
        complex = fftwf_alloc_complex(size / 2 + 1)!
        interleaved = UnsafeMutableRawPointer(complex).assumingMemoryBound(to: Float.self)
    }

    deinit {
        fftwf_free(real)
        fftwf_free(complex)
    }

    /// Magnitudes of the spectrum of `size` samples of `samples` from `offset`, each multiplied
    /// by `window` (`size` values), written to `magnitudes` (`size / 2 + 1` bins).
    func magnitudes(
        of samples: UnsafeBufferPointer<Float>, from offset: Int, window: UnsafeBufferPointer<Float>,
        into magnitudes: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(
            window.count == size && offset >= 0 && offset + size <= samples.count && magnitudes.count == size / 2 + 1)
        let n = size, real = real
        let source = samples.baseAddress! + offset, w = window.baseAddress!
        for i in 0..<n { real[i] = source[i] * w[i] }
        fftwf_execute_dft_r2c(plan.pointer, real, complex)
        let c = interleaved, out = magnitudes.baseAddress!
        for k in 0..<magnitudes.count {
            let re = c[2 * k], im = c[2 * k + 1]
            out[k] = (re * re + im * im).squareRoot()
        }
    }
}

/// One single-precision forward plan, shared by every `FloatSpectrum` of its size and kept for
/// the process.
///
/// # Thread safety
/// A thin owner of one C plan that never changes after `init` (executing it on other arrays is
/// thread-safe): hence `@unchecked Sendable`.
private final class FloatPlan: @unchecked Sendable {
    let pointer: OpaquePointer

    private static let cache = PlanCache<FloatPlan>()

    private init(size: Int) {
        // Plans only remember the arrays' alignment; fftwf_malloc aligns every buffer alike.
        let real = fftwf_alloc_real(size)!
        let complex = fftwf_alloc_complex(size / 2 + 1)!
        defer {
            fftwf_free(real)
            fftwf_free(complex)
        }
        var plan: OpaquePointer?
        RealFFT.planner.withLock { _ in plan = fftwf_plan_dft_r2c_1d(Int32(size), real, complex, UInt32(FFTW_ESTIMATE))
        }
        pointer = plan!
    }

    static func shared(size: Int) -> FloatPlan { cache.plan(size: size, make: FloatPlan.init) }
}
