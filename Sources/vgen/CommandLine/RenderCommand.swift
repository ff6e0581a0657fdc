import ArgumentParser

/// `vgen [render] --document PATH | --yaml PATH`: documents and YAML specs into narrated videos.
package struct RenderCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Turn a document or a YAML spec into a narrated video (the default subcommand).",
        discussion: """
            Renders a Markdown or text document (--document) or a YAML spec (--yaml) into \
            <output-dir>/<video_id>/ with video.mp4, narration WAVs, timing_manifest.json, \
            metadata.json, captions (SRT and VTT) and thumbnail.png. Narration is spoken offline \
            by flite (English) or espeak-ng (other languages) before any frame is drawn, and the \
            picture follows its measured timing \
            exactly.
            """)

    @Option(name: .long, help: "The Markdown (.md) or plain-text (.txt) document to render.")
    package var document: String?

    @Option(name: .long, help: "The YAML spec to render (one video, or a set under 'videos:'); see Docs/YAMLSchema.md.")
    package var yaml: String?

    @Option(
        name: .long,
        help:
            "Plan the video from this prompt with the configured language model; the plan is saved as spec.yaml in its folder."
    )
    package var prompt: String?

    @OptionGroup package var render: RenderArguments
    @OptionGroup package var task: TaskArguments
    @OptionGroup package var sharding: ShardArguments

    @Flag(name: .long, help: "Remove what an earlier run left in the video's folder (even a corrupt state file) first.")
    package var restart = false

    @Option(
        name: .long,
        help: "Stop after this stage (fit, script, budget, audio, video), with the state saved; vgen resume continues.")
    package var stopAfter: String?

    /// No options.
    package init() {}
}
