import ArgumentParser
import VideoCore
import VideoRender

/// `vgen scenes`: the scene types and their YAML fields.
struct ScenesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenes", abstract: "List the scene types and their fields (see Docs/YAMLSchema.md).")

    func run() {
        for type in SceneType.builtIn {
            print(type.rawValue)
            for field in type.contentFields {
                let required = field.isRequired ? " (required)" : ""
                print(
                    "  \(field.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(field.kind.rawValue)\(required) — \(field.summary)"
                )
            }
        }
    }
}
