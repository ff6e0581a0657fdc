import ArgumentParser
import Foundation

/// How much work `vgen serve` or `vgen worker` runs at once.
struct JobSlotArguments: ParsableArguments {
    @Option(name: .long, help: "Jobs running at once.")
    var concurrentJobs = 1

    @Option(name: .long, help: "Encoder threads per job (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount
}
