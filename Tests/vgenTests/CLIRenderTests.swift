import Foundation
import Testing
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

    /// 10,000 headings: the video is cut to the 100-scene limit, with a warning.
    @Test func tenThousandHeadingsAreTruncatedWithAWarning() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-cli")
        let dir = temporary.url
        let doc = dir.appendingPathComponent("many.md")
        let text = "# Many\n\n" + (1...10_000).map { "## Heading \($0)\n" }.joined(separator: "\n")
        try text.write(to: doc, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let outcome = try await CLI.run([
            "--document", doc.path, "--output-dir", out.path, "--resolution", "160x90", "--fps", "5", "--preset",
            "ultrafast",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning:") && outcome.stderr.contains("100"), "\(outcome.stderr)")
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("many/timing_manifest.json"))) as? [String: Any]
        #expect((manifest?["scenes"] as? [Any])?.count == 100)
    }
}
