import ArgumentParser

/// `vgen worker`: runs the jobs of a shared PostgreSQL job store (Docs/Service.md).
package struct WorkerCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
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
    package var database: String

    @Option(name: .long, help: "The folder the workers and the service share.")
    package var data = "vgen-data"

    @Option(name: .long, help: "This worker's name (default: HOST-PID).")
    package var name: String?

    @Option(name: .long, help: "Seconds a claim lasts without a heartbeat.")
    package var leaseSeconds = 30.0

    @Option(name: .long, help: "Seconds between heartbeats (default: a third of the lease).")
    package var heartbeatSeconds: Double?

    @Option(name: .long, help: "Seconds between looks for work when the queue is empty.")
    package var pollSeconds = 1.0

    @OptionGroup package var slots: JobSlotArguments

    /// The defaults.
    package init() {}
}
