import ArgumentParser

/// `--verbose`: libav's own warnings and errors on stderr, each marked `libav:`. Without it
/// they are dropped (the engine's `LibavLog`); the failures that matter reach the user as
/// vgen's errors.
package struct LoggingArguments: ParsableArguments {
    /// Whether libav's log goes to stderr.
    @Flag(name: .long, help: "Also print libav's own warnings and errors on stderr, marked 'libav:'.")
    package var verbose = false

    /// No `--verbose`.
    package init() {}
}

/// A command with `--verbose`; the engine applies it before the command runs.
package protocol VerboseCommand {
    /// The command's logging options.
    var logging: LoggingArguments { get }
}

extension RenderCommand: VerboseCommand { package var logging: LoggingArguments { task.logging } }
extension ResumeCommand: VerboseCommand { package var logging: LoggingArguments { task.logging } }
extension BatchCommand: VerboseCommand { package var logging: LoggingArguments { task.logging } }
extension MontageCommand: VerboseCommand { package var logging: LoggingArguments { task.logging } }
extension BeatsCommand: VerboseCommand {}
extension PreviewCommand: VerboseCommand {}
