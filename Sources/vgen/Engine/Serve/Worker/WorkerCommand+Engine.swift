import ArgumentParser
import Dispatch
import Foundation
import VGenCommandLine
import VideoCore

extension WorkerCommand: ExecutableCommand {
    /// Claims and runs jobs until SIGTERM or SIGINT.
    func execute() async throws {
        do {
            try await work()
        } catch {
            CLIRunner.fail(error)
        }
    }

    private func work() async throws {
        let heartbeat = heartbeatSeconds ?? leaseSeconds / 3
        guard leaseSeconds > 0, pollSeconds > 0, heartbeat > 0, heartbeat < leaseSeconds else {
            throw VideoError(
                .invalidInput, "the heartbeat must come more often than the lease runs out", field: "heartbeat-seconds")
        }
        guard slots.concurrentJobs >= 1, slots.jobs >= 1 else {
            throw VideoError(.invalidInput, "job counts must be at least 1", field: "concurrent-jobs")
        }
        guard database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") else {
            throw VideoError(.invalidInput, "a worker needs a postgres://… job store", field: "database")
        }
        let dataURL = URL(fileURLWithPath: data).standardizedFileURL
        try AtomicFile.makeDirectory(dataURL.appendingPathComponent("jobs", isDirectory: true))
        let store = try await PostgresJobStore.open(url: database)
        var settings = JobWorker.Settings(
            name: name ?? "\(ProcessInfo.processInfo.hostName)-\(getpid())")
        (settings.lease, settings.heartbeat, settings.poll) = (leaseSeconds, heartbeat, pollSeconds)
        (settings.slots, settings.encoderJobs) = (slots.concurrentJobs, slots.jobs)
        let worker = JobWorker(store: store, data: dataURL, settings: settings)
        let task = Task { await worker.run() }
        let signals = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        await task.value
        for source in signals { source.cancel() }
        await store.close()
    }
}
