import ArgumentParser

/// `vgen refine TASK "faster cuts, more beach photos"`: a new version of a montage from feedback.
package struct RefineCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
        commandName: "refine",
        abstract: "Make a new version of a montage from feedback in plain words, or undo the last one.",
        discussion: """
            Feedback is read by a phrase grammar (faster, slower, more beach photos, no blue pictures, \
            end on the sunset, start with the harbour, 30 seconds, shorter, warmer, cooler, cinematic, \
            black and white, only cuts, crossfades); with a language model configured (Docs/LanguageModels.md), \
            feedback the grammar cannot read is mapped onto the same edits by the model. Every version is kept \
            in TASK/versions/N/ and history.json records the feedback, edits and scores; only the chunks \
            that changed are encoded again. --undo puts the previous version back exactly.
            """)

    @Argument(help: "The montage's folder: <output-dir>/<video_id>.")
    package var folder: String

    @Argument(help: "What to change, in words, for example \"faster cuts, more beach photos, end on the sunset\".")
    package var feedback: String?

    @Flag(name: .long, help: "Go back one version instead of refining.")
    package var undo = false

    @OptionGroup package var task: TaskArguments

    /// The defaults.
    package init() {}
}
