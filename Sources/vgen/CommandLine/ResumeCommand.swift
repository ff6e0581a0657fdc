import ArgumentParser

/// `vgen resume FOLDER`: continue a task from its last completed stage.
package struct ResumeCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Continue a killed, cancelled or failed render from its last completed stage.")

    @Argument(help: "The task folder: <output-dir>/<video_id>.")
    package var folder: String

    @OptionGroup package var task: TaskArguments

    @Option(name: .long, help: "Who writes narration still to be written: template (default) or ai.")
    package var narration: String = "template"

    /// The defaults.
    package init() {}
}
