import ArgumentParser

/// `vgen join [render options] --document PATH | --yaml PATH`: joins the segments that
/// `vgen render --shard i/N` processes left in the shared output folder into the video, by
/// stream copy; the same options as the shards.
package struct JoinCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join the segments of 'vgen render --shard i/N' into the video (the same options as the shards).")

    /// The render options, parsed by `RenderCommand` in the engine.
    @Argument(parsing: .captureForPassthrough, help: "The options the shards were rendered with.")
    package var arguments: [String] = []

    /// No options.
    package init() {}
}
