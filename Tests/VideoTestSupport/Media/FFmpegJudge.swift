import Foundation
import VideoCore

/// The ffmpeg CLI as an independent judge of the videos we write (tests only; vgen itself never
/// runs it). `scripts/install-deps.sh` installs it.
package enum FFmpegJudge {
    /// One packet of the video stream, as ffprobe reports it (stream time base ticks).
    package struct Packet: Sendable, Equatable {
        package var pts: Int
        package var dts: Int
        package var duration: Int
        package var key: Bool
    }

    /// A hash of each frame ffmpeg decodes from `url`, made like `MediaProbe.videoFrameHashes`
    /// (the yuv420p bytes of Y, U and V), so the two decoders can be compared frame by frame.
    /// - Throws: When ffmpeg is missing, fails, or logs a decoding error.
    package static func frameHashes(_ url: URL, width: Int, height: Int) async throws -> [String] {
        // Into a file: megabytes of pixels through a pipe read line by line would crawl.
        let raw = url.deletingPathExtension().appendingPathExtension("ffmpeg.yuv")
        defer { try? FileManager.default.removeItem(at: raw) }
        _ = try await run(
            "ffmpeg",
            ["-nostdin", "-v", "error", "-y", "-i", url.path, "-f", "rawvideo", "-pix_fmt", "yuv420p", raw.path])
        let size = width * height + 2 * ((width + 1) / 2) * ((height + 1) / 2)
        let bytes = [UInt8](try Data(contentsOf: raw))
        guard bytes.count % size == 0 else {
            throw VideoError(.media, "ffmpeg wrote \(bytes.count) bytes: not whole \(width)x\(height) frames")
        }
        return stride(from: 0, to: bytes.count, by: size).map { ContentHash.hex(bytes[$0..<($0 + size)]) }
    }

    /// The video stream's packets in file order, and the stream's time base denominator.
    package static func packets(_ url: URL) async throws -> (packets: [Packet], timeBase: String) {
        let probe = try await run(
            "ffprobe",
            [
                "-v", "error", "-select_streams", "v:0", "-show_entries",
                "packet=pts,dts,duration,flags:stream=time_base",
                "-of", "csv=p=0", url.path,
            ])
        var packets: [Packet] = []
        var timeBase = ""
        for line in probe.lines {
            let fields = line.split(separator: ",").map(String.init)
            if fields.count == 1 {
                timeBase = fields[0]
            } else if fields.count >= 4, let pts = Int(fields[0]), let dts = Int(fields[1]),
                let duration = Int(fields[2])
            {
                packets.append(Packet(pts: pts, dts: dts, duration: duration, key: fields[3].hasPrefix("K")))
            }
        }
        return (packets, timeBase)
    }

    private static func run(_ tool: String, _ arguments: [String]) async throws -> ProcessOutcome {
        guard let program = Subprocess.find(tool) else {
            throw VideoError(.media, "no \(tool) on the PATH: run scripts/install-deps.sh")
        }
        let outcome = try await Subprocess.run(program, arguments)
        guard outcome.status == 0, outcome.stderr.isEmpty else {
            throw VideoError(.media, "\(tool) \(arguments.joined(separator: " ")): \(outcome.stderr)")
        }
        return outcome
    }
}
