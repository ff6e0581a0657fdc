import Foundation
import Testing
import VideoCore

/// Killed and interrupted renders, resumed from the command line, give the same video as an
/// uninterrupted run: every decoded frame and every audio sample.
@Suite(.serialized) struct CLIResumeTests {
    static let document = """
        # Crash test

        This document is rendered, killed and resumed.

        ## First part

        The first part has a sentence or two of narration to speak.

        ## Second part

        - One point
        - Another point
        - A third point

        ## Third part

        ```bash
        swift build
        swift test
        ```

        > Resume where you stopped. — The pipeline
        """

    static func arguments(_ doc: URL, _ out: URL) -> [String] {
        [
            "--document", doc.path, "--output-dir", out.path, "--resolution", "480x270", "--fps", "24", "--preset",
            "ultrafast",
            "--jobs", "1", "--json",
        ]
    }

    /// Decoded frame hashes and audio samples of a video.
    static func decoded(_ video: URL) throws -> (frames: [UInt64], audio: [Float]) {
        (try MediaProbe.videoFrameSignatures(video).map(\.hash), try MediaProbe.decodeAudio(video).samples)
    }

    @Test func killNineAtAnyPointThenResumeMatchesAnUninterruptedRun() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = dir.appendingPathComponent("crash.md")
        try Self.document.write(to: doc, atomically: true, encoding: .utf8)
        let reference = dir.appendingPathComponent("reference")
        #expect(try CLI.run(Self.arguments(doc, reference)).status == 0)
        let expected = try Self.decoded(reference.appendingPathComponent("crash/video.mp4"))

        let triggers: [(String, (String) -> Bool)] = [
            ("audio started", { $0.contains(#""stage":"audio""#) && $0.contains("stage_started") }),
            ("mid video", { $0.contains(#""stage":"video""#) && $0.contains(#""scene":3"#) }),
            ("output started", { $0.contains(#""stage":"output""#) && $0.contains("stage_started") }),
        ]
        var killed = 0
        for (name, trigger) in triggers {
            let out = dir.appendingPathComponent("killed-\(killed)")
            let (sent, status) = try CLI.run(Self.arguments(doc, out), signal: SIGKILL, when: trigger)
            if sent { killed += 1 } else { #expect(status == 0) }
            let resumed = try CLI.run(["resume", out.appendingPathComponent("crash").path])
            #expect(resumed.status == 0, "\(name): \(resumed.stderr)")
            let got = try Self.decoded(out.appendingPathComponent("crash/video.mp4"))
            #expect(got.frames == expected.frames, "\(name): frames differ")
            #expect(got.audio == expected.audio ? true : false, "\(name): audio differs")
        }
        #expect(killed >= 2, "the kills should land while the render runs")
    }

    @Test func ctrlCStopsCleanlyAndResumes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = dir.appendingPathComponent("crash.md")
        try Self.document.write(to: doc, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let (sent, status) = try CLI.run(Self.arguments(doc, out), signal: SIGINT) {
            $0.contains(#""stage":"video""#) && $0.contains("progress")
        }
        #expect(sent)
        #expect(status == 130)
        let folder = out.appendingPathComponent("crash")
        let report = try CLI.run(["status", folder.path])
        #expect(report.stdout.contains("cancelled"), "\(report.stdout)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("video.mp4").path))
        let resumed = try CLI.run(["resume", folder.path])
        #expect(resumed.status == 0)
        #expect(try CLI.run(["status", folder.path]).stdout.contains("completed"))
    }

    @Test func batchGoesOnPastABrokenInput() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.md"), bad = dir.appendingPathComponent("bad.md")
        let spec = dir.appendingPathComponent("spec.yaml")
        try "# Good\n\nFine.\n".write(to: good, atomically: true, encoding: .utf8)
        try Data([0, 1, 2, 3]).write(to: bad)
        try "title: Spec\nscenes:\n  - scene_type: title\n    title: From YAML\n".write(
            to: spec, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let outcome = try CLI.run([
            "batch", good.path, bad.path, spec.path, "--output-dir", out.path, "--resolution", "160x90", "--preset",
            "ultrafast",
        ])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("2 of 3 rendered"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("failed:") && outcome.stdout.contains("bad.md"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("good/video.mp4").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("spec/video.mp4").path))
    }
}
