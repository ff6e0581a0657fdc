import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// `VideoClipDecoder` on clips the ffmpeg CLI made (not our `MP4Writer`): they come out upright
/// by the display rotation ffmpeg recorded, as ffmpeg itself shows them.
@Suite struct ClipRotationTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-rotation") }

    /// Runs the ffmpeg CLI (`scripts/install-deps.sh` installs it; only tests use it).
    private func ffmpeg(_ arguments: [String]) async throws -> ProcessOutcome {
        let program = try #require(Subprocess.find("ffmpeg"), "no ffmpeg on the PATH: run scripts/install-deps.sh")
        let outcome = try await Subprocess.run(program, ["-nostdin", "-v", "error"] + arguments)
        try #require(outcome.status == 0, "ffmpeg \(arguments): \(outcome.stderr)")
        return outcome
    }

    /// A 320×240 clip stored dark on the left and bright on the right, that shows turned
    /// `rotation`° clockwise (as a phone's portrait video shows turned 90°).
    private func rotatedClip(_ rotation: Int) async throws -> URL {
        let plain = temporary.file("plain.mp4"), rotated = temporary.file("rotated.mp4")
        _ = try await ffmpeg([
            "-f", "lavfi", "-i", "nullsrc=size=320x240:rate=10,format=gray,geq=lum='X*255/W'", "-frames:v", "5",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", plain.path,
        ])
        // ffmpeg 5.1 turns a rotate tag into the stream's display matrix when it copies the
        // stream (when it encodes, it drops the tag), reading it as degrees counter-clockwise,
        // the sense of the matrix (ffprobe then reports that rotation; a phone's portrait clip,
        // -90).
        let counterClockwise = (360 - rotation) % 360
        _ = try await ffmpeg([
            "-i", plain.path, "-c", "copy", "-metadata:s:v:0", "rotate=\(counterClockwise)", rotated.path,
        ])
        return rotated
    }

    /// The first picture of `clip` as ffmpeg shows it (turned by its display matrix), in gray.
    private func ffmpegPicture(of clip: URL) async throws -> (width: Int, height: Int, gray: [UInt8]) {
        let pgm = try await ffmpeg(["-i", clip.path, "-frames:v", "1", "-c:v", "pgm", "-f", "image2pipe", "-"])
        // "P5 <width> <height> <maxval>", one whitespace byte, then the pixels.
        var fields: [Int] = [], index = 2
        let bytes = pgm.stdoutData
        while fields.count < 3 {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            fields.append(Int(String(decoding: bytes[start..<index], as: UTF8.self)) ?? -1)
        }
        let gray = [UInt8](bytes[(index + 1)...])
        try #require(Array(bytes.prefix(2)) == Array("P5".utf8) && gray.count == fields[0] * fields[1])
        return (fields[0], fields[1], gray)
    }

    /// The darkest side of a picture from the sums of its four quarters' luma.
    private func darkSide(_ g: [Int]) -> String {
        let sides = [("left", g[0] + g[2]), ("right", g[1] + g[3]), ("top", g[0] + g[1]), ("bottom", g[2] + g[3])]
        return sides.min { $0.1 < $1.1 }!.0
    }

    @Test(arguments: [(90, "top"), (180, "right"), (270, "bottom"), (0, "left")])
    func clipFromFFmpegTurnsUprightAsFFmpegShowsIt(rotation: Int, dark: String) async throws {
        let url = try await rotatedClip(rotation)
        let turned = rotation == 90 || rotation == 270
        let upright = turned ? (240, 320) : (320, 240)

        // The fixture: ffmpeg itself shows the clip turned.
        let shown = try await ffmpegPicture(of: url)
        #expect((shown.width, shown.height) == upright, "ffmpeg shows \(shown.width)×\(shown.height)")
        let quarters = [(0, 0), (1, 0), (0, 1), (1, 1)].map { qx, qy in
            var sum = 0
            for y in (qy * shown.height / 2)..<((qy + 1) * shown.height / 2) {
                for x in (qx * shown.width / 2)..<((qx + 1) * shown.width / 2) {
                    sum += Int(shown.gray[y * shown.width + x])
                }
            }
            return sum / (shown.width * shown.height / 4)
        }
        #expect(darkSide(quarters) == dark, "ffmpeg's quarters \(quarters)")

        // The decoder: the same size, orientation and picture.
        let clip = try VideoClipDecoder(url: url)
        #expect((clip.width, clip.height) == upright, "orientation \(clip.orientation)")
        #expect(clip.orientation == [90: 6, 180: 3, 270: 8][rotation] ?? 1, "orientation \(clip.orientation)")
        let picture = try #require(try clip.nextPicture())
        #expect((picture.width, picture.height) == upright)
        let g = try picture.grayThumbnail(width: 2, height: 2).map(Int.init)
        #expect(darkSide(g) == dark, "luma \(g)")

        // Analysis pictures stay as stored; the size is still reported as shown.
        let fast = try VideoClipDecoder(url: url, fast: true)
        #expect((fast.width, fast.height) == upright)
        #expect(try #require(try fast.nextPicture()).width == 320)
    }
}
