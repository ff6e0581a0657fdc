import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// `vgen render --shard i/N` and `vgen join`: one video from several processes.
@Suite struct CLIShardTests {
    static let spec = """
        video_id: sharded
        title: Sharded
        resolution: 320x180
        fps: 10
        scenes:
          - scene_id: a
            scene_type: title
            title: One
            narration: The first scene.
          - scene_id: b
            scene_type: list
            heading: Two
            items: [Alpha, Beta, Gamma]
          - scene_id: c
            scene_type: title
            title: Three
            narration: The third scene ends it.
        """

    @Test func threeShardsThenAJoinGiveTheFramesOfOneProcess() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-shard")
        let spec = temporary.file("spec.yaml")
        try Data(Self.spec.utf8).write(to: spec)
        let options = ["--yaml", spec.path, "--preset", "ultrafast", "--jobs", "1"]
        let single = temporary.file("single"), shared = temporary.file("shared")
        let whole = try await CLI.run(options + ["--output-dir", single.path])
        #expect(whole.status == 0, "\(whole.stderr)")

        // Three shard processes at once, one by JOB_COMPLETION_INDEX.
        let outcomes = try await withThrowingTaskGroup(of: ProcessOutcome.self) { group in
            for index in 0..<3 {
                group.addTask {
                    index == 2
                        ? try await CLI.run(
                            options + ["--output-dir", shared.path, "--shard", "auto/3"],
                            environment: ["JOB_COMPLETION_INDEX": "2"])
                        : try await CLI.run(options + ["--output-dir", shared.path, "--shard", "\(index)/3"])
                }
            }
            return try await group.reduce(into: [ProcessOutcome]()) { $0.append($1) }
        }
        for outcome in outcomes { #expect(outcome.status == 0, "\(outcome.stderr)") }
        let segments = shared.appendingPathComponent("sharded/segments")
        let encoded = try FileManager.default.contentsOfDirectory(atPath: segments.path).filter { !$0.hasPrefix(".") }
        let reference = try FileManager.default.contentsOfDirectory(
            atPath: single.appendingPathComponent("sharded/segments").path
        ).filter { !$0.hasPrefix(".") }
        #expect(Set(encoded) == Set(reference))

        let join = try await CLI.run(["join"] + options + ["--output-dir", shared.path, "--json"])
        #expect(join.status == 0, "\(join.stderr)")
        // The join encoded nothing: every segment came from the shards.
        let stage =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: shared.appendingPathComponent("sharded/stage-video.json"))) as? [String: Any]
        #expect(stage?["rendered_segments"] as? Int == 0, "\(String(describing: stage))")
        let a = try MediaProbe.videoFrameSignatures(single.appendingPathComponent("sharded/video.mp4"))
        let b = try MediaProbe.videoFrameSignatures(shared.appendingPathComponent("sharded/video.mp4"))
        #expect(!a.isEmpty && a == b)
        #expect(try !FileManager.default.contentsOfDirectory(atPath: shared.path).contains { $0.hasPrefix(".shard-") })
    }

    @Test func aJoinWithAShardMissingEncodesNothingAndSaysSo() async throws {
        let temporary = try TemporaryDirectory(prefix: "vgen-shard")
        let spec = temporary.file("spec.yaml")
        try Data(Self.spec.utf8).write(to: spec)
        let options = ["--yaml", spec.path, "--preset", "ultrafast", "--output-dir", temporary.file("out").path]
        #expect(try await CLI.run(options + ["--shard", "0/2"]).status == 0)
        let join = try await CLI.run(["join"] + options)
        #expect(join.status == 1 && join.stderr.contains("missing"), "\(join.stderr)")
        #expect(!FileManager.default.fileExists(atPath: temporary.file("out/sharded/video.mp4").path))
        let bad = try await CLI.run(options + ["--shard", "auto/2"])
        #expect(bad.status == 1 && bad.stderr.contains("JOB_COMPLETION_INDEX"), "\(bad.stderr)")
        #expect(try await CLI.run(options + ["--shard", "2/2"]).stderr.contains("shard"))
    }
}
