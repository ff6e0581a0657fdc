import ArgumentParser
import Foundation
import VGenCommandLine
import VideoCore

/// `vgen-engine`: what runs a command once the front (`vgen`) has parsed it. The front
/// `execv`s this program with the same arguments, so it parses them again with the same root
/// command (`VGen`) and runs the command's `ExecutableCommand` conformance.
@main
enum VGenEngine {
    /// Parses the command line and runs the command. Every failure, the parser's included,
    /// ends in `CLIRunner.fail`: one line `vgen: error: …` and the status of `ExitStatus`.
    static func main() async {
        AllocatorPolicy.apply()  // before any thread starts (Docs/Memory.md)
        do {
            var command = try VGen.parseAsRoot()
            (command as? any VerboseCommand)?.logging.apply()
            if var executable = command as? any ExecutableCommand {
                try await executable.execute()
            } else {
                try command.run()  // `help X`: ArgumentParser's own commands
            }
        } catch {
            CLIRunner.fail(error)
        }
    }
}

/// The engine's side of an `EngineCommand`: the work the declared command stands for. Each
/// command declared in `VGenCommandLine` conforms in its `+Engine` file.
protocol ExecutableCommand {
    /// Does the command's work; throws what `CLIRunner.fail` turns into the exit status.
    mutating func execute() async throws
}
