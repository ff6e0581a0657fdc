import ArgumentParser
import Foundation
import VGenCommandLine
import VideoAI
import VideoCore
import VideoRender

extension MontageCommand: ExecutableCommand {
    /// Plans and renders the montage (or renders `--timeline` again), printing the video's path.
    mutating func execute() async throws {
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
        // What the file holds is checked here, so its errors name it; the pipeline checks again.
        do {
            try plan.validate()
            try VideoConfig.validate(videoID: plan.videoID)
        } catch let error as VideoError {
            throw VideoError(error.code, error.message, field: error.field, location: file, cause: error.cause)
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
        var settings = EditPlanner.Settings(
            videoID: id, musicPath: music ?? "", aspect: aspect, shortSide: size, fps: fps, style: style, fit: fit,
            duration: duration,
            transition: chosen, clipAudioVolume: clipAudio, autoRefine: autoRefine)
        settings.speedRamp = speedRamp
        return settings
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
