import Foundation
import Testing
import VideoCore

@Suite struct AudioDecoderTests {
    private func temporaryFile(_ name: String, _ data: Data) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vgen-audio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    /// 16-bit PCM WAV bytes; `channels` interleaved copies with per-channel gains.
    private func wav(_ samples: [Float], sampleRate: Int, gains: [Float] = [1], declaredCount: Int? = nil) -> Data {
        var data = Data()
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        let channels = gains.count, bytes = (declaredCount ?? samples.count) * 2 * channels
        data.append(contentsOf: Array("RIFF".utf8)); put(UInt32(36 + bytes))
        data.append(contentsOf: Array("WAVEfmt ".utf8)); put(UInt32(16)); put(UInt16(1)); put(UInt16(channels))
        put(UInt32(sampleRate)); put(UInt32(sampleRate * 2 * channels)); put(UInt16(2 * channels)); put(UInt16(16))
        data.append(contentsOf: Array("data".utf8)); put(UInt32(bytes))
        for s in samples { for g in gains { put(Int16((max(-1, min(1, s * g)) * 32_767).rounded())) } }
        return data
    }

    private func sine(count: Int, rate: Int, hz: Double = 440) -> [Float] {
        (0..<count).map { Float(0.5 * sin(2 * Double.pi * hz * Double($0) / Double(rate))) }
    }

    @Test func decodesAWAVAtItsNativeRate() throws {
        let samples = sine(count: 44_100, rate: 44_100)
        let url = try temporaryFile("tone.wav", wav(samples, sampleRate: 44_100))
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
        let decoder = try AudioDecoder(url: try temporaryFile("tone.wav", wav(samples, sampleRate: 22_050)))
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
        let url = try temporaryFile("stereo.wav", wav(samples, sampleRate: 24_000, gains: [1, -0.25]))
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

        let mono = try temporaryFile("mono.wav", wav(samples, sampleRate: 24_000))
        let upmixed = try AudioDecoder(url: mono, channels: 2)
        #expect(upmixed.sourceChannels == 1)
        let both = try #require(try upmixed.read(maxSamples: 1_000))
        #expect(both.count == 2_000)
        #expect(stride(from: 0, to: both.count, by: 2).allSatisfy { both[$0] == both[$0 + 1] })
        #expect(throws: VideoError.self) { try AudioDecoder(url: mono, channels: 6) }
    }

    @Test func mixesStereoToMonoAndResamples() throws {
        let samples = sine(count: 48_000, rate: 48_000, hz: 200)
        let url = try temporaryFile("stereo.wav", wav(samples, sampleRate: 48_000, gains: [1, 1]))
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
        let url = try temporaryFile("noise.mp3", noise)
        let error = #expect(throws: VideoError.self) { _ = try AudioDecoder.decodeAll(url: url) }
        #expect(error?.code == .media)
        #expect(error?.message.contains("noise.mp3") == true)
    }

    @Test func truncatedFilesAreClearErrors() throws {
        let full = wav(sine(count: 44_100, rate: 22_050), sampleRate: 22_050)
        // Cut inside the header.
        let header = try temporaryFile("cut.wav", full.prefix(20))
        let headerError = #expect(throws: VideoError.self) { _ = try AudioDecoder.decodeAll(url: header) }
        #expect(headerError?.code == .media)
        // Cut halfway through the samples: the header promises 2 s, the file holds 1 s.
        let half = try temporaryFile("half.wav", full.prefix(44 + 22_050 * 2))
        let halfError = #expect(throws: VideoError.self) { _ = try AudioDecoder.decodeAll(url: half) }
        #expect(halfError?.message.contains("truncated") == true)
    }

    @Test func fileWithoutAudioIsAClearError() throws {
        // A 1×1 PNG: libavformat opens it as a one-frame video with no audio stream.
        let png = Data(
            base64Encoded:
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")!
        let url = try temporaryFile("picture.png", png)
        let error = #expect(throws: VideoError.self) { try AudioDecoder(url: url) }
        #expect(error?.message == "no audio stream in picture.png")
        // Plain text is not media at all.
        let text = try temporaryFile("notes.txt", Data("just some words, not audio\n".utf8))
        let textError = #expect(throws: VideoError.self) { try AudioDecoder(url: text) }
        #expect(textError?.code == .media)
    }
}
