import Foundation
import Synchronization
import VideoCore

/// Collecting values from any thread and waiting for one that matches.

/// Collects values (pipeline events, output lines) sent from any thread, and lets a test wait,
/// without polling, until one matching a predicate has arrived.
///
/// `first(where:)` looks through what has arrived so far, and otherwise suspends until `record`
/// brings a match. It returns `nil` once `finish()` says nothing more will come, or when the
/// waiting task is cancelled, so a test never hangs on a value that cannot arrive.
package final class Recorder<Element: Sendable>: Sendable {
    private struct Waiter {
        let matches: @Sendable (Element) -> Bool
        let continuation: CheckedContinuation<Element?, Never>
    }

    private struct State {
        var values: [Element] = []
        var finished = false
        var nextID = 0
        var waiters: [Int: Waiter] = [:]
        var cancelled: Set<Int> = []
    }

    private let state = Mutex(State())

    /// An empty recorder.
    package init() {}

    /// Adds a value and wakes the waiters it matches. Call from any thread.
    @Sendable package func record(_ value: Element) {
        let woken = state.withLock { state -> [Waiter] in
            state.values.append(value)
            let matched = state.waiters.filter { $0.value.matches(value) }
            for id in matched.keys { state.waiters[id] = nil }
            return Array(matched.values)
        }
        for waiter in woken { waiter.continuation.resume(returning: value) }
    }

    /// Says that nothing more will be recorded: waits still pending return `nil`, as do later
    /// waits that find no match among the values recorded.
    package func finish() {
        let waiters = state.withLock { state -> [Waiter] in
            state.finished = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.continuation.resume(returning: nil) }
    }

    /// Everything recorded so far, in order.
    package var all: [Element] { state.withLock { $0.values } }

    /// The first recorded value matching `predicate`, waiting for it if it has not arrived yet.
    /// - Returns: The value, or `nil` when `finish()` came first or the task was cancelled.
    package func first(where predicate: @escaping @Sendable (Element) -> Bool) async -> Element? {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
                let now = state.withLock { state -> Element?? in
                    if let match = state.values.first(where: predicate) { return .some(match) }
                    if state.finished || state.cancelled.contains(id) { return .some(nil) }
                    state.waiters[id] = Waiter(matches: predicate, continuation: continuation)
                    return .none
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                state.cancelled.insert(id)
                return state.waiters.removeValue(forKey: id)
            }
            waiter?.continuation.resume(returning: nil)
        }
    }
}

/// Records what a render reported: pass `record` as the `events` closure.
package typealias EventRecorder = Recorder<PipelineEvent>

extension Recorder where Element == PipelineEvent {
    /// The stages that completed, in order.
    package var stages: [String] { all.compactMap { if case .stageCompleted(let name, _) = $0 { name } else { nil } } }
    /// The stages whose saved output was reused.
    package var skipped: [String] { all.compactMap { if case .stageSkipped(let name) = $0 { name } else { nil } } }
    /// The progress details.
    package var details: [String] { all.compactMap { if case .progress(let p) = $0 { p.detail } else { nil } } }
    /// The warnings.
    package var warnings: [String] { all.compactMap { if case .warning(let w) = $0 { w } else { nil } } }

    /// Waits for the first progress report of `stage` matching `predicate`.
    /// - Returns: The report, or `nil` when the recorder finished first or the task was cancelled.
    package func firstProgress(
        of stage: String, where predicate: @escaping @Sendable (StageProgress) -> Bool = { _ in true }
    ) async -> StageProgress? {
        let event = await first { event in
            if case .progress(let p) = event { p.stage == stage && predicate(p) } else { false }
        }
        guard case .progress(let p) = event else { return nil }
        return p
    }
}
