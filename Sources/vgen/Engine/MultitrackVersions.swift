import Foundation
import VideoCore
import VideoRender

/// `--multitrack`: the `--languages` versions rendered to one timing, then muxed into
/// `OUTPUT/multitrack/<video_id>/video.mp4` with every language's sound and captions.
///
/// Each language's narration lasts its own time, so every version is planned first and each
/// scene gets the longest of its versions' frames as a floor (`TimingPlanner.sceneFrameFloors`);
/// the first language's picture then fits every version's sound.
enum MultitrackVersions {
    /// The folder under the output folder that holds the multitrack video.
    static let folder = "multitrack"

    /// Renders every version with aligned timing and writes the multitrack MP4.
    /// - Parameters:
    ///   - versions: Each language's video and folder, the default language first.
    ///   - languages: The languages, in the same order.
    ///   - pipeline: The pipeline every version is rendered with.
    ///   - output: The parent output folder.
    ///   - restart: Start each version's task afresh.
    ///   - events: Progress of each version's render.
    ///   - rendered: Called after each version is rendered (the CLI prints its path).
    /// - Returns: The first language's result, with its folder and video moved to the multitrack MP4.
    /// - Throws: `VideoError` naming `--multitrack` when there are fewer than two languages or
    ///   the versions' scenes do not line up; the renders' and the muxer's failures.
    static func render(
        _ versions: [(config: VideoConfig, folder: URL)], languages: [Language], pipeline: VideoPipeline,
        output: URL, restart: Bool, events: @escaping @Sendable (PipelineEvent) -> Void,
        rendered: (RenderResult) -> Void
    ) async throws -> RenderResult {
        try requireLanguages(languages.count)
        var manifests: [TimingManifest] = []
        for version in versions { manifests.append(try await pipeline.plan(version.config)) }
        var aligned = pipeline
        aligned.audio.planner.sceneFrameFloors = try floors(manifests, languages: languages)
        var results: [RenderResult] = []
        for version in versions {
            let result = try await aligned.render(version.config, to: version.folder, restart: restart, events: events)
            rendered(result)
            results.append(result)
        }
        try checkAligned(results.map(\.manifest), languages: languages)
        let videoID = versions[0].config.videoID
        let target = output.appendingPathComponent(folder, isDirectory: true)
            .appendingPathComponent(videoID, isDirectory: true)
        try AtomicFile.makeDirectory(target)
        let video = target.appendingPathComponent("video.mp4")
        try MultitrackWriter.write(
            zip(languages, results).map { language, result in
                MultitrackWriter.Version(
                    language: language.profile.iso6392, video: result.videoURL,
                    captions: result.directory.appendingPathComponent("captions.srt"))
            }, to: video)
        var result = results[0]
        (result.directory, result.videoURL) = (target, video)
        return result
    }

    /// - Throws: `VideoError` naming `--multitrack` unless there are two languages or more.
    static func requireLanguages(_ count: Int?) throws {
        guard let count, count >= 2 else {
            throw VideoError(
                .invalidInput, "needs --languages with two languages or more, such as --languages en,es",
                field: "--multitrack")
        }
    }

    /// The longest frames of each scene across the versions' plans.
    /// - Throws: `VideoError` naming `--multitrack` when the versions have different scenes (a
    ///   scene continued over more screens in one language than in another).
    static func floors(_ manifests: [TimingManifest], languages: [Language]) throws -> [String: Int] {
        let scenes = manifests.map { $0.scenes.map(\.sceneID) }
        if let k = scenes.firstIndex(where: { $0 != scenes[0] }) {
            throw VideoError(
                .invalidInput,
                "the \(languages[k].tag) version has scenes \(scenes[k].joined(separator: ", ")), the \(languages[0].tag) "
                    + "version \(scenes[0].joined(separator: ", ")): shorten the text that continues over more screens",
                field: "--multitrack")
        }
        var floors: [String: Int] = [:]
        for manifest in manifests {
            for scene in manifest.scenes { floors[scene.sceneID] = max(floors[scene.sceneID] ?? 0, scene.frameCount) }
        }
        return floors
    }

    /// - Throws: `VideoError` naming `--multitrack` and the first scene whose frames differ
    ///   between the rendered versions.
    static func checkAligned(_ manifests: [TimingManifest], languages: [Language]) throws {
        let ranges = manifests.map { $0.scenes.map { ($0.sceneID, $0.startFrame, $0.frameCount) } }
        for (k, other) in ranges.enumerated().dropFirst() {
            guard other.count == ranges[0].count else {
                throw VideoError(
                    .invalidInput, "the \(languages[k].tag) version was rendered with another number of scenes",
                    field: "--multitrack")
            }
            for (a, b) in zip(ranges[0], other) where a != b {
                throw VideoError(
                    .invalidInput,
                    "scene \(a.0) has frames \(a.1)..<\(a.1 + a.2) in the \(languages[0].tag) version but "
                        + "\(b.1)..<\(b.1 + b.2) in the \(languages[k].tag) version", field: "--multitrack")
            }
        }
    }
}
