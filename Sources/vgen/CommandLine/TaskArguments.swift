import ArgumentParser

/// Options for how a task runs.
package struct TaskArguments: ParsableArguments {
    /// Scenes rendered (or encoder threads run) at once.
    @Option(name: .long, help: "Scenes rendered at once (default: the number of cores).")
    package var jobs: Int = ProcessorCount.active

    /// Whether progress is printed as JSON events on stdout.
    @Flag(name: .long, help: "Print one JSON event per line on stdout instead of progress on stderr.")
    package var json = false

    /// `--verbose`.
    @OptionGroup package var logging: LoggingArguments

    /// Options without a value.
    package init() {}

    /// Checks `--jobs` (1–64).
    package func validate() throws {
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be 1–64") }
    }
}
