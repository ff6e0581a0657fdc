import Foundation
import Testing
import VideoCore

/// Segments joined by stream copy: exact frame counts, cuts where the segments meet, one
/// continuous soundtrack.
@Suite struct SegmentJoinerTests {
    typealias W = MediaTestClip

    private func segment(red: UInt8, frames: Int, bFrames: Int? = 0) throws -> URL {
        let url = W.temporaryURL()
        let writer = try MP4Writer(
            url: url, width: W.width, height: W.height, fps: W.fps, sampleRate: nil, preset: "ultrafast",
            bFrames: bFrames)
        let converter = try FrameConverter(width: W.width, height: W.height)
        try writer.writeVideo(try W.convert(converter, W.solid(red: red, green: 40, blue: 90)), count: frames)
        try writer.finish()
        return url
    }

    @Test func joinsSegmentsWithoutReencoding() throws {
        let parts = [(200 as UInt8, 13), (20, 30), (120, 7)]
        let segments = try parts.map { try segment(red: $0.0, frames: $0.1) }
        defer { segments.forEach { try? FileManager.default.removeItem(at: $0) } }
        let out = W.temporaryURL()
        defer { try? FileManager.default.removeItem(at: out) }
        let joiner = try SegmentJoiner(url: out, template: segments[0], fps: W.fps, sampleRate: W.sampleRate)
        for url in segments { try joiner.append(url) }
        let total = parts.map(\.1).reduce(0, +)
        try joiner.writeAudio(W.tone(seconds: Double(total) / Double(W.fps)))
        try joiner.finish()

        let info = try MediaProbe.inspect(out)
        #expect(info.videoCodec == "h264" && info.audioCodec == "aac")
        #expect(info.videoFrameCount == total)
        #expect(abs(info.videoDuration - Double(total) / Double(W.fps)) < 1e-6)
        #expect(abs(info.audioDuration - info.videoDuration) < 1.0 / Double(W.fps))
        let frames = try MediaProbe.videoFrameSignatures(out)
        let cuts = zip(frames, frames.dropFirst()).enumerated().filter {
            $0.element.0.meanAbsoluteDifference(to: $0.element.1) > 3
        }
        #expect(cuts.map { $0.offset + 1 } == [13, 43])
        // The copied packets decode to the same pictures as the segment on its own.
        let alone = try MediaProbe.videoFrameSignatures(segments[1])
        #expect(frames[13].hash == alone[0].hash && frames[42].hash == alone[29].hash)
    }

    @Test func refusesSegmentsWithBFramesOrOtherSettings() throws {
        let plain = try segment(red: 10, frames: 10)
        let withB = try segment(red: 200, frames: 30, bFrames: 3)
        defer { [plain, withB].forEach { try? FileManager.default.removeItem(at: $0) } }
        let out = W.temporaryURL()
        defer { try? FileManager.default.removeItem(at: out) }
        let joiner = try SegmentJoiner(url: out, template: plain, fps: W.fps, sampleRate: W.sampleRate)
        try joiner.append(plain)
        #expect(throws: VideoError.self) { try joiner.append(withB) }
    }
}
