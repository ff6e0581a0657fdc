/// Tests for `ImageDecoder`, `ImageEncoder`, `VideoClipDecoder` and `MediaMetadata`, on generated media.
import Foundation
import Testing
import VideoCore

@Suite struct ImageDecoderTests {
    private func temporary(_ ext: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("vgen-image-\(UUID().uuidString).\(ext)")
    }

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

    @Test func corruptAndMissingFilesThrowMediaErrors() throws {
        let url = temporary("jpg")
        try Data(repeating: 0x5A, count: 3000).write(to: url)
        #expect { try ImageDecoder.decode(url, covering: 100, 100) } throws: { ($0 as? VideoError)?.code == .media }
        #expect { try ImageDecoder.decode(temporary("png"), covering: 100, 100) } throws: {
            ($0 as? VideoError)?.code == .media
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
