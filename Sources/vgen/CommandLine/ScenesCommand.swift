import ArgumentParser

/// `vgen scenes`: the scene types and their YAML fields.
package struct ScenesCommand: EngineCommand {
    /// The subcommand's name and help.
    package static let configuration = CommandConfiguration(
        commandName: "scenes", abstract: "List the scene types and their fields (see Docs/YAMLSchema.md).")

    /// The defaults.
    package init() {}
}
