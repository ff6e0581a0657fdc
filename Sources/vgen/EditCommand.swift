import ArgumentParser
import Foundation
import VideoAI
import VideoCore
import VideoRender

/// `vgen edit talk.mp4`: a recorded talk cut clean.
struct EditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Cut the pauses and filler words out of a recorded talk.",
        discussion: """
            Writes <output-dir>/<video_id>/video.mp4, transcript.json, edit.json (the kept ranges in \
            source time and each removal with its reason), direction.json (chapters from topic shifts, \
            B-roll placements), captions.srt/.vtt, talk.otio (the cut for Resolve, Premiere or Final \
            Cut), metadata.json (chapters, title variants, tags), thumbnail-1…3.png and, with --platform \
            or --duration, highlight.mp4. Without --transcript the speech is recognized offline by \
            pocketsphinx (English). Edit edit.json and render it again with --edit. vgen resume \
            continues a killed edit (Docs/Talks.md).
            """)

    @Argument(help: "The recording: any video with a sound track that libav decodes.")
    var talk: String

    @Option(
        name: .long,
        help: "Its transcript: SRT, WebVTT, or Whisper JSON (faster-whisper, whisper.cpp, WhisperX, OpenAI).")
    var transcript: String?

    @Option(name: .long, help: "Render this cut list (an edit.json) instead of planning one.")
    var edit: String?

    @Option(name: .long, help: "Pauses longer than this many seconds are cut (default 0.6).")
    var maxPause: Double = 0.6

    @Option(name: .long, help: "Seconds of pause kept on each side of a cut (default 0.15).")
    var margin: Double = 0.15

    @Flag(name: .long, help: "Keep filler words (um, uh, er).")
    var keepFillers = false

    @Option(
        name: .long,
        help:
            "A folder of B-roll pictures and clips, placed where the talk mentions their names or broll.yaml's keywords."
    )
    var broll: String?

    @Option(name: .long, help: "How B-roll is shown: cutaway (whole frame) or pip (picture in picture).")
    var brollStyle: String = "cutaway"

    @Option(
        name: .long, help: "The video's title (title card, thumbnails, metadata); else the model's or a key phrase.")
    var title: String?

    @Flag(name: .long, help: "Open with a title card and close with an outro.")
    var cards = false

    @Option(name: .long, help: "Also cut highlight.mp4 for youtube, shorts, tiktok or reels (9:16, 60 s by default).")
    var platform: String?

    @Option(name: .long, help: "The highlight's length: 60, 90s, 1m30s … (default: the platform's).")
    var duration: String?

    @OptionGroup var output: OutputArguments

    @OptionGroup var task: TaskArguments

    mutating func run() async throws {
        let reporter = ProgressReporter(json: task.json)
        do {
            let (preset, crf) = try output.encoder(preset: "veryfast", crf: 20)
            guard maxPause.isFinite, (0.1...60).contains(maxPause) else {
                throw VideoError(.invalidInput, "must be 0.1–60 seconds, not \(maxPause)", field: "max-pause")
            }
            guard margin.isFinite, margin >= 0, 2 * margin < maxPause else {
                throw VideoError(.invalidInput, "must be at least 0 and under half of --max-pause", field: "margin")
            }
            let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
            let work = TalkTask(
                source: absolute(talk), transcript: transcript.map(absolute), edit: edit.map(absolute),
                cut: CutOptions(maxPause: maxPause, margin: margin, removeFillers: !keepFillers), preset: preset,
                crf: crf, broll: broll.map(absolute), brollStyle: try style(), title: title, cards: cards,
                highlight: try highlight())
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
