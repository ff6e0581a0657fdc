import Foundation
import Testing
import VideoCore
import VideoRender
import VideoTestSupport

/// Killed and interrupted renders, resumed from the command line, give the same video as an
/// uninterrupted run: every decoded frame and every audio sample.
@Suite(.serialized) struct CLIResumeTests {
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

    /// Where each kill lands: the line of `vgen --json` output that triggers it, and the stage
    /// the saved state must then say comes next.
    static let kills: [(name: String, stage: String, line: @Sendable (JSONEvent) -> Bool)] = [
        ("audio started", "audio", { $0.event == "stage_started" && $0.stage == "audio" }),
        ("mid video", "video", { $0.event == "progress" && $0.stage == "video" && $0.scene == 3 }),
        ("output started", "output", { $0.event == "stage_started" && $0.stage == "output" }),
    ]

    /// Each kill is sent when `vgen` reports the point it is aimed at, and must land: `vgen`
    /// dies of SIGKILL with no video and a state saved mid-task. Resuming then gives the
    /// uninterrupted run's video.
    @Test func killNineAtAnyPointThenResumeMatchesAnUninterruptedRun() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let doc = try temporary.write(DocumentFixtures.crashTest, to: "crash.md")
        let reference = dir.appendingPathComponent("reference")
        #expect(try await CLI.run(Self.arguments(doc, reference)).status == 0)
        let expected = try Self.decoded(reference.appendingPathComponent("crash/video.mp4"))

        for (index, kill) in Self.kills.enumerated() {
            let (name, out) = (kill.name, dir.appendingPathComponent("killed-\(index)"))
            let folder = out.appendingPathComponent("crash")
            let (trigger, killed) = try await CLI.run(Self.arguments(doc, out), signal: SIGKILL) {
                JSONEvent($0).map(kill.line) ?? false
            }
            #expect(trigger != nil, "\(name): no line of the output triggered the kill")
            #expect(killed.wasKilled(by: SIGKILL), "\(name): vgen ended by \(killed.reason), status \(killed.status)")
            #expect(!killed.lines.contains { JSONEvent($0)?.event == "pipeline_completed" }, "\(name): it finished")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("video.mp4").path), "\(name)")
            let state = try #require(try VideoPipeline.state(of: folder), "\(name): no saved state")
            #expect(
                state.status == .running && state.nextStage == kill.stage,
                "\(name): \(state.status), next \(String(describing: state.nextStage))")

            let resumed = try await CLI.run(["resume", folder.path])
            #expect(resumed.status == 0, "\(name): \(resumed.stderr)")
            let got = try Self.decoded(folder.appendingPathComponent("video.mp4"))
            #expect(got.frames == expected.frames, "\(name): frames differ")
            #expect(got.audio == expected.audio ? true : false, "\(name): audio differs")
        }
    }

    @Test func ctrlCStopsCleanlyAndResumes() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let doc = try temporary.write(DocumentFixtures.crashTest, to: "crash.md")
        let out = temporary.url.appendingPathComponent("out")
        let (trigger, stopped) = try await CLI.run(Self.arguments(doc, out), signal: SIGINT) {
            JSONEvent($0).map { $0.event == "progress" && $0.stage == "video" } ?? false
        }
        #expect(trigger != nil)
        #expect(stopped.reason == .exit && stopped.status == 130, "\(stopped.reason), status \(stopped.status)")
        let folder = out.appendingPathComponent("crash")
        let report = try await CLI.run(["status", folder.path])
        #expect(report.stdout.contains("cancelled"), "\(report.stdout)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("video.mp4").path))
        let resumed = try await CLI.run(["resume", folder.path])
        #expect(resumed.status == 0)
        #expect(try await CLI.run(["status", folder.path]).stdout.contains("completed"))
    }

    @Test func batchGoesOnPastABrokenInput() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let good = dir.appendingPathComponent("good.md"), bad = dir.appendingPathComponent("bad.md")
        let spec = dir.appendingPathComponent("spec.yaml")
        try "# Good\n\nFine.\n".write(to: good, atomically: true, encoding: .utf8)
        try Data([0, 1, 2, 3]).write(to: bad)
        try "title: Spec\nscenes:\n  - scene_type: title\n    title: From YAML\n".write(
            to: spec, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let outcome = try await CLI.run([
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
