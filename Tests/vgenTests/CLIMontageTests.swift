import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// `vgen montage` as a user runs it: a folder of pictures and a song in, a video cut on the beat out.
@Suite struct CLIMontageTests {
    @Test func montageFromAFolderAndASong() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let media = dir.appendingPathComponent("media")
        try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
        let spec = CLISpecTests.root.appendingPathComponent("Examples/all-scenes.yaml").path
        for scene in 1...4 {
            let png = media.appendingPathComponent("photo\(scene).png").path
            #expect(
                try await CLI.run(["preview", spec, "--scene", "\(scene)", "--out", png, "--resolution", "480x270"])
                    .status
                    == 0)
        }
        // A 120 BPM beat track.
        let song = dir.appendingPathComponent("song.wav")
        _ = try MontageFixtures.writeBeatTrack(to: song, bpm: 120, seconds: 8)
        let out = dir.appendingPathComponent("out")
        let outcome = try await CLI.run([
            "montage", "--music", song.path, media.path, "--duration", "4", "--aspect", "9:16", "--size", "180",
            "--output-dir", out.path, "--video-id", "clip",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let folder = out.appendingPathComponent("clip")
        for name in ["video.mp4", "timeline.json", "analysis.json", "thumbnail.png"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        let info = try MediaProbe.inspect(folder.appendingPathComponent("video.mp4"))
        #expect(info.width == 180 && info.height == 320)
        #expect(abs(info.videoDuration - 4) < 1e-6)

        // A higher constant rate factor reaches the encoder (and the saved state): a smaller file.
        let coarse = try await CLI.run([
            "montage", "--music", song.path, media.path, "--duration", "4", "--aspect", "9:16", "--size", "180",
            "--output-dir", out.path, "--video-id", "coarse", "--crf", "40",
        ])
        #expect(coarse.status == 0, "\(coarse.stderr)")
        let size = { (id: String) in
            (try? FileManager.default.attributesOfItem(
                atPath: out.appendingPathComponent(id).appendingPathComponent("video.mp4").path)[.size] as? Int) ?? 0
        }
        #expect(size("coarse") > 0 && size("coarse") < size("clip"), "\(size("coarse")) vs \(size("clip"))")
        let state = try String(contentsOf: out.appendingPathComponent("coarse/state.json"), encoding: .utf8)
        #expect(state.contains("\"crf\" : 40"), "\(state)")
        let refused = try await CLI.run([
            "montage", "--music", song.path, media.path, "--crf", "60", "--output-dir", out.path,
        ])
        #expect(refused.status != 0 && refused.stderr.contains("crf"), "\(refused.stderr)")

        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let failed = try await CLI.run(["montage", "--music", song.path, empty.path, "--output-dir", out.path])
        #expect(
            failed.status != 0 && failed.stderr.split(separator: "\n").contains { $0.hasPrefix("vgen: error: ") },
            "\(failed.stderr)")
    }
}
