import ArgumentParser
import Foundation

/// Options for how a task runs.
struct TaskArguments: ParsableArguments {
    @Option(name: .long, help: "Scenes rendered at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Print one JSON event per line on stdout instead of progress on stderr.")
    var json = false

    @OptionGroup var logging: LoggingArguments

    func validate() throws {
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be 1–64") }
    }
}
