import ArgumentParser
import Foundation
import VideoRender

/// The `vgen` command: documents into narrated videos.
@main
struct VGen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vgen",
        abstract: "Turn documents into narrated videos.",
        discussion: """
            Renders a Markdown or text document into <output-dir>/<video_id>/ with video.mp4, \
            narration WAVs, timing_manifest.json, metadata.json and captions (SRT and VTT). \
            Narration is spoken offline by espeak-ng before any frame is drawn, and the picture \
            follows its measured timing exactly.
            """,
        subcommands: [BeatsCommand.self])

    @Option(name: .long, help: "The Markdown (.md) or plain-text (.txt) document to render.")
    var document: String?

    @OptionGroup var render: RenderArguments

    mutating func run() async throws {
        try await CLIRunner.run {
            guard let document else {
                throw VideoError(.invalidInput, "nothing to render: pass --document PATH (see vgen --help)")
            }
            let settings = try render.settings()
            let read = try DocumentAdapter(url: URL(fileURLWithPath: document), settings: settings).read()
            return (try render.apply(to: read.config), read.warnings)
        } render: { config, reporter in
            try await VideoPipeline(options: try render.options()).render(
                config, to: URL(fileURLWithPath: render.outputDir), events: reporter.handle)
        }
    }
}

/// Options shared by every command that renders a video.
struct RenderArguments: ParsableArguments {
    @Option(name: .long, help: "The parent folder of the video's folder.")
    var outputDir: String = "output"

    @Option(name: .long, help: "Accent colour: blue, orange, purple, green, pink or cyan.")
    var accentColor: String = "blue"

    @Option(name: .long, help: "Voice: male, female, male_warm, female_friendly, or any espeak-ng voice (en-gb, de, fr+f2…).")
    var voice: String = "male"

    @Option(name: .long, help: "Frame size as WIDTHxHEIGHT.")
    var resolution: String = "1920x1080"

    @Option(name: .long, help: "Frames per second (1–120).")
    var fps: Int = 30

    @Option(name: .long, help: "x264 preset: ultrafast, superfast, veryfast, faster, fast, medium, slow, slower, veryslow.")
    var preset: String = "veryfast"

    @Option(name: .long, help: "The video id (the output folder's name); derived from the input's name when omitted.")
    var videoId: String?

    @Option(name: .long, help: "How scenes give way to each other: cut, fade, crossfade or slide.")
    var transition: String?

    /// Applies the options that are not adapter settings (the transition) to a video.
    func apply(to config: VideoConfig) throws -> VideoConfig {
        var config = config
        if let transition { config.transition = try Transition(validating: transition) }
        return config
    }

    func settings() throws -> VideoSettings {
        let resolution = try Resolution(parsing: resolution)
        guard Limits.fpsRange.contains(fps) else {
            throw VideoError(.invalidInput, "\(fps) is outside \(Limits.fpsRange.lowerBound)–\(Limits.fpsRange.upperBound)", field: "fps")
        }
        return VideoSettings(
            accentColor: try AccentColor(validating: accentColor), voice: Voice(voice), resolution: resolution, fps: fps,
            videoID: videoId)
    }

    func options() throws -> RenderOptions {
        guard MP4Writer.x264Presets.contains(preset) else {
            throw VideoError(
                .invalidInput, "unknown preset '\(preset)'; valid: \(MP4Writer.x264Presets.joined(separator: ", "))", field: "preset")
        }
        return RenderOptions(preset: preset)
    }
}
