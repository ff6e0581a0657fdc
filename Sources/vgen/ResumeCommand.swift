import ArgumentParser
import Foundation
import VideoCore
import VideoRender

/// `vgen resume FOLDER`: continue a task from its last completed stage.
struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Continue a killed, cancelled or failed render from its last completed stage.")

    @Argument(help: "The task folder: <output-dir>/<video_id>.")
    var folder: String

    @OptionGroup var task: TaskArguments

    @Option(name: .long, help: "Who writes narration still to be written: template (default) or ai.")
    var narration: String = "template"

    func run() async throws {
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

/// `vgen status FOLDER`: where a task is.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show how far a task has come.")

    @Argument(help: "The task folder: <output-dir>/<video_id>.")
    var folder: String

    @Flag(name: .long, help: "Print the saved state as JSON.")
    var json = false

    func run() throws {
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
