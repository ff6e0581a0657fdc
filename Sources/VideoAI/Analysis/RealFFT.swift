internal import CFFTW
import Foundation
import Synchronization
import VideoCore

/// A double-precision real-input FFT of one size on FFTW, with its forward and inverse plans
/// (the tempo estimator's autocorrelations; the spectrogram uses `FloatSpectrum`).
///
/// Plans are made once per size (`shared(size:)`) and reused: executing a plan on other arrays
/// (`fftw_execute_dft_r2c`) is thread-safe, so one plan serves every thread, each with its own
/// `FFTWorkspace`. FFTW's planner is not thread-safe, so plan creation and destruction happen
/// under one process-wide lock.
///
/// # Thread safety
/// Instances are immutable after `init` and may be shared; workspaces may not. A thin owner of
/// its two C plans (destroyed in `deinit`), with no mutable state: hence `@unchecked Sendable`.
final class RealFFT: @unchecked Sendable {
    /// The transform length, in samples.
    let size: Int
    private let forwardPlan: OpaquePointer
    private let inversePlan: OpaquePointer

    /// Serialises FFTW plan creation and destruction (FFTW's planner is not thread-safe), for
    /// every precision.
    static let planner = Mutex(())
    private static let cache = PlanCache<RealFFT>()

    /// Makes the plans for transforms of `size` samples (an even number, at least 4).
    init(size: Int) {
        precondition(size >= 4 && size % 2 == 0, "FFT size must be even and at least 4")
        self.size = size
        // Plans only remember the arrays' alignment; fftw_malloc aligns every workspace alike.
        let real = fftw_alloc_real(size)!
        let complex = fftw_alloc_complex(size / 2 + 1)!
        defer {
            fftw_free(real)
            fftw_free(complex)
        }
        let flags = UInt32(FFTW_ESTIMATE)
        var plans: (forward: OpaquePointer, inverse: OpaquePointer)?
        RealFFT.planner.withLock { _ in
            plans = (
                fftw_plan_dft_r2c_1d(Int32(size), real, complex, flags)!,
                fftw_plan_dft_c2r_1d(Int32(size), complex, real, flags)!
            )
        }
        forwardPlan = plans!.forward
        inversePlan = plans!.inverse
    }

    deinit {
        let (forward, inverse) = (forwardPlan, inversePlan)
        RealFFT.planner.withLock { _ in
            fftw_destroy_plan(forward)
            fftw_destroy_plan(inverse)
        }
    }

    /// The process-wide transform of `size` samples, made on first use.
    static func shared(size: Int) -> RealFFT { cache.plan(size: size, make: RealFFT.init) }

    /// The (biased, unnormalised) autocorrelation of `input` for lags `0..<input.count`.
    ///
    /// `input` must hold at most `size / 2` values so the circular correlation does not wrap.
    func autocorrelation(of input: [Double], workspace: FFTWorkspace) -> [Double] {
        precondition(workspace.size == size && input.count <= size / 2, "autocorrelation input too long")
        load(input, into: workspace)
        fftw_execute_dft_r2c(forwardPlan, workspace.real, workspace.complex)
        for k in 0...(size / 2) {
            let c = workspace.complex[k]
            workspace.complex[k] = (c.0 * c.0 + c.1 * c.1, 0)
        }
        fftw_execute_dft_c2r(inversePlan, workspace.complex, workspace.real)
        let scale = 1 / Double(size)
        return (0..<input.count).map { workspace.real[$0] * scale }
    }

    private func load(_ input: [Double], into workspace: FFTWorkspace) {
        let count = min(input.count, size)
        input.withUnsafeBufferPointer { source in
            workspace.real.update(from: source.baseAddress!, count: count)
        }
        if count < size { (workspace.real + count).update(repeating: 0, count: size - count) }
    }
}

/// Scratch arrays for one `RealFFT` size, allocated with `fftw_malloc` and freed in `deinit`.
///
/// # Thread safety
/// Not `Sendable`: each thread uses its own.
final class FFTWorkspace {
    /// The transform length the arrays fit.
    let size: Int
    fileprivate let real: UnsafeMutablePointer<Double>
    fileprivate let complex: UnsafeMutablePointer<fftw_complex>

    /// Allocates scratch arrays for transforms of `size` samples.
    init(size: Int) {
        self.size = size
        real = fftw_alloc_real(size)!
        complex = fftw_alloc_complex(size / 2 + 1)!
    }

    deinit {
        fftw_free(real)
        fftw_free(complex)
    }
}
