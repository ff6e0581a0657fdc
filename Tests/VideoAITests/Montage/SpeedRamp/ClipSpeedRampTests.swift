import Foundation
import Testing
import VideoCore

@testable import VideoAI

/// The speed-ramp's choice on motion curves built by hand: which speed, which in point, and when none.
@Suite struct ClipSpeedRampTests {
    /// A 30 fps, `seconds`-long curve, still but for one jump of 40 luma levels at frame `peak`.
    private func curve(peak: Int?, seconds: Double = 2) -> ClipSpeedRamp.MotionCurve {
        let frames = Int(seconds * 30)
        return .init(
            times: (0..<frames).map { Double($0) / 30 }, energy: (0..<frames).map { $0 == peak ? 40 : 0.2 },
            duration: seconds)
    }

    private func clipSegment(start: Int, end: Int, inPoint: Double = 0) -> MontageTimeline.Segment {
        .init(
            media: "/clips/a.mp4", kind: .clip, startFrame: start, endFrame: end, fps: 30, inPoint: inPoint,
            outPoint: inPoint + Double(end - start) / 30)
    }

    @Test func picksTheBeatWhoseSpeedIsClosestToOne() throws {
        // Peak 20 frames in; beats 15 and 30 frames into the shot: 4/3× or 2/3×; 4/3× is nearer 1×.
        let ramped = try #require(
            ClipSpeedRamp().ramp(
                clipSegment(start: 8, end: 68), curve: curve(peak: 20), beats: [8, 23, 38, 53], fps: 30))
        let speed = try #require(ramped.speed)
        #expect(abs(speed - 4.0 / 3) < 1e-9)
        // The peak shows on the beat frame 23: in + (23 − 8) × speed / fps is the peak's time.
        #expect(abs(ramped.inPoint + 15 * speed / 30 - 20.0 / 30) < 1e-9)
        #expect(ramped.outPoint == 2)  // 2 s of shot at 4/3× runs past the clip: clamped to its end
    }

    @Test func keepsOneTimesWithoutAPeakOrAReachableBeat() {
        let ramp = ClipSpeedRamp()
        #expect(
            ramp.ramp(clipSegment(start: 0, end: 60), curve: curve(peak: nil), beats: [15, 30, 45], fps: 30) == nil)
        // The peak 50 frames in, the only beat 10 frames in: 5× would be needed.
        #expect(ramp.ramp(clipSegment(start: 0, end: 12), curve: curve(peak: 50), beats: [10], fps: 30) == nil)
        // No beat inside the shot.
        #expect(ramp.ramp(clipSegment(start: 0, end: 30), curve: curve(peak: 20), beats: [30, 45], fps: 30) == nil)
    }

    @Test func triesTheClipStartWhenThePeakIsBeforeTheInPoint() throws {
        let segment = clipSegment(start: 0, end: 30, inPoint: 1.2)
        let ramped = try #require(
            ClipSpeedRamp().ramp(segment, curve: curve(peak: 12), beats: [15], fps: 30))
        #expect(ramped.inPoint == 0)
        #expect(abs(try #require(ramped.speed) - 0.8) < 1e-9)
    }

    @Test func timelineRecordsSpeedOnlyWhenRampedAndValidatesIt() throws {
        var timeline = MontageTimeline(
            videoID: "t", width: 320, height: 180, fps: 30, aspect: "16:9", fit: .fill, style: "natural",
            durationFrames: 60, music: .init(path: "/song.wav"), segments: [clipSegment(start: 0, end: 60)])
        let plain = String(decoding: try JSONEncoder().encode(timeline), as: UTF8.self)
        #expect(!plain.contains("speed"))
        timeline.segments[0].speed = 1.25
        try timeline.validate()
        let data = try JSONEncoder().encode(timeline)
        #expect(try JSONDecoder().decode(MontageTimeline.self, from: data) == timeline)
        timeline.segments[0].speed = 3
        #expect {
            try timeline.validate()
        } throws: { error in
            (error as? VideoError)?.field == "segments[0].speed"
        }
    }
}
