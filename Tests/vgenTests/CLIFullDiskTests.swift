import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// A disk that fills up during a render (issue 19): the write fails for real, in the kernel,
/// through RLIMIT_FSIZE (`BoundedProcess.Limits.fileSize`, Docs/HostileInputs.md): no file
/// may grow past the limit, and a write that would fails with EFBIG as on a full disk it fails
/// with ENOSPC. No root, tmpfs or test hook is needed, so CI runs it as it is.
@Suite struct CLIFullDiskTests {
    @Test func aWriteFailingMidRenderKeepsTheVideoAndLeavesTheTaskResumable() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-full-disk")
        let work = try temporary.folder("work")
        let logs = try temporary.folder("logs")
        try HostileInputs.write(HostileInputs.tinyDocument, "tiny.md", in: work)
        // At 720p the video is the largest file the task writes, larger than its narration.
        let arguments = [
            "--document", "tiny.md", "--resolution", "1280x720", "--fps", "10", "--preset", "ultrafast",
            "--output-dir", "out",
        ]
        let first = try await CLI.run(arguments, in: work)
        #expect(first.status == 0, "\(first.stderr)")
        let folder = work.appendingPathComponent("out/tiny")
        let video = folder.appendingPathComponent("video.mp4")
        let previous = try Data(contentsOf: video)
        let largestOther = try Self.largestFile(in: folder, except: "video.mp4")
        try #require(previous.count > largestOther + largestOther / 5, "\(previous.count) vs \(largestOther)")

        // The same task in the light theme: the pictures are drawn again and the new video is
        // as large as the old, so writing it runs into the limit; every other file fits.
        let limits = BoundedProcess.Limits(cpuSeconds: 120, addressSpace: 16 << 30, fileSize: largestOther + 4096)
        let failed = try await BoundedProcess.run(
            CLI.executable, arguments + ["--theme", "light"], in: work, environment: CLI.environment(),
            limits: limits, logs: logs)
        #expect(failed.signal == nil && failed.exitStatus == 1, "\(failed.stderr)")
        let line = failed.stderrLines.last ?? ""
        #expect(line.hasPrefix("vgen: error: ") && line.contains("video.mp4"), "\(failed.stderr)")
        #expect(line.contains("File too large"), "\(line)")
        #expect(try Data(contentsOf: video) == previous, "the previous video.mp4 was changed")
        let status = try await CLI.run(["status", "out/tiny"], in: work)
        #expect(status.stdout.contains("next: video"), "\(status.stdout)")

        // With room again, resume finishes the task from the stage that failed.
        let resumed = try await CLI.run(["resume", "out/tiny"], in: work)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let light = try Data(contentsOf: video)
        #expect(light != previous)
        let probe = try MediaProbe.inspect(video)
        #expect(probe.width == 1280 && probe.audioChannels > 0 && probe.videoDuration > 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".video.mp4.partial").path))
    }

    /// The size of the largest file under `folder` but `name`.
    private static func largestFile(in folder: URL, except name: String) throws -> Int {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
        var largest = 0
        while let file = files?.nextObject() as? URL {
            guard file.lastPathComponent != name else { continue }
            largest = max(largest, try file.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0)
        }
        return largest
    }
}
