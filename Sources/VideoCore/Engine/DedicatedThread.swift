import Foundation
import Synchronization

/// Runs blocking work (x264 encode loops, espeak-ng, FFTW planning) on a thread of its own, so
/// it never blocks Swift's cooperative thread pool.
///
/// The work runs outside any task, so `Task.checkCancellation()` cannot see the caller's
/// cancellation there; the work is handed a `CancellationFlag` instead, which is raised when
/// the awaiting task is cancelled, and should call `flag.check()` between units of work.
package enum DedicatedThread {
    /// The stack size of the threads (x264 and Pango need more than a secondary thread's default).
    package static let stackSize = 4 << 20

    /// Runs `body` on a new thread and returns its result.
    /// - Parameters:
    ///   - name: The thread's name, for debuggers and profilers.
    ///   - body: The blocking work; it receives the flag that says whether the caller was cancelled.
    /// - Returns: What `body` returned.
    /// - Throws: What `body` threw (`CancellationError` from `flag.check()` once cancelled).
    package static func run<T: Sendable>(
        name: String = "vgen-work", _ body: @escaping @Sendable (CancellationFlag) throws -> T
    ) async throws -> T {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let thread = Thread {
                    continuation.resume(with: Result { try body(flag) })
                }
                thread.name = name
                thread.stackSize = stackSize
                thread.start()
            }
        } onCancel: {
            flag.cancel()
        }
    }
}

/// Whether work running on a `DedicatedThread` has been cancelled by the task awaiting it.
package final class CancellationFlag: Sendable {
    private let raised = Mutex(false)

    /// A flag that is not raised.
    package init() {}

    /// Raises the flag.
    package func cancel() { raised.withLock { $0 = true } }

    /// Whether the flag is raised.
    package var isCancelled: Bool { raised.withLock { $0 } }

    /// Throws `CancellationError` once the flag is raised.
    /// - Throws: `CancellationError`.
    package func check() throws {
        if isCancelled { throw CancellationError() }
    }
}
