import ArgumentParser
import Foundation
import VideoAI
import VideoCore
import VideoRender

/// `vgen montage --music SONG MEDIA…`: photos and clips cut on the beats of a song.
struct MontageCommand: AsyncParsableCommand {
    /// The subcommand's name and help.
    static let configuration = CommandConfiguration(
        commandName: "montage",
        abstract: "Cut photos and clips into a montage on the beats of a song.",
        discussion: """
            Writes <output-dir>/<video_id>/video.mp4, timeline.json (the edit: segments with media, \
            in/out points, frames, transitions), analysis.json (the music profile) and thumbnail.png. \
            Edit timeline.json and render it again with --timeline: only the chunks whose \
            segments changed are encoded again. The folder's state.json is saved after every stage \
            (music, media, plan, render, output); vgen resume continues a killed or cancelled montage.
            """)

    /// Photos, clips and folders of them.
    @Argument(help: "Photos, clips and folders holding them.")
    var media: [String] = []

    @Option(name: .long, help: "The song (any audio file libav decodes).")
    var music: String?

    @Option(name: .long, help: "Length in seconds (default: the whole song).")
    var duration: Double?

    @Option(name: .long, help: "Frame shape: 16:9, 9:16 or 1:1.")
    var aspect: String = "16:9"

    @Option(name: .long, help: "Style: natural, cinematic, warm, cool, vivid or mono.")
    var style: String = "natural"

    @Option(name: .long, help: "Order: name, time (capture time) or shuffle.")
    var order: String = "time"

    @Option(name: .long, help: "Pictures of another shape: fill (crop), fit (bars) or blur (blurred background).")
    var fit: String = "fill"

    @Option(name: .long, help: "Use one transition everywhere: cut, crossfade, fade or zoom.")
    var transition: String?

    @Option(name: .long, help: "Volume of clips' own sound under the music, 0–1.")
    var clipAudio: Double = 0

    @Option(name: .long, help: "Rounds of automatic refinement: plan again while the plan's score rises (0–10).")
    var autoRefine: Int = 0

    @Option(name: .long, help: "Short side of the frame in pixels.")
    var size: Int = 1080

    @Option(name: .long, help: "Frames per second (1–120).")
    var fps: Int = 30

    @Option(name: .long, help: "Render this timeline.json again instead of planning.")
    var timeline: String?

    @OptionGroup var output: OutputArguments

    @Option(name: .long, help: "Stop after this stage (music, media, plan, render); vgen resume continues.")
    var stopAfter: String?

    @OptionGroup var task: TaskArguments

    mutating func run() async throws {
        let reporter = ProgressReporter(json: task.json)
        do {
            let (preset, crf) = try encoder()
            let pipeline = MontagePipeline(render: MontageRenderStage(preset: preset, crf: crf, jobs: task.jobs))
            let output = self.output.outputURL
            let work: @Sendable () async throws -> MontageResult?
            if let timeline {
                let plan = try loadTimeline(timeline)
                work = { try await pipeline.render(timeline: plan, to: output, events: reporter.handle) }
            } else {
                let settings = try settings()
                guard let music else {
                    throw VideoError(.invalidInput, "pass the song with --music FILE", field: "music")
                }
                guard !media.isEmpty else {
                    throw VideoError(.invalidInput, "pass photos, clips or a folder of them", field: "media")
                }
                guard let mediaOrder = MediaOrder(rawValue: order) else {
                    throw VideoError(
                        .invalidInput, "unknown order '\(order)'; use name, time or shuffle", field: "order")
                }
                let (paths, song, stopAfter) = (
                    media.map { URL(fileURLWithPath: $0) }, URL(fileURLWithPath: music), stopAfter
                )
                work = {
                    guard let stopAfter else {
                        return try await pipeline.render(
                            media: paths, music: song, order: mediaOrder, settings: settings, to: output,
                            events: reporter.handle)
                    }
                    _ = try await pipeline.render(
                        media: paths, music: song, order: mediaOrder, settings: settings, to: output,
                        stoppingAfter: stopAfter, events: reporter.handle)
                    return nil
                }
            }
            let result = try await CLIRunner.cancellable(work)
            reporter.finish()
            if let result, reporter.printsPaths { print(result.videoURL.path) }
            if result == nil, reporter.printsPaths, let id = try? settings().videoID {
                print(output.appendingPathComponent(id).path)  // stopped early: the task folder
            }
        } catch {
            reporter.finish()
            CLIRunner.fail(error)
        }
    }

    private func loadTimeline(_ path: String) throws -> MontageTimeline {
        let data: Data
        let file = VideoError.Location(file: path)
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw VideoError(.io, "cannot be read", location: file, underlying: error)
        }
        var plan: MontageTimeline
        do { plan = try JSONDecoder().decode(MontageTimeline.self, from: data) } catch {
            throw VideoError(.invalidInput, "is not a montage timeline", location: file, underlying: error)
        }
        if let videoId = output.videoId { plan.videoID = videoId }
        return plan
    }

    /// The checked x264 preset and quality (a montage's defaults: ultrafast, 23).
    func encoder() throws -> (preset: String, crf: Int) { try output.encoder(preset: "ultrafast", crf: 23) }

    func settings() throws -> EditPlanner.Settings {
        guard let aspect = MontageAspect(rawValue: aspect) else {
            throw VideoError(.invalidInput, "unknown aspect '\(self.aspect)'; use 16:9, 9:16 or 1:1", field: "aspect")
        }
        guard let style = MontageStyle.named(style) else {
            throw VideoError(
                .invalidInput,
                "unknown style '\(self.style)'; use \(MontageStyle.presets.map(\.name).joined(separator: ", "))",
                field: "style")
        }
        guard let fit = MontageTimeline.Fit(rawValue: fit) else {
            throw VideoError(.invalidInput, "unknown fit '\(self.fit)'; use fill, fit or blur", field: "fit")
        }
        var chosen: MontageTimeline.Transition?
        if let transition {
            guard let value = MontageTimeline.Transition(rawValue: transition) else {
                throw VideoError(
                    .invalidInput, "unknown transition '\(transition)'; use cut, crossfade, fade or zoom",
                    field: "transition")
            }
            chosen = value
        }
        if let duration, !(duration > 0 && duration <= 3600) {
            throw VideoError(.invalidInput, "duration \(duration) s is outside 0–3600 s", field: "duration")
        }
        guard (144...4320).contains(size) else {
            throw VideoError(.invalidInput, "size \(size) is outside 144–4320", field: "size")
        }
        guard (1...120).contains(fps) else { throw VideoError(.invalidInput, "\(fps) is outside 1–120", field: "fps") }
        guard (0...1).contains(clipAudio) else {
            throw VideoError(.invalidInput, "clip audio volume must lie within 0–1", field: "clip-audio")
        }
        guard (0...10).contains(autoRefine) else {
            throw VideoError(.invalidInput, "auto-refine \(autoRefine) is outside 0–10", field: "auto-refine")
        }
        let songName = URL(fileURLWithPath: music ?? "montage").deletingPathExtension().lastPathComponent
        let id = output.videoId ?? Self.slug(songName)
        return EditPlanner.Settings(
            videoID: id, musicPath: music ?? "", aspect: aspect, shortSide: size, fps: fps, style: style, fit: fit,
            duration: duration,
            transition: chosen, clipAudioVolume: clipAudio, autoRefine: autoRefine)
    }

    /// A folder-safe name: letters and digits kept, runs of anything else become one '-'.
    static func slug(_ text: String) -> String {
        var out = ""
        for c in text.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if !out.hasSuffix("-") { out.append("-") }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "montage" : "montage-" + trimmed
    }
}
