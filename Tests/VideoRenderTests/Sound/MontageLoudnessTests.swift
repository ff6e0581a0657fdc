import Foundation
import Testing
import VideoAI
import VideoCore
import VideoRender
import VideoTestSupport

/// A montage's soundtrack (the song) is normalised like a document's mix.
@Suite struct MontageLoudnessTests {
    @Test func theSongIsNormalisedToR128() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-montage-loud")
        let media = try temporary.folder("media")
        _ = try MontageFixtures.writePhotos(count: 4, to: media)
        let song = media.deletingLastPathComponent().appendingPathComponent("song.wav")
        _ = try MontageFixtures.writeBeatTrack(to: song)
        let settings = EditPlanner.Settings(
            videoID: "loud", musicPath: "", aspect: .landscape, shortSide: 180, fps: 30,
            style: MontageStyle.named("natural")!, fit: .fill, duration: 6, transition: .cut, clipAudioVolume: 0)
        let result = try await MontagePipeline(render: MontageRenderStage(preset: "ultrafast")).render(
            media: [media], music: song, order: .name, settings: settings,
            to: media.deletingLastPathComponent().appendingPathComponent("out"))
        let decoded = try AudioDecoder.decodeAll(url: result.videoURL, sampleRate: 48_000)
        let meter = LoudnessMeter(sampleRate: 48_000)
        let ours = meter.integratedLoudness(decoded)
        let judge = try await SoundtrackTests.ffmpegEBUR128(result.videoURL)
        print(
            "montage: ours \(String(format: "%.2f", ours)) LUFS, ffmpeg ebur128 \(judge.integrated) LUFS, peak \(judge.peak)"
        )
        #expect(abs(ours - -14) < 0.5, "\(ours) LUFS")
        #expect(abs(ours - judge.integrated) < 0.5, "ours \(ours), ffmpeg \(judge.integrated)")
        #expect(judge.peak <= -1, "ffmpeg's true peak \(judge.peak) dBTP")
    }
}
