import Foundation
import Synchronization
import VideoCore

/// Runs the service's jobs, a few at a time, on the one task engine: takes submitted and
/// unfinished jobs in order, tracks each running job's stage and progress, publishes its
/// events, records stage durations, and saves every change of status in the job store.
///
/// A job interrupted by a stop of the service (or a `kill -9`) stays `running` or `queued`
/// in the store; `recover()` queues it again and its task resumes from its saved state.
///
/// With a shared store (PostgreSQL) the runner runs nothing: `vgen worker` processes claim
/// the jobs (`JobWorker`), and the service only saves submissions and cancels.
final class JobRunner: Sendable {
    /// A running job's live position.
    struct Live: Sendable {
        var stage: String?
        var progress: Int

        /// Moves the position on by a pipeline event of a job whose stages are `stages`, in order.
        /// - Returns: The stage and its seconds when the event completed one.
        mutating func apply(_ event: PipelineEvent, stages: [String]) -> (stage: String, seconds: Double)? {
            func percent(_ stage: String, _ fraction: Double) -> Int {
                guard let index = stages.firstIndex(of: stage), !stages.isEmpty else { return 0 }
                let done = (Double(index) + min(1, max(0, fraction))) / Double(stages.count)
                return min(99, Int((done * 100).rounded(.down)))
            }
            switch event {
            case .stageStarted(let stage), .stageSkipped(let stage):
                self.stage = stage
                progress = max(progress, percent(stage, 0))
            case .progress(let value):
                stage = value.stage
                progress = max(progress, percent(value.stage, value.fraction))
            case .stageCompleted(let stage, let seconds):
                progress = max(progress, percent(stage, 1))
                return (stage, seconds)
            default: break
            }
            return nil
        }
    }

    private struct State {
        var queue: [String] = []
        var running: [String: Task<Void, Never>] = [:]
        var live: [String: Live] = [:]
        var cancelled: Set<String> = []
        var stopping = false
    }

    let store: any JobStore
    let hub = EventHub()
    let metrics = ServiceMetrics()
    /// `<data>/jobs/`.
    let jobsFolder: URL
    private let slots: Int
    private let encoderJobs: Int
    private let state = Mutex(State())

    init(store: any JobStore, data: URL, slots: Int, encoderJobs: Int) {
        self.store = store
        self.jobsFolder = data.appendingPathComponent("jobs", isDirectory: true)
        self.slots = max(1, slots)
        self.encoderJobs = max(1, encoderJobs)
    }

    /// The folder of job `id`.
    func folder(of id: String) -> URL { jobsFolder.appendingPathComponent(id, isDirectory: true) }

    /// Queues the unfinished jobs in the store (a restart).
    func recover() async throws {
        guard !store.isShared else { return }
        let jobs = try await store.unfinished()
        for job in jobs { hub.open(job.id) }
        state.withLock { $0.queue.append(contentsOf: jobs.map(\.id)) }
        pump()
    }

    /// Saves a new job and queues it.
    func submit(_ job: Job) async throws {
        try await store.insert(job)
        guard !store.isShared else { return }
        hub.open(job.id)
        state.withLock { $0.queue.append(job.id) }
        pump()
    }

    /// The live stage and progress of a running job.
    func live(_ id: String) -> Live? { state.withLock { $0.live[id] } }

    /// Cancels a job: a queued one at once, a running one through its task (its state is saved).
    /// - Returns: The job after the change, or nil when there is no such job.
    func cancel(_ id: String) async throws -> Job? {
        guard var job = try await store.job(id) else { return nil }
        guard !job.status.isFinal else { return job }
        let task = state.withLock { state -> Task<Void, Never>? in
            state.cancelled.insert(id)
            state.queue.removeAll { $0 == id }
            return state.running[id]
        }
        if let task {
            task.cancel()
            await task.value
            return try await store.job(id)
        }
        job.status = .cancelled
        try await store.update(job)
        return job
    }

    /// Stops taking jobs and stops the running ones; they stay unfinished in the store, so the
    /// next start resumes them.
    func stop() async {
        let tasks = state.withLock { state -> [Task<Void, Never>] in
            state.stopping = true
            state.queue = []
            return Array(state.running.values)
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    private func pump() {
        state.withLock { current in
            while !current.stopping, current.running.count < slots, !current.queue.isEmpty {
                let id = current.queue.removeFirst()
                guard current.running[id] == nil else { continue }
                let task = Task { [self] in
                    await execute(id)
                    state.withLock { state in
                        state.running[id] = nil
                        state.live[id] = nil
                    }
                    pump()
                }
                current.running[id] = task
                current.live[id] = Live(stage: nil, progress: 0)
            }
        }
    }

    private func execute(_ id: String) async {
        guard var job = try? await store.job(id), !job.status.isFinal else { return }
        job.status = .running
        job.attempts += 1
        job.error = nil
        try? await store.update(job)
        hub.open(id)
        let names = JobWork.stageNames(of: job.kind)
        let kind = job.kind
        let events: @Sendable (PipelineEvent) -> Void = { [self] event in
            track(id, kind: kind, names: names, event)
            hub.publish(id, event)
        }
        let work = JobWork(folder: folder(of: id), jobs: encoderJobs)
        let recordedID = job.videoID
        do {
            try AtomicFile.makeDirectory(work.folder)
            let outcome = try await work.run(
                job.spec, videoID: recordedID,
                started: { [store] videoID in
                    guard videoID != recordedID, var current = try await store.job(id) else { return }
                    current.videoID = videoID
                    try await store.update(current)
                }, events: events)
            job.videoID = outcome.videoID
            job.status = .completed
            job.progress = 100
            job.stage = nil
        } catch {
            let (stopping, cancelled) = state.withLock { ($0.stopping, $0.cancelled.contains(id)) }
            job.videoID = (try? await store.job(id))?.videoID ?? job.videoID
            let live = self.live(id)
            job.stage = live?.stage
            job.progress = live?.progress ?? job.progress
            if stopping && !cancelled {
                job.status = .queued  // the next start resumes it
            } else if cancelled || error is CancellationError || (error as? VideoError)?.code == .cancelled {
                job.status = .cancelled
            } else {
                job.status = .failed
                job.error = CLIRunner.outcome(of: error).1
            }
        }
        job.updatedAt = Date()
        try? await store.update(job)
        hub.finish(id, with: Self.jsonText(job.json()))
    }

    private func track(_ id: String, kind: JobKind, names: [String], _ event: PipelineEvent) {
        state.withLock { state in
            guard var live = state.live[id] else { return }
            if let (stage, seconds) = live.apply(event, stages: names) {
                metrics.observe(kind: kind, stage: stage, seconds: seconds)
            }
            state.live[id] = live
        }
    }

    /// `object` as compact JSON with sorted keys.
    static func jsonText(_ object: Any) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
