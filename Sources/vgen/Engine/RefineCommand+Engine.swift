import ArgumentParser
import Foundation
import VGenCommandLine
import VideoAI
import VideoCore
import VideoRender

extension RefineCommand: ExecutableCommand {
    /// Renders the next version from the feedback, or puts the previous one back.
    mutating func execute() async throws {
        let reporter = ProgressReporter(json: task.json)
        let (url, feedback, undo, jobs) = (URL(fileURLWithPath: folder), feedback, undo, task.jobs)
        do {
            if undo {
                guard feedback == nil else {
                    throw VideoError(.invalidInput, "--undo takes no feedback", field: "feedback")
                }
                let version = try MontageRefiner().undo(taskDirectory: url)
                reporter.finish()
                if reporter.printsPaths { print("version \(version.number)") }
                return
            }
            guard let feedback else {
                throw VideoError(.invalidInput, "say what to change, or pass --undo", field: "feedback")
            }
            let model = try LanguageModelSetup.configured()
            let refiner = MontageRefiner(
                pipeline: MontagePipeline(render: MontageRenderStage(jobs: jobs)),
                interpreter: model.map {
                    FeedbackInterpreter(model: $0.cached(in: url.appendingPathComponent("llm-cache")))
                })
            let result = try await CLIRunner.cancellable {
                try await refiner.refine(taskDirectory: url, feedback: feedback, events: reporter.handle)
            }
            reporter.finish()
            let edits = result.version.edits.map(\.summary).joined(separator: "; ")
            FileHandle.standardError.write(
                Data(
                    "vgen: version \(result.version.number): \(edits) (\(result.montage.renderedChunks) chunks encoded, \(result.montage.cachedChunks) reused)\n"
                        .utf8))
            if reporter.printsPaths { print(result.montage.videoURL.path) }
        } catch {
            reporter.finish()
            CLIRunner.fail(error)
        }
    }
}
