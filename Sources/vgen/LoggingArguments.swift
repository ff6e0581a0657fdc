import ArgumentParser
import Foundation
import VideoCore

/// `--verbose`: libav's own warnings and errors on stderr, each marked `libav:`. Without it
/// they are dropped (`LibavLog`); the failures that matter reach the user as vgen's errors.
struct LoggingArguments: ParsableArguments {
    @Flag(name: .long, help: "Also print libav's own warnings and errors on stderr, marked 'libav:'.")
    var verbose = false

    /// Routes libav's log to stderr when `--verbose` was given.
    func apply() {
        guard verbose else { return }
        LibavLog.route { line in FileHandle.standardError.write(Data("libav: \(line)\n".utf8)) }
    }
}

/// A command with `--verbose`; `VGen.main` applies it before the command runs.
protocol VerboseCommand {
    /// The command's logging options.
    var logging: LoggingArguments { get }
}

extension RenderCommand: VerboseCommand { var logging: LoggingArguments { task.logging } }
extension ResumeCommand: VerboseCommand { var logging: LoggingArguments { task.logging } }
extension BatchCommand: VerboseCommand { var logging: LoggingArguments { task.logging } }
extension MontageCommand: VerboseCommand { var logging: LoggingArguments { task.logging } }
extension BeatsCommand: VerboseCommand {}
extension PreviewCommand: VerboseCommand {}
