import Foundation
import Testing
import VideoCore
import VideoTestSupport

@Suite struct AudioDecoderTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-audio") }

    private func sine(count: Int, rate: Int, hz: Double = 440) -> [Float] {
        (0..<count).map { Float(0.5 * sin(2 * Double.pi * hz * Double($0) / Double(rate))) }
    }

    @Test func decodesAWAVAtItsNativeRate() throws {
        let samples = sine(count: 44_100, rate: 44_100)
        let url = try temporary.write(TestWAV.data(samples, sampleRate: 44_100), to: "tone.wav")
        let decoder = try AudioDecoder(url: url)
        #expect(decoder.sampleRate == 44_100)
        #expect(abs((decoder.duration ?? 0) - 1) < 0.01)
        let decoded = try AudioDecoder.decodeAll(url: url)
        #expect(decoded.count == samples.count)
        let worst = zip(decoded, samples).map { abs($0 - $1) }.max() ?? 1
        #expect(worst < 1e-3)
    }

    @Test func streamsChunksNoLargerThanAsked() throws {
        let samples = sine(count: 30_000, rate: 22_050)
        let decoder = try AudioDecoder(
            url: try temporary.write(TestWAV.data(samples, sampleRate: 22_050), to: "tone.wav"))
        var total = 0, chunks = 0
        while let chunk = try decoder.read(maxSamples: 4_000) {
            #expect(chunk.count <= 4_000 && !chunk.isEmpty)
            total += chunk.count
            chunks += 1
        }
        #expect(total == 30_000)
        #expect(chunks == 8)
        #expect(try decoder.read(maxSamples: 10) == nil)
    }

    @Test func keepsStereoInterleavedAndUpmixesMono() throws {
        let samples = sine(count: 24_000, rate: 24_000, hz: 300)
        let url = try temporary.write(TestWAV.data(samples, sampleRate: 24_000, gains: [1, -0.25]), to: "stereo.wav")
        let decoder = try AudioDecoder(url: url, sampleRate: 48_000, channels: 2)
        #expect(decoder.sourceChannels == 2 && decoder.channels == 2)
        var frames: [Float] = []
        while let chunk = try decoder.read(maxSamples: 5_000) {
            #expect(chunk.count <= 10_000 && chunk.count % 2 == 0)
            frames += chunk
        }
        #expect(abs(frames.count / 2 - 48_000) <= 64)
        // Left, right, left, …: the right channel is the left at -1/4 once the resampler settles.
        let pairs = stride(from: 400, to: frames.count - 400, by: 2).map { (frames[$0], frames[$0 + 1]) }
        let worst = pairs.map { abs($0.1 + 0.25 * $0.0) }.max() ?? 1
        #expect(worst < 2e-3 && (pairs.map { abs($0.0) }.max() ?? 0) > 0.4)

        let mono = try temporary.write(TestWAV.data(samples, sampleRate: 24_000), to: "mono.wav")
        let upmixed = try AudioDecoder(url: mono, channels: 2)
        #expect(upmixed.sourceChannels == 1)
        let both = try #require(try upmixed.read(maxSamples: 1_000))
        #expect(both.count == 2_000)
        #expect(stride(from: 0, to: both.count, by: 2).allSatisfy { both[$0] == both[$0 + 1] })
        #expect(throws: VideoError.self) { try AudioDecoder(url: mono, channels: 6) }
    }

    @Test func mixesStereoToMonoAndResamples() throws {
        let samples = sine(count: 48_000, rate: 48_000, hz: 200)
        let url = try temporary.write(TestWAV.data(samples, sampleRate: 48_000, gains: [1, 1]), to: "stereo.wav")
        let decoded = try AudioDecoder.decodeAll(url: url, sampleRate: 16_000)
        #expect(abs(decoded.count - 16_000) <= 32)
        // A 200 Hz tone survives: its peak stays near the input's 0.5 (times the downmix gain).
        let peak = decoded.dropFirst(100).dropLast(100).map(abs).max() ?? 0
        #expect(peak > 0.3 && peak < 1.01)
    }

    @Test func missingFileIsAClearError() {
        let url = URL(fileURLWithPath: "/nonexistent/vgen/song.mp3")
        let error = #expect(throws: VideoError.self) { try AudioDecoder(url: url) }
        #expect(error?.code == .media)
        #expect(error?.message.contains("song.mp3") == true)
    }

    @Test func corruptFileIsAClearError() throws {
        var rng = SystemRandomNumberGenerator()
        let noise = Data((0..<5_000).map { _ in UInt8.random(in: 0...255, using: &rng) })
        let url = try temporary.write(noise, to: "noise.mp3")
        let error = #expect(throws: VideoError.self) { _ = try AudioDecoder.decodeAll(url: url) }
        #expect(error?.code == .media)
        #expect(error?.message.contains("noise.mp3") == true)
    }

    @Test func truncatedFilesAreClearErrors() throws {
        let full = TestWAV.data(sine(count: 44_100, rate: 22_050), sampleRate: 22_050)
        // Cut inside the header.
        let header = try temporary.write(full.prefix(20), to: "cut.wav")
        let headerError = #expect(throws: VideoError.self) { _ = try AudioDecoder.decodeAll(url: header) }
        #expect(headerError?.code == .media)
        // Cut halfway through the samples: the header promises 2 s, the file holds 1 s.
        let half = try temporary.write(full.prefix(44 + 22_050 * 2), to: "half.wav")
        let halfError = #expect(throws: VideoError.self) { _ = try AudioDecoder.decodeAll(url: half) }
        #expect(halfError?.message.contains("truncated") == true)
    }

    /// A fuzzer's finding: a 16 KB WAV claiming 1 Hz upsampled to 16 kHz took over 10 s and
    /// half a gigabyte. Rates outside 1000–768000 Hz are refused before any sample is decoded.
    @Test(arguments: [1, 999, 768_001])
    func implausibleSampleRatesAreRefused(rate: Int) throws {
        var wav = TestWAV.data(sine(count: 8_000, rate: 8_000), sampleRate: 8_000)
        withUnsafeBytes(of: UInt32(rate).littleEndian) { wav.replaceSubrange(24..<28, with: $0) }
        withUnsafeBytes(of: UInt32(rate * 2).littleEndian) { wav.replaceSubrange(28..<32, with: $0) }
        let url = try temporary.write(wav, to: "odd.wav")
        let error = #expect(throws: VideoError.self) { _ = try AudioDecoder.decodeAll(url: url, sampleRate: 16_000) }
        #expect(error?.code == .media)
        #expect(error?.message == "odd.wav: a sample rate of \(rate) Hz is outside 1000–768000 Hz")
        // The lowest plausible rate decodes, sixteen output samples per input sample.
        withUnsafeBytes(of: UInt32(1_000).littleEndian) { wav.replaceSubrange(24..<28, with: $0) }
        withUnsafeBytes(of: UInt32(2_000).littleEndian) { wav.replaceSubrange(28..<32, with: $0) }
        let decoded = try AudioDecoder.decodeAll(data: wav, name: "low.wav", sampleRate: 16_000)
        #expect(abs(decoded.samples.count - 128_000) < 64)
    }

    @Test func fileWithoutAudioIsAClearError() throws {
        // A 1×1 PNG: libavformat opens it as a one-frame video with no audio stream.
        let png = Data(
            base64Encoded:
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")!
        let url = try temporary.write(png, to: "picture.png")
        let error = #expect(throws: VideoError.self) { try AudioDecoder(url: url) }
        #expect(error?.message == "no audio stream in picture.png")
        // Plain text is not media at all.
        let text = try temporary.write(Data("just some words, not audio\n".utf8), to: "notes.txt")
        let textError = #expect(throws: VideoError.self) { try AudioDecoder(url: text) }
        #expect(textError?.code == .media)
    }
}
