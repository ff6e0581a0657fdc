import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// Tests for `FrameConverter`, `MP4Writer` and `wavData`: write small clips in-process and judge them by decoding.
extension MediaTestClip {
    /// The reference clip: 2 s of 320x240 at 30 fps, a solid red first second drawn once and repeated,
    /// then a gradient converted every frame; a 440 Hz tone, each second's audio written before its frames.
    static func writeReferenceClip(to url: URL) throws {
        let writer = try MP4Writer(url: url, width: width, height: height, fps: fps, sampleRate: sampleRate)
        let converter = try FrameConverter(width: width, height: height)
        let tone = tone(seconds: 2)
        let red = try convert(converter, solid(red: 220, green: 30, blue: 30))
        let gradient = gradient()
        for second in 0..<2 {
            var start = second * sampleRate
            while start < (second + 1) * sampleRate {  // odd chunk sizes on purpose
                let end = min(start + 777, (second + 1) * sampleRate)
                try writer.writeAudio(Array(tone[start..<end]))
                start = end
            }
            if second == 0 {
                try writer.writeVideo(red, count: fps)
            } else {
                for _ in 0..<fps { try writer.writeVideo(try convert(converter, gradient)) }
            }
        }
        #expect(writer.framesWritten == 60)
        #expect(writer.audioSamplesWritten == 44100)
        try writer.finish()
    }
}

@Suite struct MediaWriterTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-media") }

    @Test func converterUsesBT709LimitedRange() throws {
        let converter = try FrameConverter(width: 16, height: 8)
        let red = try MediaTestClip.convert(
            converter, MediaTestClip.solid(red: 255, green: 0, blue: 0, width: 16, height: 8))
        let white = try MediaTestClip.convert(
            converter, MediaTestClip.solid(red: 255, green: 255, blue: 255, width: 16, height: 8))
        let black = try MediaTestClip.convert(
            converter, MediaTestClip.solid(red: 0, green: 0, blue: 0, width: 16, height: 8))
        // BT.709 limited range: red has Y = 16 + 219 × 0.2126 ≈ 63 (BT.601 would give 81) and Cr = 240.
        #expect(red.plane(0).allSatisfy { abs(Int($0) - 63) <= 1 })
        #expect(red.plane(2).allSatisfy { abs(Int($0) - 240) <= 1 })
        #expect(white.plane(0).allSatisfy { abs(Int($0) - 235) <= 1 })
        #expect(black.plane(0).allSatisfy { abs(Int($0) - 16) <= 1 })
        #expect(red.plane(1).count == 8 * 4)
    }

    @Test func writesExactDurations() throws {
        let url = temporary.uniquePath(extension: "mp4")
        try MediaTestClip.writeReferenceClip(to: url)
        let info = try MediaProbe.inspect(url)
        #expect(info.videoCodec == "h264")
        #expect(info.audioCodec == "aac")
        #expect(info.width == 320 && info.height == 240)
        #expect(info.fps == 30)
        #expect(info.videoFrameCount == 60)
        #expect(abs(info.videoDuration - 2.0) < 1e-9)
        #expect(abs(info.audioDuration - 2.0) < 1.0 / 30)
        #expect(abs(info.audioDuration - 2.0) < 1e-6, "a short last AAC frame keeps the audio exact")
        #expect(info.audioSampleRate == 22050)
        #expect(info.audioChannels == 2)
        #expect(info.formatName.contains("mp4"))
    }

    @Test func anyFrameRangeAndMonoAudio() throws {
        let url = temporary.uniquePath(extension: "mp4")
        let writer = try MP4Writer(
            url: url, width: 64, height: 48, fps: 25, sampleRate: 48000, audioChannels: 1, preset: "ultrafast")
        let converter = try FrameConverter(width: 64, height: 48)
        let frame = try MediaTestClip.convert(
            converter, MediaTestClip.solid(red: 10, green: 200, blue: 10, width: 64, height: 48))
        try writer.writeVideo(frame, count: 7)
        try writer.writeAudio(MediaTestClip.tone(seconds: 1000.0 / 48000, sampleRate: 48000))  // less than one AAC frame
        try writer.finish()
        try writer.finish()  // a second call does nothing
        #expect(throws: VideoError.self) { try writer.writeVideo(frame) }
        let info = try MediaProbe.inspect(url)
        #expect(info.videoFrameCount == 7)
        #expect(abs(info.videoDuration - 7.0 / 25) < 1e-9)
        #expect(info.audioChannels == 1)
        #expect(abs(info.audioDuration - 1000.0 / 48000) < 1e-6)
    }

    @Test func audioWrittenLongBeforeVideo() throws {
        // More audio up front than the muxer's 10 s interleaving window, then all the frames.
        let url = temporary.uniquePath(extension: "mp4")
        let writer = try MP4Writer(url: url, width: 64, height: 48, fps: 10, sampleRate: 22050, preset: "ultrafast")
        try writer.writeAudio(MediaTestClip.tone(seconds: 12))
        let converter = try FrameConverter(width: 64, height: 48)
        let pixels = MediaTestClip.gradient(width: 64, height: 48)
        try writer.writeVideo(try MediaTestClip.convert(converter, pixels), count: 60)
        try writer.writeVideo(
            try MediaTestClip.convert(
                converter, MediaTestClip.solid(red: 0, green: 0, blue: 255, width: 64, height: 48)), count: 60)
        try writer.finish()
        let info = try MediaProbe.inspect(url)
        #expect(info.videoFrameCount == 120)
        #expect(abs(info.videoDuration - 12) < 1e-9)
        #expect(abs(info.audioDuration - 12) < 1e-6)
    }

    @Test func repeatedFrameEqualsReconvertedFrames() throws {
        let once = temporary.uniquePath(extension: "mp4")
        let each = temporary.uniquePath(extension: "mp4")
        let pixels = MediaTestClip.gradient(width: 96, height: 64)
        let converter = try FrameConverter(width: 96, height: 64)
        for (url, repeated) in [(once, true), (each, false)] {
            let writer = try MP4Writer(url: url, width: 96, height: 64, fps: 10, sampleRate: 22050)
            if repeated {
                try writer.writeVideo(try MediaTestClip.convert(converter, pixels), count: 12)
            } else {
                for _ in 0..<12 { try writer.writeVideo(try MediaTestClip.convert(converter, pixels)) }
            }
            try writer.writeAudio(MediaTestClip.tone(seconds: 1.2))
            try writer.finish()
        }
        let repeatedHashes = try MediaProbe.videoFrameSignatures(once).map(\.hash)
        let reconvertedHashes = try MediaProbe.videoFrameSignatures(each).map(\.hash)
        #expect(repeatedHashes.count == 12)
        #expect(repeatedHashes == reconvertedHashes)
    }

    @Test func unwritablePathThrows() throws {
        let url = URL(fileURLWithPath: "/nonexistent-vgen-dir-\(UUID().uuidString)/out.mp4")
        let error = #expect(throws: VideoError.self) {
            try MP4Writer(url: url, width: 320, height: 240, fps: 30, sampleRate: 22050)
        }
        #expect(error?.code == .io)
        #expect(error?.message.contains("nonexistent-vgen-dir") == true)
    }

    @Test func rejectsBadParametersAndFrames() throws {
        let url = temporary.uniquePath(extension: "mp4")
        let odd = #expect(throws: VideoError.self) {
            try MP4Writer(url: url, width: 321, height: 240, fps: 30, sampleRate: 22050)
        }
        #expect(odd?.code == .invalidInput)
        let preset = #expect(throws: VideoError.self) {
            try MP4Writer(url: url, width: 320, height: 240, fps: 30, sampleRate: 22050, preset: "warp-speed")
        }
        #expect(preset?.code == .invalidInput)
        #expect(preset?.message.contains("veryfast") == true)
        let writer = try MP4Writer(url: url, width: 64, height: 48, fps: 30, sampleRate: 22050)
        let wrongSize = try MediaTestClip.convert(
            try FrameConverter(width: 32, height: 32), MediaTestClip.gradient(width: 32, height: 32))
        #expect(throws: VideoError.self) { try writer.writeVideo(wrongSize) }
        // The writer is dropped without finish(): deinit must free everything without crashing.
    }

    @Test func wavDataRoundTrips() throws {
        let samples: [Float] = [0, 0.5, -0.5, 1, -1, 2, 0.25]
        let data = wavData(samples: samples, sampleRate: 16000)
        #expect(data.count == 44 + 2 * samples.count)
        #expect(String(decoding: data.prefix(4), as: UTF8.self) == "RIFF")
        #expect(data[24] == 0x80 && data[25] == 0x3e)  // 16000, little-endian
        let url = temporary.uniquePath(extension: "wav")
        try data.write(to: url)
        let decoded = try MediaProbe.decodeAudio(url)
        #expect(decoded.sampleRate == 16000)
        #expect(decoded.samples.count == samples.count)
        let expected: [Float] = [0, 0.5, -0.5, 1, -1, 1, 0.25]
        for (got, want) in zip(decoded.samples, expected) { #expect(abs(got - want) < 1.0 / 16000) }
    }
}
