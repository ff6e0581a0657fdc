import ArgumentParser
import Foundation
import VGenCommandLine
import VideoCore
import VideoRender

extension ResumeCommand: ExecutableCommand {

    func execute() async throws {
        let (folder, task, narration) = (folder, task, narration)
        let url = URL(fileURLWithPath: folder)
        let kind = try? TaskStore.kind(of: url)
        if kind == TalkPipeline.kind || kind == MontagePipeline.kind {
            let reporter = ProgressReporter(json: task.json)
            do {
                let video: URL
                if kind == TalkPipeline.kind {
                    video = try await CLIRunner.cancellable {
                        try await TalkPipeline().resume(taskDirectory: url, events: reporter.handle)
                    }.videoURL
                } else {
                    let pipeline = MontagePipeline(render: MontageRenderStage(jobs: task.jobs))
                    video = try await CLIRunner.cancellable {
                        try await pipeline.resume(taskDirectory: url, events: reporter.handle)
                    }.videoURL
                }
                reporter.finish()
                if reporter.printsPaths { print(video.path) }
            } catch {
                reporter.finish()
                CLIRunner.fail(error)
            }
            return
        }
        try await CLIRunner.run(json: task.json) {
            guard let state = try TaskStore.load(DocumentTask.self, kind: VideoPipeline.kind, from: url) else {
                throw VideoError(.invalidInput, "\(folder) holds no vgen task (no state.json)")
            }
            return ([(state.input.config, state.input.options)], [])
        } render: { _, options, reporter in
            try await LanguageModelSetup.pipeline(narration: narration, options: options, jobs: task.jobs).resume(
                taskDirectory: url, events: reporter.handle)
        }
    }
}

extension StatusCommand: ExecutableCommand {

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
