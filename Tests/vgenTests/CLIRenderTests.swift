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

    /// `--jobs 2` renders two scenes at a time: the video must be the one `--jobs 1` makes, byte
    /// for byte (as the montage's parallel chunks make the same video as one at a time). The one
    /// difference allowed is x264's record of its own settings, which it writes into the stream
    /// as text: its thread count follows `--jobs` (the cores shared among the scenes at once).
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
        let (one, two) = (Self.maskingX264ThreadCounts(videos[0]), Self.maskingX264ThreadCounts(videos[1]))
        // Six scenes: a transition and a body segment each, every one with its own record.
        #expect(one.masked == 12 && two.masked == 12, "x264 settings records: \(one.masked), \(two.masked)")
        let firstDifference = zip(one.data, two.data).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(
            one.data.count == two.data.count && firstDifference == nil,
            "first difference at byte \(firstDifference ?? -1)")
    }

    /// `data` with the digits of `threads=` in every x264 settings record ("x264 - core …",
    /// up to its NUL) replaced by `#`, and how many records there were.
    static func maskingX264ThreadCounts(_ data: Data) -> (data: Data, masked: Int) {
        var data = data, masked = 0, from = data.startIndex
        let record = Data("x264 - core ".utf8), option = Data(" threads=".utf8)
        while let start = data.range(of: record, in: from..<data.endIndex)?.lowerBound {
            let end = data[start...].firstIndex(of: 0) ?? data.endIndex
            if var digit = data.range(of: option, in: start..<end)?.upperBound {
                while digit < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(data[digit]) {
                    data[digit] = UInt8(ascii: "#")
                    digit += 1
                }
                masked += 1
            }
            from = end
        }
        return (data, masked)
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
