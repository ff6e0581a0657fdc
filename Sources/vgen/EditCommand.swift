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
            source time and each removal with its reason), captions.srt/.vtt and talk.otio (the cut for \
            Resolve, Premiere or Final Cut). Without --transcript the speech is recognized offline by \
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

    @Option(name: .long, help: "The parent folder of the video's folder.")
    var outputDir: String = "output"

    @Option(
        name: .long, help: "The video id (the output folder's name); derived from the recording's name when omitted.")
    var videoId: String?

    @Option(name: .long, help: "x264 preset: ultrafast … veryslow.")
    var preset: String = "veryfast"

    @Option(name: .long, help: "x264 constant rate factor, 0–51: lower is better and larger.")
    var crf: Int = 20

    @OptionGroup var task: TaskArguments

    mutating func run() async throws {
        let reporter = ProgressReporter(json: task.json)
        do {
            let work = try talkTask()
            let id = videoId ?? Self.videoID(for: talk)
            let output = URL(fileURLWithPath: outputDir)
            let result = try await CLIRunner.cancellable {
                try await TalkPipeline().render(work, videoID: id, to: output, events: reporter.handle)
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
        guard MP4Writer.x264Presets.contains(preset) else {
            throw VideoError(.invalidInput, "unknown preset '\(preset)'", field: "preset")
        }
        guard (0...51).contains(crf) else {
            throw VideoError(.invalidInput, "crf must be 0–51, not \(crf)", field: "crf")
        }
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
            crf: crf)
    }

    /// The recording's name, lower-cased, letters and digits kept, others made `-`.
    static func videoID(for path: String) -> String {
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent.lowercased()
        let id = String(stem.map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII ? $0 : "-" })
            .trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return id.isEmpty ? "talk" : String(id.prefix(64))
    }
}
