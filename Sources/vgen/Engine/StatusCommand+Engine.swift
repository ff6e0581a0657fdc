import Foundation
import VGenCommandLine
import VideoCore

extension StatusCommand: ExecutableCommand {
    /// Prints the task's stages (or its saved state with `--json`).
    func execute() async throws {
        do {
            let url = URL(fileURLWithPath: folder)
            guard let state = try TaskStore.summary(of: url) else {
                throw VideoError(.invalidInput, "\(folder) holds no vgen task (no state.json)")
            }
            if json {
                print(
                    String(
                        decoding: try Data(contentsOf: url.appendingPathComponent(TaskStore.stateFile)), as: UTF8.self))
                return
            }
            print("\(state.kind) task \(state.taskID): \(state.status.rawValue)")
            for stage in state.stages {
                let error = stage.error.map { " — \($0)" } ?? ""
                print(
                    "  \(stage.name.padding(toLength: 7, withPad: " ", startingAt: 0)) \(stage.status.rawValue)\(error)"
                )
            }
            if let next = state.nextStage, state.status != .completed { print("next: \(next) (vgen resume \(folder))") }
        } catch {
            CLIRunner.fail(error)
        }
    }
}
