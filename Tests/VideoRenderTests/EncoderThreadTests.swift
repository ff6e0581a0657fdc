import Foundation
import Testing
import VideoCore

@testable import VideoRender

/// The montage's encoder thread: frames go through its bounded queue in order, and a failure
/// reaches the renderer without leaving it waiting.
@Suite struct EncoderThreadTests {
    private func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("vgen-encoder-\(UUID().uuidString).mp4")
    }

    private func writer(_ url: URL) throws -> MP4Writer {
        try MP4Writer(url: url, width: 64, height: 64, fps: 10, sampleRate: nil, preset: "ultrafast", threads: 1)
    }

    @Test func encodesEveryQueuedFrameInOrder() throws {
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        let encoder = EncoderThread(writer: try writer(url), capacity: 2)
        for i in 0..<30 { try encoder.writeVideo(try YUVFrame.filled(width: 64, height: 64, y: UInt8(16 + i * 7))) }
        try encoder.finish()
        try encoder.finish()  // a second call returns at once
        let info = try MediaProbe.inspect(url)
        #expect(info.videoFrameCount == 30)
        #expect(abs(info.videoDuration - 3) < 1e-6, "\(info.videoDuration)")
    }

    @Test func aFailureReachesTheRendererAndNeverBlocksIt() throws {
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        let encoder = EncoderThread(writer: try writer(url), capacity: 1)
        let good = try YUVFrame.filled(width: 64, height: 64, y: 100)
        try encoder.writeVideo(try YUVFrame.filled(width: 32, height: 32, y: 100))  // the wrong size
        // With one place in the queue, these would wait for ever if the encoder stopped
        // draining it after failing; they either queue or report the failure.
        var reported: (any Error)?
        for _ in 0..<50 where reported == nil {
            do { try encoder.writeVideo(good) } catch { reported = error }
        }
        let final = #expect(throws: VideoError.self) { try encoder.finish() }
        #expect(
            final?.message.contains("32x32 frame cannot go into a 64x64 video") == true, "\(String(describing: final))")
        if let reported { #expect(reported as? VideoError == final) }
    }
}
