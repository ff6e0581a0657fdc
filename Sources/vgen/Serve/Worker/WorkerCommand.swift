import ArgumentParser
import Dispatch
import Foundation
import VideoCore

/// `vgen worker`: runs the jobs of a shared PostgreSQL job store (Docs/Service.md).
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run the jobs that vgen serve --database postgres://… takes, with other workers sharing --data.",
        discussion: """
            Claims jobs with SELECT … FOR UPDATE SKIP LOCKED, keeps each claim alive by heartbeats, and \
            takes over the job of a worker whose lease ran out, resuming its task from the shared folder. \
            SIGTERM or SIGINT hands the running jobs back to the queue and exits. Prints a line per \
            claim and outcome on stdout.
            """)

    @Option(
        name: .long,
        help: "The shared job store: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?host=/socket/folder].")
    var database: String

    @Option(name: .long, help: "The folder the workers and the service share.")
    var data = "vgen-data"

    @Option(name: .long, help: "This worker's name (default: HOST-PID).")
    var name: String?

    @Option(name: .long, help: "Seconds a claim lasts without a heartbeat.")
    var leaseSeconds = 30.0

    @Option(name: .long, help: "Seconds between heartbeats (default: a third of the lease).")
    var heartbeatSeconds: Double?

    @Option(name: .long, help: "Seconds between looks for work when the queue is empty.")
    var pollSeconds = 1.0

    @OptionGroup var slots: JobSlotArguments

    func run() async throws {
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
