import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// The video stage's `render-profile.json` (Docs/RenderProfile.md) on a small real render:
/// written, well-formed, its frame counts matching the decoded video, and without effect on
/// the video's bytes.
@Suite struct RenderProfileTests {
    static let resolution = Resolution(width: 640, height: 360)

    /// A title, a list whose items light up on their words, and a quote: still chunks, a body
    /// with reveals and transitions between them.
    func config() throws -> VideoConfig {
        try VideoConfig(
            videoID: "profile", title: "Profile", resolution: Self.resolution, fps: 24,
            scenes: [
                try SceneConfig(sceneID: "title", content: .title(TitleContent(title: "Where the time goes"))),
                try SceneConfig(
                    sceneID: "list",
                    content: .list(
                        ListContent(heading: "Pieces", items: ["Draw the picture", "Convert it", "Encode it"]))),
                try SceneConfig(
                    sceneID: "quote", content: .quote(QuoteContent(text: "Measure, then cut.", attribution: nil))),
            ])
    }

    func render(profiles: Bool, in temporary: TemporaryDirectory) async throws -> RenderResult {
        var video = VideoStage(options: RenderOptions(preset: "ultrafast", transitionDuration: 0.25))
        video.profiles = profiles
        let pipeline = VideoPipeline(audio: AudioStage(synthesizer: ToneSynthesizer()), video: video)
        return try await pipeline.render(try config(), to: temporary.uniquePath())
    }

    @Test func profileIsWrittenWellFormedAndAddsUp() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-profile")
        let result = try await render(profiles: true, in: temporary)
        let profile = try RenderProfile.decode(
            Data(contentsOf: result.directory.appendingPathComponent(RenderProfile.fileName)))
        #expect(profile.format == "vgen-render-profile")
        #expect(profile.wallSeconds > 0 && profile.cpuSeconds > 0)
        let wall = profile.wallSeconds
        // Every span and segment lies inside the stage, start before end.
        for span in profile.spans {
            #expect(0 <= span.start && span.start <= span.end && span.end <= wall, "\(span)")
            #expect(span.cpuSeconds >= 0)
        }
        #expect(Set(profile.spans.map(\.piece)) == [.plan, .audio, .join])
        #expect(!profile.segments.isEmpty)
        for segment in profile.segments {
            #expect(0 <= segment.start && segment.start <= segment.end && segment.end <= wall, "\(segment.file)")
            // The pieces ran inside the segment, on its thread.
            let pieces = segment.pieces.map(\.seconds).reduce(0, +)
            #expect(pieces <= segment.end - segment.start + 1e-6, "\(segment.file)")
            #expect(segment.pieces.map(\.cpuSeconds).reduce(0, +) <= segment.cpuSeconds + 1e-3, "\(segment.file)")
            let frames = segment.frames
            switch segment.kind {
            case "transition":
                #expect(frames.transition > 0 && frames.held == 0 && frames.moving == 0 && frames.skipped == 0)
            case "still":
                #expect(frames.held > 0 && frames.transition == 0 && frames.moving == 0)
            default:
                #expect(segment.kind == "body")
                #expect(frames.transition == 0)
            }
            // A held picture is one encoded frame and skip frames; moving and transition
            // frames are all encoded.
            let heldPictures = segment.pieces.filter { $0.piece == .encode && $0.frames == .held }.map(\.calls)
                .reduce(0, +)
            #expect(frames.held == frames.skipped + heldPictures, "\(segment.file)")
            #expect(frames.encoded == frames.transition + frames.moving + heldPictures, "\(segment.file)")
        }
        #expect(profile.segments.contains { $0.kind == "body" }, "the list reveals its items")

        // The counts add up to the video's frames, and agree with its decoded pictures: every
        // run of at least 8 identical frames is a held picture.
        let manifest = result.manifest
        let frames = profile.frames
        #expect(frames.cached == 0)
        #expect(frames.total == manifest.totalFrames)
        #expect(frames.encoded + frames.skipped == manifest.totalFrames)
        #expect(frames.skipped > frames.encoded, "most frames are held")
        let hashes = try MediaProbe.videoFrameHashes(result.videoURL)
        #expect(hashes.count == manifest.totalFrames)
        var runs: [Int] = []
        for (index, hash) in hashes.enumerated() {
            if index > 0 && hashes[index - 1] == hash { runs[runs.count - 1] += 1 } else { runs.append(1) }
        }
        #expect(frames.held == runs.filter { $0 >= MP4Writer.minimumSkipRun }.reduce(0, +))
        #expect(frames.transition >= 2 * Int((0.25 * Double(manifest.fps)).rounded()), "two transitions at least")

        // The summary's figures are shares and agree with the pieces.
        let summary = profile.summary
        #expect((0...1).contains(summary.overlapShare))
        #expect((0...1).contains(summary.changedShare))
        #expect(abs(summary.classes.map(\.share).reduce(0, +) - 1) < 1e-9)
        #expect(summary.concurrentSeconds + summary.aloneSeconds + summary.idleSeconds <= wall + 1e-6)
        #expect(summary.classes.first { $0.frames == .held }?.frameCount == frames.held)
        #expect(summary.coresBusy > 0 && summary.busyCpuSeconds <= profile.cpuSeconds + 1e-3)
    }

    @Test func profileDoesNotChangeTheVideo() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-profile")
        let with = try await render(profiles: true, in: temporary)
        let without = try await render(profiles: false, in: temporary)
        #expect(
            !FileManager.default.fileExists(
                atPath: without.directory.appendingPathComponent(RenderProfile.fileName).path))
        #expect(try Data(contentsOf: with.videoURL) == Data(contentsOf: without.videoURL))
    }
}
