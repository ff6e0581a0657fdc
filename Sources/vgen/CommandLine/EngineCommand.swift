import ArgumentParser

/// A subcommand that does work: the front hands it to the engine (`vgen-engine`), which parses
/// the same arguments and runs it. Help, `help X` and usage errors never get this far.
package protocol EngineCommand: ParsableCommand {}
