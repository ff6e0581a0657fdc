import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// Tests for `ImageDecoder`, `ImageEncoder`, `VideoClipDecoder` and `MediaMetadata`, on generated media.
@Suite struct ImageDecoderTests {
    private let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory(prefix: "vgen-image") }

    private func temporary(_ ext: String) -> URL { folder.uniquePath(extension: ext) }

    @Test func pngAndJPEGDecodeScaledToCover() throws {
        let frame = try YUVFrame.filled(width: 640, height: 480, y: 180, u: 90, v: 170)
        for (format, ext) in [(ImageEncoder.Format.png, "png"), (.jpeg(quality: 3), "jpg")] {
            let url = temporary(ext)
            try ImageEncoder.write(frame, to: url, format: format)
            let decoded = try ImageDecoder.decode(url, covering: 160, 100)
            #expect(decoded.sourceWidth == 640 && decoded.sourceHeight == 480)
            // Covers 160x100 keeping 4:3: at least 160 wide and 120 high, not the full size.
            #expect(decoded.picture.width >= 160 && decoded.picture.height >= 100 && decoded.picture.width < 640)
            #expect(abs(decoded.picture.aspectRatio - 4.0 / 3) < 0.05)
            let gray = try decoded.picture.grayThumbnail(width: 8, height: 6)
            let mean = Double(gray.reduce(0) { $0 + Int($1) }) / Double(gray.count)
            #expect(abs(mean - 190) < 14, "mean luma \(mean)")
        }
    }

    /// Pictures too large to decode are refused before any memory is taken (a PNG is not even
    /// probed whole); a JPEG decoded at reduced size counts at that size.
    @Test func oversizedPicturesAreRefused() throws {
        let frame = try YUVFrame.filled(width: 640, height: 480, y: 120)
        let png = temporary("png"), jpg = temporary("jpg")
        try ImageEncoder.write(frame, to: png, format: .png)
        try ImageEncoder.write(frame, to: jpg, format: .jpeg(quality: 3))
        #expect {
            try ImageDecoder.decode(png, covering: 100, 100, maximumPixels: 200_000)
        } throws: { error in
            guard let error = error as? VideoError else { return false }
            return error.code == .media && error.message.contains("0.2-megapixel limit")
        }
        // 640×480 is 307 200 pixels, but covering 100×100 decodes the JPEG at an eighth.
        #expect(try ImageDecoder.decode(jpg, covering: 100, 100, maximumPixels: 200_000).sourceWidth == 640)
        #expect {
            try ImageDecoder.decode(jpg, covering: 600, 450, maximumPixels: 200_000)
        } throws: { ($0 as? VideoError)?.message.contains("640×480") == true }
        #expect(ImageDecoder.maximumDecodedPixels >= 48_000_000)
    }

    /// A JPEG with an EXIF APP1 segment holding only `Orientation`, spliced in after SOI.
    private func jpeg(_ data: Data, orientation: UInt16) -> Data {
        var tiff: [UInt8] = Array("II*\0".utf8) + [8, 0, 0, 0, 1, 0]  // header, first IFD at 8; one entry
        tiff += [0x12, 0x01, 3, 0, 1, 0, 0, 0, UInt8(orientation), 0, 0, 0] + [0, 0, 0, 0]
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let length = payload.count + 2
        let segment: [UInt8] = [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        return data.prefix(2) + Data(segment) + data.dropFirst(2)
    }

    /// Phone photos are stored sideways with an EXIF orientation: they must come out upright,
    /// with their size as they show.
    @Test(arguments: [(1 as UInt16, false, "left"), (3, false, "right"), (6, true, "top"), (8, true, "bottom")])
    func exifOrientationTurnsPhotosUpright(orientation: UInt16, turned: Bool, dark: String) throws {
        // Stored 320x240, dark on the left and bright on the right.
        let frame = try MediaTestClip.convert(
            try FrameConverter(width: 320, height: 240), MediaTestClip.gradient(width: 320, height: 240))
        let plain = temporary("jpg")
        try ImageEncoder.write(frame, to: plain, format: .jpeg(quality: 3))
        let url = temporary("jpg")
        try jpeg(try Data(contentsOf: plain), orientation: orientation).write(to: url)

        let decoded = try ImageDecoder.decode(url, covering: 60, 60)
        #expect((decoded.sourceWidth, decoded.sourceHeight) == (turned ? (240, 320) : (320, 240)))
        #expect((decoded.picture.width > decoded.picture.height) == !turned)
        let g = try decoded.picture.grayThumbnail(width: 2, height: 2).map(Int.init)
        let (left, right, top, bottom) = (g[0] + g[2], g[1] + g[3], g[0] + g[1], g[2] + g[3])
        let darkest = [("left", left), ("right", right), ("top", top), ("bottom", bottom)].min { $0.1 < $1.1 }!
        #expect(darkest.0 == dark, "luma \(g)")
    }

    @Test func corruptAndMissingFilesThrowMediaErrors() throws {
        let url = temporary("jpg")
        try Data(repeating: 0x5A, count: 3000).write(to: url)
        #expect { try ImageDecoder.decode(url, covering: 100, 100) } throws: { ($0 as? VideoError)?.code == .media }
        #expect { try ImageDecoder.decode(temporary("png"), covering: 100, 100) } throws: {
            ($0 as? VideoError)?.code == .media
        }
    }

    /// A phone's portrait video is stored landscape with a display rotation: the decoder hands
    /// out upright pictures and reports the size as it shows (analysis pictures stay as stored).
    @Test(arguments: [(90, "top"), (180, "right"), (270, "bottom"), (0, "left")])
    func clipDisplayRotationTurnsFramesUpright(rotation: Int, dark: String) throws {
        let url = temporary("mp4")
        let writer = try MP4Writer(
            url: url, width: 320, height: 240, fps: 10, sampleRate: nil, preset: "ultrafast", displayRotation: rotation)
        // Stored dark on the left, bright on the right.
        let frame = try MediaTestClip.convert(
            try FrameConverter(width: 320, height: 240), MediaTestClip.gradient(width: 320, height: 240))
        try writer.writeVideo(frame, count: 5)
        try writer.finish()

        let turned = rotation == 90 || rotation == 270
        let clip = try VideoClipDecoder(url: url)
        #expect((clip.width, clip.height) == (turned ? (240, 320) : (320, 240)), "orientation \(clip.orientation)")
        #expect(clip.orientation == [90: 6, 180: 3, 270: 8][rotation] ?? 1, "orientation \(clip.orientation)")
        let picture = try #require(try clip.nextPicture())
        #expect((picture.width, picture.height) == (clip.width, clip.height))
        let g = try picture.grayThumbnail(width: 2, height: 2).map(Int.init)
        let sides = [("left", g[0] + g[2]), ("right", g[1] + g[3]), ("top", g[0] + g[1]), ("bottom", g[2] + g[3])]
        #expect(sides.min { $0.1 < $1.1 }!.0 == dark, "luma \(g)")

        let fast = try VideoClipDecoder(url: url, fast: true)
        #expect((fast.width, fast.height) == (clip.width, clip.height))
        #expect(try #require(try fast.nextPicture()).width == 320)
        #expect(throws: VideoError.self) {
            try MP4Writer(url: url, width: 32, height: 32, fps: 10, sampleRate: nil, displayRotation: 45)
        }
    }

    /// Three seconds at 30 fps of 160×120 content changing every frame, with B-frames
    /// (x264 veryfast's).
    private func writeChangingClip(to url: URL, keyframeInterval: Int? = nil) throws {
        let writer = try MP4Writer(
            url: url, width: 160, height: 120, fps: 30, sampleRate: nil, preset: "veryfast",
            keyframeInterval: keyframeInterval)
        let converter = try FrameConverter(width: 160, height: 120)
        var pixels = MediaTestClip.gradient(width: 160, height: 120)
        for f in 0..<90 {
            for i in stride(from: 0, to: pixels.count, by: 4) { pixels[i + 2] = UInt8((f * 9 + i / 640) % 256) }
            try writer.writeVideo(try MediaTestClip.convert(converter, pixels))
        }
        try writer.finish()
    }

    /// Seeking decodes from the keyframe before the target but skips the frames nothing refers
    /// to; what shows from the target on is exactly what a straight decode shows.
    @Test func seekingShowsTheSameFramesAsDecodingStraight() throws {
        let url = temporary("mp4")
        // One keyframe, B-frames (the preset's), content changing every frame.
        try writeChangingClip(to: url)

        let straight = try VideoClipDecoder(url: url), sought = try VideoClipDecoder(url: url)
        try sought.seek(to: 2.0)
        for k in 0..<20 {
            let t = 2.0 + Double(k) / 30
            let a = try #require(try straight.picture(at: t)), b = try #require(try sought.picture(at: t))
            #expect(abs(a.time - b.time) < 1e-6)
            #expect(try a.grayThumbnail(width: 160, height: 120) == b.grayThumbnail(width: 160, height: 120), "at \(t)")
        }
    }

    /// The index's keyframe times are presentation times (B-frames delay them): seeking just
    /// past one starts decoding at it, not at the keyframe before.
    @Test func keyframeTimesAreWhereSeeksLand() throws {
        let url = temporary("mp4")
        try writeChangingClip(to: url, keyframeInterval: 10)
        let clip = try VideoClipDecoder(url: url, fast: true)
        let keyframes = clip.keyframeTimes
        #expect(keyframes.count >= 9 && abs(keyframes[0]) < 1e-6, "\(keyframes)")
        for keyframe in keyframes.dropFirst() {
            try clip.seek(to: keyframe + 0.5 / 30)
            let first = try #require(try clip.nextPicture())
            #expect(abs(first.time - keyframe) < 1e-3, "sought \(keyframe), decoding started at \(first.time)")
        }
    }

    @Test func clipDecoderStreamsAndSeeks() throws {
        let url = temporary("mp4")
        let writer = try MP4Writer(url: url, width: 160, height: 120, fps: 10, sampleRate: 22_050)
        for f in 0..<30 { try writer.writeVideo(try YUVFrame.filled(width: 160, height: 120, y: UInt8(20 + f * 7))) }
        try writer.finish()
        let clip = try VideoClipDecoder(url: url)
        #expect(clip.width == 160 && clip.height == 120 && abs(clip.fps - 10) < 0.01)
        #expect(abs(clip.duration - 3) < 0.15)
        func luma(_ p: DecodedPicture?) throws -> Int { Int(try #require(p).grayThumbnail(width: 1, height: 1)[0]) }
        let early = try luma(clip.picture(at: 0.45)), later = try luma(clip.picture(at: 2.05))
        #expect(later > early + 80)
        try clip.seek(to: 1.0)
        let sought = try #require(try clip.picture(at: 1.0))
        #expect(abs(sought.time - 1.0) < 0.01)
        // Past the end the last frame holds.
        #expect(try #require(try clip.picture(at: 10)).time > 2.8)
    }

    @Test func captureDatesFromEXIFAndISO() {
        let exif = MediaMetadata.parseDate("2024:07:14 18:03:22")
        let iso = MediaMetadata.parseDate("2024-07-14T18:03:22.000000Z")
        #expect(exif != nil && exif == iso)
        #expect(MediaMetadata.parseDate("not a date") == nil)
        #expect(
            MediaMetadata.captureDate(in: ["DateTimeOriginal": "2020:01:02 03:04:05"])
                == MediaMetadata.parseDate("2020-01-02 03:04:05"))
    }
}
