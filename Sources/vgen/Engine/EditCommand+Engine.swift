import ArgumentParser
import Foundation
import VGenCommandLine
import VideoAI
import VideoCore
import VideoRender

extension EditCommand: ExecutableCommand {
    /// Plans and renders the cut (or renders `--edit`), printing the video's path.
    mutating func execute() async throws {
        let reporter = ProgressReporter(json: task.json)
        do {
            let work = try talkTask()
            let id = output.videoId ?? Self.videoID(for: talk)
            let folder = output.outputURL
            var pipeline = TalkPipeline()
            pipeline.languageModel = try LanguageModelSetup.configured()
            let chosen = pipeline
            let result = try await CLIRunner.cancellable {
                try await chosen.render(work, videoID: id, to: folder, events: reporter.handle)
            }
            reporter.finish()
            if reporter.printsPaths { print(result.videoURL.path) }
        } catch {
            reporter.finish()
            CLIRunner.fail(error)
        }
    }

    /// The edit the options describe, checked (the job service builds its edit jobs with it).
    /// - Throws: `VideoError(.invalidInput)` naming the option at fault.
    func talkTask() throws -> TalkTask {
        let (preset, crf) = try output.encoder(preset: "veryfast", crf: 20)
        guard maxPause.isFinite, (0.1...60).contains(maxPause) else {
            throw VideoError(.invalidInput, "must be 0.1–60 seconds, not \(maxPause)", field: "max-pause")
        }
        guard margin.isFinite, margin >= 0, 2 * margin < maxPause else {
            throw VideoError(.invalidInput, "must be at least 0 and under half of --max-pause", field: "margin")
        }
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        return TalkTask(
            source: absolute(talk), transcript: transcript.map(absolute), edit: edit.map(absolute),
            cut: CutOptions(maxPause: maxPause, margin: margin, removeFillers: !keepFillers), preset: preset,
            crf: crf, broll: broll.map(absolute), brollStyle: try style(), title: title, cards: cards,
            highlight: try highlight())
    }

    /// The B-roll style.
    func style() throws -> BrollPlacement.Style {
        guard let style = BrollPlacement.Style(rawValue: brollStyle) else {
            throw VideoError(.invalidInput, "unknown style '\(brollStyle)'; use cutaway or pip", field: "broll-style")
        }
        return style
    }

    /// The highlight asked for by `--platform` and `--duration`, as the document path reads them
    /// (`Docs/Platforms.md`): a vertical platform cuts 60 s by default; `full` keeps no highlight.
    func highlight() throws -> TalkHighlight? {
        guard platform != nil || duration != nil else { return nil }
        let place = try platform.map { try Platform(validating: $0) } ?? .youtube
        let asked = try duration.map { try DurationBudget(parsing: $0) }
        try asked?.validate()
        guard let seconds = try place.budget(asked: asked)?.targetSeconds else { return nil }
        return TalkHighlight(seconds: seconds, platform: place)
    }

    /// The recording's name, lower-cased, letters and digits kept, others made `-`.
    static func videoID(for path: String) -> String {
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent.lowercased()
        let id = String(stem.map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII ? $0 : "-" })
            .trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return id.isEmpty ? "talk" : String(id.prefix(64))
    }
}
