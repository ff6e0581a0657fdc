import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoRender

/// Document videos with held pictures written as skip frames (Docs/SkipFrames.md), rendered
/// through the whole pipeline and judged by decoding: with libavcodec and the ffmpeg CLI, and
/// against the same video rendered with every frame encoded.
@Suite struct SkipFrameVideoTests {
    static let document = """
        # Skip frames

        A title that holds still while it is said.

        ## Steps

        - Draw each picture once
        - Encode it once
        - Copy it for free

        > Nothing changes, nothing is sent.
        """

    private static let resolution = Resolution(width: 320, height: 180)

    /// Renders the document with or without skip frames into a new folder.
    private func render(skips: Bool, crf: Int, in temporary: TemporaryDirectory) async throws -> RenderResult {
        let config = try DocumentAdapter(
            text: Self.document, name: "skips.md", settings: VideoSettings(resolution: Self.resolution, fps: 24)
        ).makeVideoConfig()
        let options = RenderOptions(preset: "ultrafast", crf: crf, transitionDuration: 0.25)
        var video = VideoStage(options: options)
        video.skipRepeats = skips
        let pipeline = VideoPipeline(audio: AudioStage(synthesizer: ToneSynthesizer()), video: video)
        return try await pipeline.render(config, to: temporary.uniquePath())
    }

    @Test func losslessVideoWithSkipsShowsTheSamePicturesAsOneWithout() async throws {
        // At CRF 0 x264 is lossless: both renders must decode to exactly the pictures drawn.
        let temporary = try TemporaryDirectory(prefix: "vgen-skip-video")
        let skipped = try await render(skips: true, crf: 0, in: temporary)
        let encoded = try await render(skips: false, crf: 0, in: temporary)
        let ours = try MediaProbe.videoFrameHashes(skipped.videoURL)
        #expect(ours.count == skipped.manifest.totalFrames)
        #expect(try MediaProbe.videoFrameHashes(encoded.videoURL) == ours)
        let judged = try await FFmpegJudge.frameHashes(
            skipped.videoURL, width: Self.resolution.width, height: Self.resolution.height)
        #expect(judged == ours)
        let size = { (url: URL) in try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0 }
        #expect(try size(skipped.videoURL) < size(encoded.videoURL))
    }

    @Test func videoWithSkipsIsFrameExactConstantRateAndDeterministic() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-skip-video")
        let first = try await render(skips: true, crf: 23, in: temporary)
        let second = try await render(skips: true, crf: 23, in: temporary)
        #expect(try Data(contentsOf: first.videoURL) == Data(contentsOf: second.videoURL))
        let manifest = first.manifest
        let ours = try MediaProbe.videoFrameHashes(first.videoURL)
        #expect(ours.count == manifest.totalFrames)
        let judged = try await FFmpegJudge.frameHashes(
            first.videoURL, width: Self.resolution.width, height: Self.resolution.height)
        #expect(judged == ours)
        let (packets, _) = try await FFmpegJudge.packets(first.videoURL)
        #expect(packets.count == manifest.totalFrames)
        let step = try #require(packets.first?.duration)
        let steady = packets.indices.allSatisfy { (index: Int) -> Bool in
            let packet = packets[index]
            return packet.pts == index * step && packet.dts == packet.pts && packet.duration == step
        }
        #expect(steady, "pts = dts = frame number, one frame each")
        // Most frames are skips: far fewer key frames and distinct pictures than frames.
        #expect(Set(ours).count * 4 < ours.count)
        let info = try MediaProbe.inspect(first.videoURL)
        #expect(abs(info.videoDuration - manifest.totalDuration) < 1e-6)
    }
}
