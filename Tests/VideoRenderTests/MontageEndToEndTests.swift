import Foundation
import Testing
import VideoAI
import VideoCore
import VideoRender
import VideoTestSupport

/// End-to-end montage tests: generated photos, clips and beat tracks, judged by decoding the video.
@Suite struct MontageEndToEndTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-montage") }

    private func settings(
        _ id: String, aspect: MontageAspect = .landscape, duration: Double = 6, style: String = "natural",
        fit: MontageTimeline.Fit = .fill, transition: MontageTimeline.Transition? = .cut, clipAudio: Double = 0
    ) -> EditPlanner.Settings {
        EditPlanner.Settings(
            videoID: id, musicPath: "", aspect: aspect, shortSide: 180, fps: 30, style: MontageStyle.named(style)!,
            fit: fit,
            duration: duration, transition: transition, clipAudioVolume: clipAudio)
    }

    private let fastPipeline = MontagePipeline(render: MontageRenderStage(preset: "ultrafast"))

    @Test func cutsLandOnBeatsAndDurationIsExact() async throws {
        let media = try temporary.folder("media")
        _ = try MontageFixtures.writePhotos(count: 6, to: media)
        let broken = try MontageFixtures.writeCorruptImage(to: media)
        let song = media.deletingLastPathComponent().appendingPathComponent("song.wav")
        _ = try MontageFixtures.writeBeatTrack(to: song)
        let out = media.deletingLastPathComponent().appendingPathComponent("out")

        let result = try await fastPipeline.render(
            media: [media], music: song, order: .name, settings: settings("beats"), to: out)

        // The corrupt image was skipped with a warning naming it.
        #expect(result.warnings.contains { $0.contains(broken.lastPathComponent) })
        #expect(!result.timeline.segments.contains { $0.media.hasSuffix("broken.jpg") })
        // Duration, size and files.
        let info = try MediaProbe.inspect(result.videoURL)
        #expect(info.videoFrameCount == 180)
        #expect(info.width == 320 && info.height == 180)
        #expect(abs(info.audioDuration - 6) <= 1.0 / 30)
        #expect(info.audioChannels == 1)  // a mono song makes a mono soundtrack
        // PNG signature, then the IHDR chunk's width and height: small frames keep their size.
        let thumbnail = try Data(contentsOf: result.directory.appendingPathComponent("thumbnail.png"))
        #expect(thumbnail.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(thumbnail[16..<20].reduce(0) { $0 << 8 | UInt32($1) } == 320)
        #expect(thumbnail[20..<24].reduce(0) { $0 << 8 | UInt32($1) } == 180)
        for name in ["video.mp4", "timeline.json", "analysis.json", "thumbnail.png"] {
            #expect(
                FileManager.default.fileExists(atPath: result.directory.appendingPathComponent(name).path),
                "\(name) missing")
        }
        // Every cut found in the decoded video is within one frame of a beat of the analysis, and
        // the cuts are the timeline's.
        let beatFrames = result.profile.beats.map { Int(($0 * 30).rounded()) }
        let cuts = try MontageFixtures.cutFrames(of: result.videoURL)
        #expect(cuts.count >= 2)
        #expect(result.profile.beats.count >= 8)
        for cut in cuts {
            #expect(beatFrames.contains { abs($0 - cut) <= 1 }, "cut at frame \(cut) is not on a beat \(beatFrames)")
        }
        #expect(cuts == result.timeline.cutFrames)
        // analysis.json is the music profile.
        let saved = try JSONDecoder().decode(
            AudioAnalysisProfile.self, from: Data(contentsOf: result.directory.appendingPathComponent("analysis.json")))
        #expect(saved == result.profile)
    }

    @Test func timelineRoundTripRendersTheSameCuts() async throws {
        let media = try temporary.folder("media")
        _ = try MontageFixtures.writePhotos(count: 4, to: media)
        let song = media.deletingLastPathComponent().appendingPathComponent("song.wav")
        _ = try MontageFixtures.writeBeatTrack(to: song, bpm: 100, seconds: 5)
        let out = media.deletingLastPathComponent().appendingPathComponent("out")
        let first = try await fastPipeline.render(
            media: [media], music: song, order: .name, settings: settings("first", duration: 5), to: out)

        var timeline = try JSONDecoder().decode(
            MontageTimeline.self, from: Data(contentsOf: first.directory.appendingPathComponent("timeline.json")))
        #expect(timeline == first.timeline)
        timeline.videoID = "second"
        let second = try await fastPipeline.render(timeline: timeline, to: out)
        #expect(try MontageFixtures.cutFrames(of: second.videoURL) == MontageFixtures.cutFrames(of: first.videoURL))
        #expect(try MediaProbe.inspect(second.videoURL).videoFrameCount == timeline.durationFrames)
    }

    @Test func portraitBlurredFillWithClipsTransitionsAndClipSound() async throws {
        let media = try temporary.folder("media")
        _ = try MontageFixtures.writePhotos(count: 3, to: media)
        try MontageFixtures.writeClip(to: media.appendingPathComponent("clip.mp4"))
        let song = media.deletingLastPathComponent().appendingPathComponent("song.wav")
        _ = try MontageFixtures.writeBeatTrack(to: song, bpm: 120, seconds: 5, rightGain: 0.2)
        let out = media.deletingLastPathComponent().appendingPathComponent("out")
        let result = try await fastPipeline.render(
            media: [media], music: song, order: .name,
            settings: settings(
                "portrait", aspect: .portrait, duration: 4, style: "vivid", fit: .blur, transition: nil, clipAudio: 0.5),
            to: out)
        let info = try MediaProbe.inspect(result.videoURL)
        #expect(info.width == 180 && info.height == 320)
        #expect(info.videoFrameCount == 120)
        #expect(result.timeline.segments.contains { $0.kind == .clip })
        #expect(result.timeline.fit == .blur)
        // The song's stereo is kept: a loud left and a quiet right (the clip's mono tone in both).
        #expect(info.audioChannels == 2)
        let sound = try AudioDecoder(url: result.videoURL, channels: 2)
        var left = 0.0, right = 0.0
        while let chunk = try sound.read(maxSamples: 1 << 14) {
            for i in stride(from: 0, to: chunk.count, by: 2) {
                left += Double(chunk[i] * chunk[i])
                right += Double(chunk[i + 1] * chunk[i + 1])
            }
        }
        #expect(right > 0 && left > 2 * right, "left \(left), right \(right)")
    }

    @Test func squareAspectAndFitBars() async throws {
        let media = try temporary.folder("media")
        _ = try MontageFixtures.writePhotos(count: 2, to: media)
        let song = media.deletingLastPathComponent().appendingPathComponent("song.wav")
        _ = try MontageFixtures.writeBeatTrack(to: song, seconds: 3)
        let out = media.deletingLastPathComponent().appendingPathComponent("out")
        let result = try await fastPipeline.render(
            media: [media], music: song,
            settings: settings("square", aspect: .square, duration: 2, style: "mono", fit: .fit), to: out)
        let info = try MediaProbe.inspect(result.videoURL)
        #expect(info.width == 180 && info.height == 180 && info.videoFrameCount == 60)
        // Fit leaves black bars above and below a 4:3 picture in a square frame.
        let first = try #require(MediaProbe.videoFrameSignatures(result.videoURL, width: 18, height: 18).first)
        #expect(first.pixels[0] < 24)
    }

    @Test func folderWithoutUsableMediaIsAClearError() async throws {
        let media = try temporary.folder("media")
        _ = try MontageFixtures.writeCorruptImage(to: media)
        let song = media.deletingLastPathComponent().appendingPathComponent("song.wav")
        _ = try MontageFixtures.writeBeatTrack(to: song, seconds: 2)
        let out = media.deletingLastPathComponent().appendingPathComponent("out")
        await #expect {
            try await fastPipeline.render(media: [media], music: song, settings: settings("none", duration: 2), to: out)
        } throws: { error in
            guard let error = error as? VideoError else { return false }
            return error.code == .invalidInput && error.message.contains("no usable photos or clips")
        }
        let empty = try temporary.folder("empty")
        await #expect(throws: VideoError.self) {
            try await fastPipeline.render(media: [empty], music: song, settings: settings("none", duration: 2), to: out)
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("none/video.mp4").path))
    }

    /// Thumbnails are at most 720 on the short side, the shape kept (1280×720 for 1080p 16:9).
    @Test func thumbnailSizeFitsVideoSites() {
        #expect(MontageRenderStage.thumbnailSize(width: 1920, height: 1080) == (1280, 720))
        #expect(MontageRenderStage.thumbnailSize(width: 1080, height: 1920) == (720, 1280))
        #expect(MontageRenderStage.thumbnailSize(width: 1080, height: 1080) == (720, 720))
        #expect(MontageRenderStage.thumbnailSize(width: 3840, height: 2160) == (1280, 720))
        #expect(MontageRenderStage.thumbnailSize(width: 320, height: 180) == (320, 180))
    }
}
