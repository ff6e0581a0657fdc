import ArgumentParser
import VGenCommandLine
import VideoCore
import VideoRender

extension ScenesCommand: ExecutableCommand {
    /// Prints each scene type and its fields.
    func execute() async throws {
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
