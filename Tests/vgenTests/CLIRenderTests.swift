import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// Successful renders through the command line.
@Suite struct CLIRenderTests {
    static let document = "# Same every time\n\nDeterministic output.\n\n## Steps\n\n- Read\n- Speak\n- Draw\n"

    /// The same input and settings give byte-identical files in two fresh processes.
    @Test func rendersAreDeterministicAcrossProcesses() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let doc = dir.appendingPathComponent("same.md")
        try Self.document.write(to: doc, atomically: true, encoding: .utf8)
        var outputs: [[Data]] = []
        for run in 0..<2 {
            let out = dir.appendingPathComponent("out\(run)")
            let outcome = try await CLI.run([
                "--document", doc.path, "--output-dir", out.path, "--resolution", "320x180", "--preset", "ultrafast",
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let video = out.appendingPathComponent("same/video.mp4")
            #expect(outcome.stdout == video.path + "\n")
            let files = [
                "video.mp4", "timing_manifest.json", "captions.srt", "audio/scene_01.wav", "audio/scene_02.wav",
            ]
            outputs.append(try files.map { try Data(contentsOf: out.appendingPathComponent("same/\($0)")) })
        }
        for (a, b) in zip(outputs[0], outputs[1]) { #expect(a == b) }
    }

    /// `--jobs 2` renders two segments at a time: the video must be the one `--jobs 1` makes,
    /// byte for byte (as the montage's parallel chunks make the same video as one at a time).
    @Test func oneJobAndTwoJobsMakeByteIdenticalVideos() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let doc = try temporary.write(DocumentFixtures.crashTest, to: "jobs.md")
        var videos: [Data] = []
        for jobs in [1, 2] {
            let out = temporary.url.appendingPathComponent("jobs-\(jobs)")
            let outcome = try await CLI.run([
                "--document", doc.path, "--output-dir", out.path, "--resolution", "320x180", "--fps", "12",
                "--preset", "ultrafast", "--jobs", "\(jobs)",
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            videos.append(try Data(contentsOf: out.appendingPathComponent("jobs/video.mp4")))
        }
        // One x264 thread per segment whatever --jobs is: the files are the same, byte for byte,
        // x264's settings record ("threads=1") included.
        #expect(videos[0].range(of: Data(" threads=1 ".utf8)) != nil)
        let firstDifference = zip(videos[0], videos[1]).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(
            videos[0].count == videos[1].count && firstDifference == nil,
            "first difference at byte \(firstDifference ?? -1)")
    }

    /// 10,000 headings: the video is cut to the 100-scene limit, with a warning (`--duration
    /// full`, so that the 10-minute default limit does not shorten it further).
    @Test func tenThousandHeadingsAreTruncatedWithAWarning() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let doc = dir.appendingPathComponent("many.md")
        let text = "# Many\n\n" + (1...10_000).map { "## Heading \($0)\n" }.joined(separator: "\n")
        try text.write(to: doc, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        // The cap is applied before any frame is drawn and the audio stage writes the manifest, so
        // the run stops there: drawing the 30-minute video of the 100 scenes checks nothing more
        // and took two thirds of this test's 2.7 CPU minutes in a debug build.
        let outcome = try await CLI.run([
            "--document", doc.path, "--output-dir", out.path, "--resolution", "160x90", "--fps", "5", "--preset",
            "ultrafast", "--duration", "full", "--stop-after", "audio",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning:") && outcome.stderr.contains("100"), "\(outcome.stderr)")
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("many/timing_manifest.json"))) as? [String: Any]
        #expect((manifest?["scenes"] as? [Any])?.count == 100)
    }
}
