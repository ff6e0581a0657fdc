import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// Renders a real document through the whole pipeline and judges the MP4 by decoding it.
@Suite struct EndToEndTests {
    static let document = """
        # End to end

        A short document rendered by the test suite.

        ## Install

        ```bash
        swift build
        ```

        ## Why

        - Audio comes first
        - Frames follow the manifest

        > Measure twice, cut once. — A carpenter
        """

    @Test func documentBecomesAVerifiedVideo() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-e2e")
        let out = temporary.uniquePath()
        let settings = VideoSettings(resolution: Resolution(width: 480, height: 270), fps: 24)
        let config = try DocumentAdapter(text: Self.document, name: "e2e.md", settings: settings).makeVideoConfig()
        let options = RenderOptions(preset: "ultrafast", transitionDuration: 0.25)
        let events = EventRecorder()
        let result = try await VideoPipeline(options: options).render(config, to: out, events: events.record)
        let manifest = result.manifest

        // The files.
        for name in [
            "video.mp4", "timing_manifest.json", "metadata.json", "captions.srt", "captions.vtt", "thumbnail.png",
        ] {
            #expect(
                FileManager.default.fileExists(atPath: result.directory.appendingPathComponent(name).path), "\(name)")
        }
        for scene in manifest.scenes {
            #expect(
                FileManager.default.fileExists(atPath: result.directory.appendingPathComponent(scene.audioFile).path))
        }
        #expect(
            !FileManager.default.fileExists(atPath: result.directory.appendingPathComponent(".video.mp4.partial").path))

        let thumbnail = try Data(contentsOf: result.directory.appendingPathComponent("thumbnail.png"))
        // PNG signature, then the IHDR chunk's width and height (big-endian) at bytes 16–23.
        #expect(thumbnail.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(thumbnail[16..<20].reduce(0) { $0 << 8 | UInt32($1) } == 1280)
        #expect(thumbnail[20..<24].reduce(0) { $0 << 8 | UInt32($1) } == 720)

        // Streams, frame count and durations.
        let info = try MediaProbe.inspect(result.videoURL)
        #expect(info.videoCodec == "h264")
        #expect(info.audioCodec == "aac")
        #expect(info.width == 480 && info.height == 270)
        #expect(info.videoFrameCount == manifest.totalFrames)
        #expect(abs(info.videoDuration - manifest.totalDuration) < 1e-6)
        #expect(abs(info.audioDuration - info.videoDuration) <= 1.0 / Double(manifest.fps))

        // The picture changes at every scene boundary (allowing for the crossfade).
        let frames = try MediaProbe.videoFrameSignatures(result.videoURL, width: 96, height: 54)
        #expect(frames.count == manifest.totalFrames)
        let fade = Int((options.transitionDuration * Double(manifest.fps)).rounded())
        for scene in manifest.scenes.dropFirst() {
            let before = frames[scene.startFrame - 1]
            let after = frames[min(scene.startFrame + fade, frames.count - 1)]
            let change = before.meanAbsoluteDifference(to: after)
            // Within a scene after its fade, the picture holds still (up to coding noise), unless
            // its items light up as they are said (see RevealVideoTests).
            let drift = frames[scene.startFrame + fade + 1].meanAbsoluteDifference(to: frames[scene.endFrame - 1])
            #expect(change > 1, "no change at scene \(scene.sceneID)")
            let reveals: Set<SceneType> = [
                .list, .learningObjectives, .checkpoint, .problem, .exercise, .command, .quiz,
            ]
            if !reveals.contains(scene.sceneType) {
                #expect(drift < change / 4, "scene \(scene.sceneID) is not still")
            }
        }

        // Every scene's narration is audible where the manifest puts it.
        let (samples, rate) = try MediaProbe.decodeAudio(result.videoURL)
        for scene in manifest.scenes {
            let start = Int(scene.startTime * Double(rate)), end = min(Int(scene.endTime * Double(rate)), samples.count)
            let window = samples[start..<end]
            let rms = (window.reduce(0) { $0 + Double($1 * $1) } / Double(window.count)).squareRoot()
            #expect(rms > 0.01, "scene \(scene.sceneID) is silent (rms \(rms))")
        }

        // Captions: at most two lines of 42 characters, none crossing a scene boundary.
        #expect(!result.captions.isEmpty)
        for cue in result.captions {
            #expect(cue.lines.count <= 2 && cue.lines.allSatisfy { $0.count <= 42 })
            #expect(manifest.scenes.contains { $0.startTime <= cue.start + 1e-9 && cue.end <= $0.endTime + 1e-9 })
        }

        // Metadata and events.
        #expect(result.metadata.chapters.first?.startTime == 0)
        #expect(abs(result.metadata.duration - manifest.totalDuration) < 1e-9)
        #expect(events.stages == VideoPipeline.stageNames)
        #expect(VideoPipeline.stageNames == ["fit", "script", "budget", "audio", "video", "output"])
    }

    @Test func invalidConfigLeavesNothingBehind() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-e2e")
        let out = temporary.uniquePath()
        var config = try DocumentAdapter(text: Self.document, name: "e2e.md").makeVideoConfig()
        config.fps = 0
        await #expect(throws: VideoError.self) { try await VideoPipeline().render(config, to: out) }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
