import ArgumentParser
import Foundation
import VideoAI
import VideoCore
import VideoRender

/// `vgen refine TASK "faster cuts, more beach photos"`: a new version of a montage from feedback.
struct RefineCommand: AsyncParsableCommand {
    /// The subcommand's name and help.
    static let configuration = CommandConfiguration(
        commandName: "refine",
        abstract: "Make a new version of a montage from feedback in plain words, or undo the last one.",
        discussion: """
            Feedback is read by a phrase grammar (faster, slower, more beach photos, no blue pictures, \
            end on the sunset, start with the harbour, 30 seconds, shorter, warmer, cooler, cinematic, \
            black and white, only cuts, crossfades); with a language model configured (Docs/LanguageModels.md), \
            feedback the grammar cannot read is mapped onto the same edits by the model. Every version is kept \
            in TASK/versions/N/ and history.json records the feedback, edits and scores; only the chunks \
            that changed are encoded again. --undo puts the previous version back exactly.
            """)

    @Argument(help: "The montage's folder: <output-dir>/<video_id>.")
    var folder: String

    @Argument(help: "What to change, in words, for example \"faster cuts, more beach photos, end on the sunset\".")
    var feedback: String?

    @Flag(name: .long, help: "Go back one version instead of refining.")
    var undo = false

    @OptionGroup var task: TaskArguments

    mutating func run() async throws {
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
