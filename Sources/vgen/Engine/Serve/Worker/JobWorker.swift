import Foundation
import Synchronization
import VideoCore

/// One `vgen worker` process: claims jobs from the shared PostgreSQL store, runs each in its
/// folder under the shared `--data` (`<data>/jobs/<id>/`), keeps its lease alive by heartbeats,
/// and writes the outcome only while the lease is still its own.
///
/// A job whose worker died (its lease ran out) is claimed again by another worker and resumes
/// from the task state the dead one saved in the shared folder. A worker that loses its lease
/// (a heartbeat finds another worker or a cancel) stops the job and writes nothing, so every
/// job completes exactly once.
///
/// It reports on stdout, a line each: `worker NAME ready`, `claimed ID attempt N`,
/// `ID stage NAME`, `ID skipped NAME`, then `completed ID`, `failed ID: …`, `cancelled ID`,
/// `released ID` (handed back on a stop) or `lost ID` (the lease went elsewhere).
final class JobWorker: Sendable {
    /// How a worker paces itself.
    struct Settings: Sendable {
        /// This worker's name in the store (unique among the workers).
        var name: String
        /// Seconds a claim lasts without a heartbeat.
        var lease: Double = 30
        /// Seconds between heartbeats (well under `lease`).
        var heartbeat: Double = 10
        /// Seconds between looks for work when there is none.
        var poll: Double = 1
        /// Jobs this worker runs at once.
        var slots: Int = 1
        /// Encoder threads per job.
        var encoderJobs: Int = 1
    }

    let store: PostgresJobStore
    let settings: Settings
    /// `<data>/jobs/`.
    let jobsFolder: URL

    init(store: PostgresJobStore, data: URL, settings: Settings) {
        self.store = store
        self.settings = settings
        self.jobsFolder = data.appendingPathComponent("jobs", isDirectory: true)
    }

    /// Takes and runs jobs until cancelled; a job running then is handed back to the queue.
    func run() async {
        Self.say("worker \(settings.name) ready")
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, settings.slots) {
                group.addTask { [self] in
                    while !Task.isCancelled {
                        do {
                            if let job = try await store.claim(worker: settings.name, lease: settings.lease) {
                                await execute(job)
                                continue
                            }
                        } catch {
                            FileHandle.standardError.write(Data("vgen worker: \(error)\n".utf8))
                        }
                        try? await Task.sleep(for: .seconds(settings.poll))
                    }
                }
            }
        }
    }

    private func execute(_ claimed: Job) async {
        let id = claimed.id, name = settings.name
        Self.say("claimed \(id) attempt \(claimed.attempts)")
        let claim = Claim(JobRunner.Live(stage: claimed.stage, progress: claimed.progress))
        let stages = JobWork.stageNames(of: claimed.kind)
        let work = JobWork(folder: jobsFolder.appendingPathComponent(id, isDirectory: true), jobs: settings.encoderJobs)
        let store = store
        let running = Task {
            try AtomicFile.makeDirectory(work.folder)
            return try await work.run(
                claimed.spec, videoID: claimed.videoID,
                started: { videoID in
                    guard try await store.record(videoID: videoID, of: id, worker: name) else {
                        claim.lost.store(true, ordering: .relaxed)
                        throw CancellationError()
                    }
                },
                events: { event in
                    switch event {
                    case .stageStarted(let stage): Self.say("\(id) stage \(stage)")
                    case .stageSkipped(let stage): Self.say("\(id) skipped \(stage)")
                    default: break
                    }
                    claim.live.withLock { _ = $0.apply(event, stages: stages) }
                })
        }
        let heartbeat = Task { [settings] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(settings.heartbeat))
                guard !Task.isCancelled else { return }
                let now = claim.live.withLock { $0 }
                let kept = try? await store.heartbeat(
                    id, worker: name, lease: settings.lease, stage: now.stage, progress: now.progress)
                if kept == false {  // a failed heartbeat (nil) tries again; the lease may still hold
                    claim.lost.store(true, ordering: .relaxed)
                    running.cancel()
                    return
                }
            }
        }
        let result = await withTaskCancellationHandler {
            await running.result
        } onCancel: {
            running.cancel()
        }
        heartbeat.cancel()
        var job = claimed
        let now = claim.live.withLock { $0 }
        (job.stage, job.progress) = (now.stage, now.progress)
        switch result {
        case .success(let outcome):
            (job.status, job.videoID, job.progress, job.stage) = (.completed, outcome.videoID, 100, nil)
        case .failure(let error):
            job.videoID = (try? await store.job(id))?.videoID ?? job.videoID
            if claim.lost.load(ordering: .relaxed) {
                Self.say("lost \(id)")
                return
            } else if Task.isCancelled {
                job.status = .queued  // the worker stops; another (or the next) one resumes it
            } else if error is CancellationError || (error as? VideoError)?.code == .cancelled {
                job.status = .cancelled
            } else {
                job.status = .failed
                job.error = CLIRunner.outcome(of: error).1
            }
        }
        // Saved from a task of its own, so that a stopping worker still hands the job back.
        let saved = await Task { [job] in try await store.finish(job, worker: name) }.result
        switch saved {
        case .success(true):
            let word = job.status == .queued ? "released" : job.status.rawValue
            Self.say(job.status == .failed ? "failed \(id): \(job.error ?? "")" : "\(word) \(id)")
        case .success(false): Self.say("lost \(id)")
        case .failure(let error): FileHandle.standardError.write(Data("vgen worker: \(id): \(error)\n".utf8))
        }
    }

    /// A running claim's live position, and whether its lease went elsewhere.
    private final class Claim: Sendable {
        let live: Mutex<JobRunner.Live>
        let lost = Atomic<Bool>(false)

        init(_ live: JobRunner.Live) { self.live = Mutex(live) }
    }

    private static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}
