import ArgumentParser
import Foundation
import VGenCommandLine
import VideoCore
import VideoRender

/// How a render is shared out: one shard, the join of every shard, or the whole video.
extension ShardArguments {
    /// The shard asked for, if any.
    /// - Throws: `VideoError` naming `shard`.
    func parsedShard() throws -> SegmentShard? {
        guard let shard else { return nil }
        guard !join else { throw VideoError(.invalidInput, "pass --shard or join, not both", field: "shard") }
        return try SegmentShard(parsing: shard)
    }

    /// Renders `config` as the arguments say: one shard (returns nil, having encoded this
    /// shard's segments), the join of every shard's segments, or the whole video.
    /// - Throws: What the pipeline throws; for a join, `VideoError` when a shard's segments are missing.
    func render(
        _ config: VideoConfig, pipeline: VideoPipeline, output: URL, restart: Bool,
        events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> RenderResult? {
        var pipeline = pipeline
        if let shard = try parsedShard() {
            let shared = output.appendingPathComponent(config.videoID, isDirectory: true)
                .appendingPathComponent("segments", isDirectory: true)
            pipeline.video.sharing = .shard(shard, folder: shared.path)
            // Each shard plans the video in a folder of its own; only segments/ is shared.
            let work = output.appendingPathComponent(".shard-\(shard.index)-of-\(shard.count)", isDirectory: true)
            _ = try await pipeline.render(config, to: work, stoppingAfter: "video", restart: true, events: events)
            return nil
        }
        if join {
            guard !restart else {
                throw VideoError(.invalidInput, "a join keeps the shards' segments: no --restart", field: "restart")
            }
            pipeline.video.sharing = .join
            let result = try await pipeline.render(config, to: output, events: events)
            // The shards' planning folders are no longer needed.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
            where name.hasPrefix(".shard-") {
                try? FileManager.default.removeItem(at: output.appendingPathComponent(name))
            }
            return result
        }
        return try await pipeline.render(config, to: output, restart: restart, events: events)
    }
}

extension JoinCommand: ExecutableCommand {
    /// Renders with `--join` and the shards' options.
    mutating func execute() async throws {
        var render = try RenderCommand.parse(arguments + ["--join"])
        try await render.execute()
    }
}
