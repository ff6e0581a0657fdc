import ArgumentParser

/// How much work `vgen serve` or `vgen worker` runs at once.
package struct JobSlotArguments: ParsableArguments {
    /// Jobs running at once.
    @Option(name: .long, help: "Jobs running at once.")
    package var concurrentJobs = 1

    /// Encoder threads per job.
    @Option(name: .long, help: "Encoder threads per job (default: the number of cores).")
    package var jobs = ProcessorCount.active

    /// Options without a value.
    package init() {}
}
