import ArgumentParser
import VGenCommandLine

/// `vgen`, the program users run: it parses the command line with the declarations in
/// `VGenCommandLine` and answers `--help`, `help X`, `X --help` and usage errors itself, in a
/// process that maps no C library (Docs/Startup.md). A command that does work is handed to
/// the engine (`EngineLauncher`), which replaces this process.
@main
enum VGenFront {
    /// Parses, then answers or hands over; never returns for a command that does work.
    static func main() {
        let command: any ParsableCommand
        do {
            command = try VGen.parseAsRoot()
        } catch {
            ParserFailure.exit(error)
        }
        guard command is any EngineCommand else {
            // ArgumentParser's own commands (`help X`) print help and end in a `CleanExit`.
            do {
                var command = command
                try command.run()
                return
            } catch {
                ParserFailure.exit(error)
            }
        }
        EngineLauncher.exec(arguments: CommandLine.arguments)
    }
}
