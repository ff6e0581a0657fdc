import ArgumentParser
import Foundation
import VGenCommandLine
import VideoCore
import VideoRender

extension ResumeCommand: ExecutableCommand {
    /// Continues the task in the folder with the pipeline of its kind.
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
