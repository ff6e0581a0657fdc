import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// Tests for `MediaProbe`: frame signatures, decoded audio and the errors for bad files.
@Suite struct MediaProbeTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-probe") }

    @Test func signaturesFindTheCutAndRepeats() throws {
        let url = temporary.uniquePath(extension: "mp4")
        try MediaTestClip.writeReferenceClip(to: url)
        let signatures = try MediaProbe.videoFrameSignatures(url)
        try #require(signatures.count == 60)
        #expect(signatures[0].pixels.count == 32 * 18)
        let changes = signatures.indices.dropFirst().filter {
            signatures[$0].meanAbsoluteDifference(to: signatures[$0 - 1]) > 10
        }
        #expect(changes == [30])
        // The repeated red frame decodes to the same picture every time.
        #expect(Set(signatures[0..<30].map(\.hash)).count == 1)
        #expect(signatures[0].hash != signatures[30].hash)
        // Red (Y ≈ 63 after BT.709) is darker than the gradient's average.
        #expect(signatures[0].mean > 40 && signatures[0].mean < 90)
        #expect(signatures[0].meanAbsoluteDifference(to: signatures[0]) == 0)
    }

    @Test func decodedAudioIsTheTone() throws {
        let url = temporary.uniquePath(extension: "mp4")
        try MediaTestClip.writeReferenceClip(to: url)
        let (samples, sampleRate) = try MediaProbe.decodeAudio(url)
        #expect(sampleRate == 22050)
        #expect(abs(samples.count - 44100) <= 1024)
        let rms = (samples.reduce(0) { $0 + Double($1 * $1) } / Double(samples.count)).squareRoot()
        #expect(abs(rms - 0.5 / 2.0.squareRoot()) < 0.05)
        // A sine crosses zero twice per cycle; ignore the first and last 0.1 s.
        let middle = samples[2205..<(samples.count - 2205)]
        var crossings = 0
        var previous = middle.first!
        for sample in middle.dropFirst() {
            if (previous < 0) != (sample < 0) { crossings += 1 }
            previous = sample
        }
        let frequency = Double(crossings) / 2 / (Double(middle.count) / Double(sampleRate))
        #expect(abs(frequency - 440) < 5)
    }

    @Test func missingFileIsAMediaError() {
        let url = temporary.uniquePath(extension: "mp4")
        let error = #expect(throws: VideoError.self) { try MediaProbe.inspect(url) }
        #expect(error?.code == .media)
        #expect(error?.message.contains("does not exist") == true)
        #expect(throws: VideoError.self) { try MediaProbe.videoFrameSignatures(url) }
        #expect(throws: VideoError.self) { try MediaProbe.decodeAudio(url) }
    }

    @Test func textFileIsAMediaError() throws {
        let url = temporary.uniquePath(extension: "mp4")
        try Data("# Not a video\n\nJust some Markdown text pretending to be an MP4.\n".utf8).write(to: url)
        let error = #expect(throws: VideoError.self) { try MediaProbe.inspect(url) }
        #expect(error?.code == .media)
        #expect(error?.message.contains(url.lastPathComponent) == true)
        #expect(throws: VideoError.self) { try MediaProbe.videoFrameSignatures(url) }
    }

    @Test func audioOnlyFileHasNoVideo() throws {
        let url = temporary.uniquePath(extension: "wav")
        try wavData(samples: MediaTestClip.tone(seconds: 0.5), sampleRate: 22050).write(to: url)
        let info = try MediaProbe.inspect(url)
        #expect(info.videoCodec == nil)
        #expect(info.audioCodec == "pcm_s16le")
        #expect(info.videoFrameCount == 0)
        #expect(abs(info.audioDuration - 0.5) < 1e-3)
        let error = #expect(throws: VideoError.self) { try MediaProbe.videoFrameSignatures(url) }
        #expect(error?.code == .media)
        #expect(error?.message.contains("no video stream") == true)
    }
}
