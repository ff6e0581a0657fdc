import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// Segments joined by stream copy: exact frame counts, cuts where the segments meet, one
/// continuous soundtrack.
@Suite struct SegmentJoinerTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-join") }

    typealias W = MediaTestClip

    private func segment(red: UInt8, frames: Int, bFrames: Int? = 0) throws -> URL {
        let url = temporary.uniquePath(extension: "mp4")
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
        let out = temporary.uniquePath(extension: "mp4")
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

    /// A soundtrack encoded ahead (while the segments render) and copied under them plays
    /// exactly like one encoded during the join: same samples, same place, same length.
    @Test func copiedSoundtrackMatchesOneEncodedInTheJoin() throws {
        let segments = try [(200 as UInt8, 20), (20, 25)].map { try segment(red: $0.0, frames: $0.1) }
        let seconds = 45.0 / Double(W.fps)
        var sound = W.tone(seconds: seconds)
        for i in 0..<(sound.count / 3) { sound[i] = 0 }  // an onset a third of the way in
        let track = temporary.uniquePath(extension: "m4a")
        let (encoded, copied) = (temporary.uniquePath(extension: "mp4"), temporary.uniquePath(extension: "mp4"))

        let writer = try AudioFileWriter(url: track, sampleRate: W.sampleRate)
        try writer.write(Array(sound[..<1000]))
        try writer.write(Array(sound[1000...]))
        try writer.finish()
        let copying = try SegmentJoiner(url: copied, template: segments[0], fps: W.fps, audio: track)
        for url in segments { try copying.append(url) }
        #expect(throws: VideoError.self) { try copying.writeAudio([0]) }
        try copying.finish()

        let encoding = try SegmentJoiner(url: encoded, template: segments[0], fps: W.fps, sampleRate: W.sampleRate)
        for url in segments { try encoding.append(url) }
        try encoding.writeAudio(sound)
        try encoding.finish()

        let a = try AudioDecoder.decodeAll(url: copied), b = try AudioDecoder.decodeAll(url: encoded)
        // Decoders keep the last frame's padding (under 1024 samples); the timing hides it.
        #expect(a.count >= sound.count && a.count < sound.count + 1024, "decoded \(a.count) of \(sound.count)")
        #expect(a == b)
        let onset = a.firstIndex { abs($0) > 0.05 } ?? -1
        #expect(abs(onset - sound.count / 3) < 64, "onset at \(onset), expected \(sound.count / 3)")
        let info = try MediaProbe.inspect(copied), reference = try MediaProbe.inspect(encoded)
        #expect(info.videoFrameCount == 45 && info.audioDuration == reference.audioDuration)
        #expect(abs(info.audioDuration - info.videoDuration) < 1.0 / Double(W.fps))
    }

    @Test func refusesSegmentsWithBFramesOrOtherSettings() throws {
        let plain = try segment(red: 10, frames: 10)
        let withB = try segment(red: 200, frames: 30, bFrames: 3)
        let out = temporary.uniquePath(extension: "mp4")
        let joiner = try SegmentJoiner(url: out, template: plain, fps: W.fps, sampleRate: W.sampleRate)
        try joiner.append(plain)
        #expect(throws: VideoError.self) { try joiner.append(withB) }
    }
}
