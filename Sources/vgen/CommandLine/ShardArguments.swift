import ArgumentParser

/// `vgen render --shard i/N` and `vgen join`: one video rendered by several processes or
/// machines that share the output folder (Docs/Shards.md).
package struct ShardArguments: ParsableArguments {
    /// The share to render, as given (`i/N` or `auto/N`).
    @Option(
        name: .long,
        help:
            "Render only this share of the segments into <output-dir>/<video_id>/segments: i/N (from 0) or auto/N (the index from JOB_COMPLETION_INDEX); then vgen join."
    )
    package var shard: String?

    /// Whether this run joins the shards' segments (set by `vgen join`).
    @Flag(name: .long, help: .hidden)
    package var join = false

    /// The whole video.
    package init() {}
}
