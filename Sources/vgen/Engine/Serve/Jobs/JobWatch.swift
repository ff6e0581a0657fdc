import Foundation

extension JobRunner {
    /// The events of a job that a `vgen worker` process runs (a shared store): the job read
    /// from the store every `interval`, a `status` event (its status, stage and progress)
    /// each time they change, and the final `job` event once it has finished.
    /// - Parameters:
    ///   - id: The job.
    ///   - interval: How often the store is read.
    /// - Returns: The stream; it ends after the `job` event, or when the job disappears.
    func watch(_ id: String, interval: Duration = .milliseconds(500)) -> AsyncStream<EventHub.Message> {
        let (stream, continuation) = AsyncStream<EventHub.Message>.makeStream()
        let task = Task { [store] in
            var last: [String: Any] = [:]
            while !Task.isCancelled, let job = try? await store.job(id) {
                if job.status.isFinal {
                    continuation.yield(EventHub.Message(name: "job", data: Self.jsonText(job.json())))
                    break
                }
                var now: [String: Any] = ["status": job.status.rawValue, "progress": job.progress]
                if let stage = job.stage { now["stage"] = stage }
                if Self.jsonText(now) != Self.jsonText(last) {
                    continuation.yield(EventHub.Message(name: "status", data: Self.jsonText(now)))
                    last = now
                }
                try? await Task.sleep(for: interval)
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
