/// Running a montage task's stages with its state saved after each.
import Foundation

extension MontagePipeline {
    /// Runs the task's stages from the first that has not completed, reusing the saved output
    /// of the others, and saves the state after each.
    func run(
        _ initial: MontageTaskState, in directory: URL, stopAfter: String?,
        events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> MontageResult? {
        let runner = StageRunner(state: initial, directory: directory, events: events)
        let files = Files(directory)
        return try await runner.runTask(
            {
                let profile = try await runner.step(
                    music, URL(fileURLWithPath: initial.music), saved: { try Files.read(files.analysis) }
                ) { try AtomicFile.writeJSON($0, to: files.analysis) }
                if stopAfter == music.name {
                    try runner.stop()
                    return nil
                }
                let timeline: MontageTimeline
                if let saved = initial.settings {
                    let paths = initial.media.map { URL(fileURLWithPath: $0) }
                    let analysed = try await runner.step(
                        media, .init(paths: paths, order: initial.order), saved: { try Files.read(files.media) }
                    ) { try AtomicFile.writeJSON($0, to: files.media) }
                    if stopAfter == media.name {
                        try runner.stop()
                        return nil
                    }
                    let settings = try saved.settings(videoID: initial.taskID, music: initial.music)
                    timeline = try await runner.step(
                        plan, .init(media: analysed, music: profile, settings: settings),
                        saved: { try Files.read(files.timeline) }
                    ) { try AtomicFile.writeJSON($0, to: files.timeline) }
                    if stopAfter == plan.name {
                        try runner.stop()
                        return nil
                    }
                } else {
                    timeline = try Files.read(files.timeline)
                }
                let rendered = try await runner.step(render, timeline) {
                    guard FileManager.default.fileExists(atPath: files.encoded.path),
                        FileManager.default.fileExists(atPath: files.thumbnail.path)
                    else { throw VideoError(.io, "no encoded video") }
                    return .init(encoded: files.encoded, thumbnail: files.thumbnail, renderedChunks: 0, cachedChunks: 0)
                }
                if stopAfter == render.name {
                    try runner.stop()
                    return nil
                }
                var result = try await runner.step(
                    output, .init(timeline: timeline, profile: profile, rendered: rendered)
                ) {
                    let video = directory.appendingPathComponent("video.mp4")
                    guard FileManager.default.fileExists(atPath: video.path) else { throw VideoError(.io, "no video") }
                    return MontageResult(
                        directory: directory, videoURL: video,
                        thumbnailURL: directory.appendingPathComponent("thumbnail.png"),
                        timeline: timeline, profile: profile)
                }
                result.warnings = runner.warnings.messages
                result.stageSeconds = runner.seconds
                return result
            }, videoURL: \.videoURL)
    }

    /// Where the stages' outputs are saved in the task folder.
    private struct Files {
        let analysis: URL
        let media: URL
        let timeline: URL
        let encoded: URL
        let thumbnail: URL

        init(_ directory: URL) {
            analysis = directory.appendingPathComponent("analysis.json")
            media = directory.appendingPathComponent("media.json")
            timeline = directory.appendingPathComponent("timeline.json")
            encoded = directory.appendingPathComponent(".video.mp4.partial")
            thumbnail = directory.appendingPathComponent(".thumbnail.png.partial")
        }

        static func read<T: Decodable>(_ url: URL) throws -> T {
            do { return try JSONDecoder().decode(T.self, from: Data(contentsOf: url)) } catch {
                throw VideoError(.invalidInput, "cannot read \(url.lastPathComponent): \(error)")
            }
        }
    }
}
