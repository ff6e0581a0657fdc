import Foundation
import Testing
import VideoCore
import VideoTestSupport

@testable import VideoAI

/// Clip analysis on real encoded clips: sampled through, or sparsely from keyframes when the
/// clip is long and its keyframes come often.
@Suite struct MediaAnalyzerTests {
    private let temporary: TemporaryDirectory

    init() throws { temporary = try TemporaryDirectory(prefix: "vgen-analyzer") }

    /// A 160×90 clip: `seconds / 2` of a still grey picture, then a picture whose brightness
    /// keeps changing (the lively half).
    private func writeClip(seconds: Int, keyframeInterval: Int?) throws -> URL {
        let url = temporary.file("clip.mp4")
        let writer = try MP4Writer(
            url: url, width: 160, height: 90, fps: 30, sampleRate: nil, preset: "ultrafast",
            keyframeInterval: keyframeInterval)
        for frame in 0..<(seconds * 30) {
            let luma = frame < seconds * 15 ? 100 : 80 + (frame % 30) * 2
            try writer.writeVideo(try YUVFrame.filled(width: 160, height: 90, y: UInt8(luma)))
        }
        try writer.finish()
        return url
    }

    @Test func longClipWithFrequentKeyframesIsSampledSparselyAndFindsTheLivelyHalf() throws {
        let url = try writeClip(seconds: 24, keyframeInterval: 15)
        let keyframes = try VideoClipDecoder(url: url, fast: true).keyframeTimes
        #expect(keyframes.count >= 40, "\(keyframes.count) keyframes")
        let media = try MediaAnalyzer().analyzeFile(url)
        let times = media.samples.map(\.time)
        // About one sample a second, not four.
        #expect((20...26).contains(times.count), "\(times)")
        #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 > 0.9 }, "\(times)")
        #expect(abs(media.item.duration - 24) < 0.1)
        // The still half scores no motion; the changing half does, and holds the best moment.
        let still = media.samples.filter { $0.time < 11 }.map(\.score)
        let lively = media.samples.filter { $0.time > 13 && $0.time < 23 }.map(\.score)
        #expect((lively.min() ?? 0) > (still.max() ?? 1), "still \(still), lively \(lively)")
        // Within one sample spacing of where the lively half starts.
        #expect(media.bestWindowStart(length: 2) >= 11)
    }

    @Test func clipWithRareKeyframesIsDecodedThroughAndAgrees() throws {
        let url = try writeClip(seconds: 24, keyframeInterval: nil)
        let media = try MediaAnalyzer().analyzeFile(url)
        let times = media.samples.map(\.time)
        // Four samples a second, all the way through.
        #expect(times.count >= 90, "\(times.count) samples")
        #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 < 0.3 })
        #expect(media.bestWindowStart(length: 2) >= 12)
    }

    @Test func truncatedClipIsSkippedWithAWarningNamingIt() throws {
        let url = try writeClip(seconds: 4, keyframeInterval: nil)
        let data = try Data(contentsOf: url)
        let cut = url.deletingLastPathComponent().appendingPathComponent("cut.mp4")
        try data.prefix(data.count / 2).write(to: cut)
        #expect { try MediaAnalyzer().analyzeFile(cut) } throws: { ($0 as? VideoError)?.code == .media }
        var warnings: [String] = []
        let media = try MediaAnalyzer().analyze([url, cut], order: .name) { warnings.append($0) }
        #expect(media.map(\.item.url.lastPathComponent) == ["clip.mp4"])
        #expect(warnings.count == 1 && warnings[0].contains("cut.mp4"), "\(warnings)")
    }

    /// Cancelled analysis (the media stage runs it on a dedicated thread, cancelled through a
    /// flag) starts no file and throws `CancellationError`; a warning would mean a file was tried.
    @Test func cancelledAnalysisStartsNoFile() throws {
        let url = try writeClip(seconds: 2, keyframeInterval: nil)
        var warnings: [String] = []
        #expect(throws: CancellationError.self) {
            _ = try MediaAnalyzer().analyze(
                [url, temporary.file("missing.mp4")], order: .name, warn: { warnings.append($0) },
                isCancelled: { true })
        }
        #expect(warnings.isEmpty)
    }

    /// A phone's portrait clip is stored sideways with a display rotation: its analysis hash is
    /// of the picture as it shows, so it matches a photo of the same upright picture.
    @Test func turnedClipHashesAsItShows() throws {
        let dir = temporary.url
        // Upright 96×160: brighter to the right in the top half, to the left in the bottom half.
        func upright(_ x: Int, _ y: Int) -> UInt8 {
            let ramp = 180 * x / 95
            return UInt8(y < 80 ? 30 + ramp : 210 - ramp)
        }
        func bgra(width: Int, height: Int, _ luma: (Int, Int) -> UInt8) -> [UInt8] {
            (0..<(width * height)).flatMap { i -> [UInt8] in
                let v = luma(i % width, i / width)
                return [v, v, v, 255]
            }
        }
        func frame(width: Int, height: Int, _ pixels: [UInt8]) throws -> YUVFrame {
            try MediaTestClip.convert(try FrameConverter(width: width, height: height), pixels)
        }
        // Stored 160×96: stored pixel (sx, sy) shows at (95 − sy, sx) once turned a quarter clockwise.
        let stored = try frame(width: 160, height: 96, bgra(width: 160, height: 96) { upright(95 - $1, $0) })
        let clip = dir.appendingPathComponent("portrait.mp4")
        let writer = try MP4Writer(
            url: clip, width: 160, height: 96, fps: 30, sampleRate: nil, preset: "ultrafast", displayRotation: 90)
        try writer.writeVideo(stored, count: 30)
        try writer.finish()
        let photo = dir.appendingPathComponent("upright.png"), sideways = dir.appendingPathComponent("sideways.png")
        try ImageEncoder.write(
            try frame(width: 96, height: 160, bgra(width: 96, height: 160, upright)), to: photo, format: .png)
        try ImageEncoder.write(stored, to: sideways, format: .png)

        let analyzer = MediaAnalyzer()
        let clipHash = try analyzer.analyzeFile(clip).hash
        let photoHash = try analyzer.analyzeFile(photo).hash, sidewaysHash = try analyzer.analyzeFile(sideways).hash
        #expect(MediaQuality.hammingDistance(clipHash, photoHash) <= 8)
        #expect(MediaQuality.hammingDistance(clipHash, sidewaysHash) >= 16)
    }
}

/// The analysis does not depend on how many files are decoded at once.
@Suite struct MediaAnalyzerWorkerTests {
    @Test func workerCountDoesNotChangeTheResult() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vgen-workers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [URL] = []
        for (i, seconds) in [1, 2, 1, 3].enumerated() {
            let url = dir.appendingPathComponent("clip\(i).mp4")
            let writer = try MP4Writer(url: url, width: 96, height: 64, fps: 10, sampleRate: nil, preset: "ultrafast")
            for frame in 0..<(seconds * 10) {
                try writer.writeVideo(
                    try YUVFrame.filled(width: 96, height: 64, y: UInt8(40 + (frame * 13 + i * 50) % 180)))
            }
            try writer.finish()
            files.append(url)
        }
        let one = try MediaAnalyzer(workers: 1).analyze(files, order: .name)
        #expect(one.count == 4)
        for workers in [2, 3, 16] {
            #expect(try MediaAnalyzer(workers: workers).analyze(files, order: .name) == one, "\(workers) workers")
        }
        #expect(MediaAnalyzer().workers == ProcessInfo.processInfo.activeProcessorCount)
    }
}
