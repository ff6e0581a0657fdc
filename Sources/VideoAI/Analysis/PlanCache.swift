import Synchronization
import VideoCore

/// One FFTW plan object per transform size, made on first use and kept for the process
/// (`RealFFT` and `FloatSpectrum`'s plans).
///
/// # Thread safety
/// Lookups and insertions are serialised by a `Mutex`; the objects it holds must be shareable.
final class PlanCache<Plan: AnyObject & Sendable>: Sendable {
    private let plans = Mutex<[Int: Plan]>([:])

    /// The plan for `size`, made by `make` the first time it is asked for (under the lock, so
    /// each size is planned once).
    /// - Parameters:
    ///   - size: The transform length.
    ///   - make: Makes the plan for a size.
    /// - Returns: The shared plan.
    func plan(size: Int, make: (Int) -> Plan) -> Plan {
        plans.withLock { plans in
            if let plan = plans[size] { return plan }
            let plan = make(size)
            plans[size] = plan
            return plan
        }
    }
}
