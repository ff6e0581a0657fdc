import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI
@testable import VideoRender

/// `--speed-ramp` end to end: a clip whose one sharp motion peak (a white square appearing at a
/// known frame) would fall between beats at 1× is played faster or slower so that, in the
/// decoded video, the square appears on a beat frame.
@Suite struct SpeedRampEndToEndTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-ramp") }

    /// A 6 s montage at 30 fps over a 120 BPM beat track, of the peak clip alone, hard cuts.
    private func montage(speedRamp: Bool, name: String) async throws -> (MontageResult, beats: [Double]) {
        let media = try temporary.folder("media-\(name)")
        // The square appears 20 frames in: 5 frames after the beat 15 frames into a shot.
        try MontageFixtures.writePeakClip(to: media.appendingPathComponent("peak.mp4"), peakFrame: 20)
        let song = temporary.file("beats-\(name).wav")
        let beats = try MontageFixtures.writeBeatTrack(to: song, bpm: 120, seconds: 6)
        var settings = EditPlanner.Settings(
            videoID: "ramp", musicPath: "", shortSide: 180, fps: 30, style: MontageStyle.named("natural")!,
            transition: .cut)
        settings.speedRamp = speedRamp
        let pipeline = MontagePipeline(render: MontageRenderStage(preset: "ultrafast"))
        let result = try await pipeline.render(
            media: [media], music: song, order: .name, settings: settings, to: temporary.folder("out-\(name)"))
        return (result, beats)
    }

    @Test func thePeakLandsOnABeatInTheDecodedVideo() async throws {
        let (result, beats) = try await montage(speedRamp: true, name: "on")
        let beatFrames = beats.map { Int(($0 * 30).rounded()) }
        let ramped = result.timeline.segments.filter { $0.speed != nil }
        try #require(!ramped.isEmpty, "no shot was ramped: \(result.timeline.segments)")
        let signatures = try MediaProbe.videoFrameSignatures(result.videoURL, width: 32, height: 18)
        #expect(signatures.count == result.timeline.durationFrames)
        for segment in ramped {
            let speed = try #require(segment.speed)
            #expect((0.5...2).contains(speed))
            #expect(speed != 1)
            // Inside the shot (its cut frame excluded), the picture changes once: where the square appears.
            let changes = ((segment.startFrame + 1)..<segment.endFrame).filter {
                signatures[$0].meanAbsoluteDifference(to: signatures[$0 - 1]) > 18
            }
            #expect(changes.count == 1, "shot \(segment.startFrame)..<\(segment.endFrame): changes at \(changes)")
            for frame in changes {
                #expect(
                    beatFrames.contains { abs($0 - frame) <= 1 },
                    "square at frame \(frame), beats at \(beatFrames), speed \(speed)")
            }
        }
        // The recorded speeds and source ranges are what timeline.json holds, so a re-render is identical.
        let saved = try JSONDecoder().decode(
            MontageTimeline.self, from: Data(contentsOf: result.directory.appendingPathComponent("timeline.json")))
        #expect(saved.segments.map(\.speed) == result.timeline.segments.map(\.speed))
        #expect(saved.segments.map(\.inPoint) == result.timeline.segments.map(\.inPoint))
        // Rendering that timeline.json again (`vgen montage --timeline`) gives the same pictures.
        let again = try await MontagePipeline(render: MontageRenderStage(preset: "ultrafast")).render(
            timeline: saved, to: temporary.folder("again"))
        #expect(try MediaProbe.videoFrameSignatures(again.videoURL, width: 32, height: 18) == signatures)
    }

    @Test func withoutTheFlagTheTimelineHasNoSpeed() async throws {
        let (plain, _) = try await montage(speedRamp: false, name: "off")
        let bytes = try Data(contentsOf: plain.directory.appendingPathComponent("timeline.json"))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("speed"))
        #expect(plain.timeline.segments.allSatisfy { $0.speed == nil })
        let state = try Data(contentsOf: plain.directory.appendingPathComponent("state.json"))
        #expect(!String(decoding: state, as: UTF8.self).contains("speed_ramp"))
    }

    @Test func aRampedClipsOwnSoundIsMuted() throws {
        let clip = temporary.file("tone.mp4")
        try MontageFixtures.writePeakClip(to: clip, peakFrame: 20)  // with a 330 Hz tone
        let silence = temporary.file("silence.wav")
        try TestWAV.data([Float](repeating: 0, count: 2 * 22_050), sampleRate: 22_050).write(to: silence)
        func loudest(speed: Double?) throws -> Float {
            var segment = MontageTimeline.Segment(
                media: clip.path, kind: .clip, startFrame: 0, endFrame: 30, fps: 30, outPoint: 1)
            segment.speed = speed
            let timeline = MontageTimeline(
                videoID: "mute", width: 320, height: 180, fps: 30, aspect: "16:9", fit: .fill, style: "natural",
                durationFrames: 30, music: .init(path: silence.path), clipAudioVolume: 1, segments: [segment])
            return try MontageSoundtrack(timeline).samples(for: segment).map(abs).max() ?? 0
        }
        #expect(try loudest(speed: nil) > 0.1)  // at 1× the clip's tone is heard over the silent song
        #expect(try loudest(speed: 1.5) == 0)
    }
}
