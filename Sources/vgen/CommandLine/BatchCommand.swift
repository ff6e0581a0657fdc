import ArgumentParser

/// `vgen batch FILE…`: render many documents and specs; one broken input does not stop the others.
package struct BatchCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render many documents and YAML specs, then print a summary table.",
        discussion: "Exits 1 when any input failed (the others are rendered all the same), 130 when cancelled.")

    @Argument(help: "Documents (.md, .txt) and YAML specs (.yaml, .yml).")
    package var files: [String]

    @OptionGroup package var render: RenderArguments
    @OptionGroup package var task: TaskArguments

    /// The defaults.
    package init() {}
}
