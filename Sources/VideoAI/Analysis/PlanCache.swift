import Foundation
import VideoCore

/// One FFTW plan object per transform size, made on first use and kept for the process
/// (`RealFFT` and `FloatSpectrum`'s plans).
///
/// # Thread safety
/// Lookups and insertions are serialised; the objects it holds must be shareable.
final class PlanCache<Plan: AnyObject & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var plans: [Int: Plan] = [:]

    /// The plan for `size`, made by `make` the first time it is asked for.
    func plan(size: Int, make: (Int) -> Plan) -> Plan {
        lock.withLock {
            if let plan = plans[size] { return plan }
            let plan = make(size)
            plans[size] = plan
            return plan
        }
    }
}
