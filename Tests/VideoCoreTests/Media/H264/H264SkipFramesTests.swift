import Foundation
import Testing
import VideoTestSupport

@testable import VideoCore

/// Skip frames (`MP4Writer(skipRepeats:)`, `H264SkipFrames`): held pictures written as one
/// encoded frame and generated all-P_Skip frames, judged by decoding them with libavcodec and,
/// independently, with the ffmpeg CLI.
@Suite struct H264SkipFramesTests {
    private let temporary: TemporaryDirectory
    private static let (width, height, fps) = (320, 180, 30)

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-skip") }

    /// A textured BGRA picture, different for every `seed`.
    private static func picture(_ seed: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 4
                pixels[i] = UInt8((x * 3 + seed * 40) & 255)
                pixels[i + 1] = UInt8((y * 5 + x * seed) & 255)
                pixels[i + 2] = UInt8(((x ^ y) + seed * 17) & 255)
            }
        }
        return pixels
    }

    /// The holds the tests write: (picture, frames), with runs shorter and longer than
    /// `MP4Writer.minimumSkipRun`, a run at the very start and one at the very end.
    private static let holds = [(0, 40), (1, 1), (2, 1), (3, 3), (4, 25), (5, 1), (6, 9), (7, 60)]

    /// Writes the holds; returns the hash of every frame's intended picture.
    @discardableResult
    private func write(to url: URL, skips: Bool, crf: Int = 23, preset: String = "veryfast") throws -> [String] {
        let writer = try MP4Writer(
            url: url, width: Self.width, height: Self.height, fps: Self.fps, sampleRate: nil, preset: preset, crf: crf,
            bFrames: 0, threads: 1, skipRepeats: skips)
        let converter = try FrameConverter(width: Self.width, height: Self.height)
        var hashes: [String] = []
        for (seed, count) in Self.holds {
            let frame = try MediaTestClip.convert(converter, Self.picture(seed))
            try writer.writeVideo(frame, count: count)
            hashes += Array(repeating: ContentHash.hex(frame.plane(0) + frame.plane(1) + frame.plane(2)), count: count)
        }
        try writer.finish()
        return hashes
    }

    private static var frameCount: Int { holds.map(\.1).reduce(0, +) }

    @Test func bitsRoundTripExpGolomb() throws {
        var writer = H264BitWriter()
        let values: [UInt32] = [0, 1, 2, 3, 7, 8, 255, 8160, 65_535, 1 << 20]
        let signed: [Int32] = [0, 1, -1, 2, -2, 100, -100, 40_000]
        for value in values { writer.ue(value) }
        for value in signed { writer.se(value) }
        writer.bits(0b1011, 4)
        writer.trailingBits()
        var reader = H264BitReader(rbsp: writer.bytes)
        for value in values { #expect(try reader.ue() == value) }
        for value in signed { #expect(try reader.se() == value) }
        #expect(try reader.bits(4) == 0b1011)
        #expect(try reader.bit() == 1)  // the stop bit
        // §9.1 Table 9-2: codeNum 3 is 00100, 0 is 1.
        var small = H264BitWriter()
        small.ue(3)
        small.ue(0)
        small.trailingBits()
        #expect(small.bytes == [0b0010_0110])
        // Emulation prevention: 00 00 0x (x ≤ 3) inside a NAL unit gets a 03, and comes back out.
        let escaped = H264NAL.annexB(header: 0x41, rbsp: [0, 0, 1, 0, 0, 0, 5])
        #expect(escaped == [0, 0, 0, 1, 0x41, 0, 0, 3, 1, 0, 0, 3, 0, 5])
        #expect(H264NAL.rbsp(Array(escaped.dropFirst(4))) == [0, 0, 1, 0, 0, 0, 5])
    }

    @Test func losslessSkipsDecodeToTheIntendedPictures() async throws {
        // At CRF 0 x264 is lossless, so every decoded frame must be exactly the picture given.
        let skipped = temporary.file("skipped.mp4"), encoded = temporary.file("encoded.mp4")
        let intended = try write(to: skipped, skips: true, crf: 0, preset: "ultrafast")
        try write(to: encoded, skips: false, crf: 0, preset: "ultrafast")
        #expect(intended.count == Self.frameCount)
        #expect(try MediaProbe.videoFrameHashes(skipped) == intended)
        #expect(try MediaProbe.videoFrameHashes(encoded) == intended)
        let judged = try await FFmpegJudge.frameHashes(skipped, width: Self.width, height: Self.height)
        #expect(judged == intended)
    }

    @Test func lossySkipsHoldTheEncodedPictureAndStayConstantFrameRate() async throws {
        let url = temporary.file("skipped.mp4")
        try write(to: url, skips: true)
        let ours = try MediaProbe.videoFrameHashes(url)
        #expect(ours.count == Self.frameCount)
        #expect(try await FFmpegJudge.frameHashes(url, width: Self.width, height: Self.height) == ours)
        // Every frame of a long hold shows the hold's first (encoded) picture (x264 may refine
        // a short one, which it encodes frame by frame); neighbouring holds differ.
        var start = 0
        for (_, count) in Self.holds {
            if count >= MP4Writer.minimumSkipRun {
                #expect(Set(ours[start..<(start + count)]).count == 1, "hold at frame \(start)")
            }
            if start > 0 { #expect(ours[start] != ours[start - 1]) }
            start += count
        }
        // Constant frame rate: one packet per frame, pts = dts stepping by one frame.
        let (packets, timeBase) = try await FFmpegJudge.packets(url)
        #expect(packets.count == Self.frameCount)
        let step = try #require(packets.first?.duration)
        #expect(timeBase == "1/\(step * Self.fps)")
        #expect(packets.enumerated().allSatisfy { $1.pts == $0 * step && $1.dts == $1.pts && $1.duration == step })
        // A key frame opens each hold after a run of skips, and skips are never key frames.
        var keys = [0]
        start = 0
        for (index, (_, count)) in Self.holds.enumerated() {
            start += count
            if count >= MP4Writer.minimumSkipRun && index + 1 < Self.holds.count { keys.append(start) }
        }
        #expect(packets.indices.filter { packets[$0].key } == keys)
        let info = try MediaProbe.inspect(url)
        #expect(info.videoFrameCount == Self.frameCount)
        #expect(abs(info.videoDuration - Double(Self.frameCount) / Double(Self.fps)) < 1e-9)
    }

    @Test func skipsAreSmallAndDeterministic() throws {
        let (a, b, plain) = (temporary.file("a.mp4"), temporary.file("b.mp4"), temporary.file("plain.mp4"))
        try write(to: a, skips: true)
        try write(to: b, skips: true)
        try write(to: plain, skips: false)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        let size = { (url: URL) in try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0 }
        #expect(try size(a) < size(plain))
    }

    @Test func unreadableParameterSetsAreRefused() throws {
        #expect(throws: VideoError.self) { try H264SkipFrames(extradata: [1, 100, 0, 31, 0xFF, 0xE1]) }
        #expect(throws: VideoError.self) { try H264SkipFrames(extradata: [0, 0, 0, 1, 0x67]) }
    }
}
