import ArgumentParser

/// `vgen preview FILE --scene N --out PNG`: one scene as a still, without audio.
package struct PreviewCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
        commandName: "preview", abstract: "Draw one scene of a document or YAML spec as a PNG (no audio, no video).")

    @Argument(help: "A YAML spec (.yaml/.yml) or a Markdown/text document.")
    package var file: String

    @Option(name: .long, help: "The scene to draw, from 1.")
    package var scene: Int = 1

    @Option(name: .long, help: "Where to write the PNG.")
    package var out: String

    @Option(name: .long, help: "The video to draw from, by id, when the spec holds several.")
    package var video: String?

    @OptionGroup package var render: RenderArguments
    @OptionGroup package var logging: LoggingArguments

    /// The defaults.
    package init() {}
}
