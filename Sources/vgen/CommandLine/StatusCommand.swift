import ArgumentParser

/// `vgen status FOLDER`: where a task is.
package struct StatusCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show how far a task has come.")

    @Argument(help: "The task folder: <output-dir>/<video_id>.")
    package var folder: String

    @Flag(name: .long, help: "Print the saved state as JSON.")
    package var json = false

    /// The defaults.
    package init() {}
}
