import ArgumentParser

/// The `vgen` command line: the root command and its subcommands. Its default subcommand
/// renders documents and YAML specs, so `vgen --document README.md` works as it reads.
///
/// The front (`vgen`) parses with it and answers help and usage errors itself; the engine
/// (`vgen-engine`) parses the same arguments with it again and runs the command.
package struct VGen: ParsableCommand {
    /// The tool's name, help and subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "vgen",
        abstract: "Turn documents into narrated videos, and photos and a song into beat-cut montages.",
        discussion: """
            Without a subcommand, vgen renders (every option of 'vgen render --help' applies):
              vgen --document PATH [--output-dir DIR] [--accent-color C] [--voice V]
                   [--resolution WxH] [--fps N] [--preset P] [--transition T] [--jobs N] [--json]
              vgen --yaml SPEC.yaml [same options]
              vgen --prompt "Explain Swift actors to a Python developer" [same options]
            """,
        subcommands: [
            RenderCommand.self, ResumeCommand.self, StatusCommand.self, BatchCommand.self, PreviewCommand.self,
            ScenesCommand.self, BeatsCommand.self, MontageCommand.self, EditCommand.self, ServeCommand.self,
            JoinCommand.self, WorkerCommand.self,
            RefineCommand.self,
        ],
        defaultSubcommand: RenderCommand.self)

    /// No options of its own.
    package init() {}
}
