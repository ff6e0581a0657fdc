import Foundation
import VideoCore

/// One share of a video's segments, so that one video renders on several machines: shard `i`
/// of `N` encodes every `N`th segment (by file name, from the `i`th) into a folder all the
/// shards share, and a join (`SegmentSharing.join`) stream-copies them into the video.
///
/// The segments' names hash everything their pixels depend on, so every shard plans the same
/// names for the same video and settings, and the joined video is the same, frame for frame,
/// as one rendered in one process.
public struct SegmentShard: Sendable, Hashable, Codable {
    /// This shard's number, from 0.
    public var index: Int
    /// How many shards share the video.
    public var count: Int

    /// Creates a shard.
    /// - Parameters:
    ///   - index: From 0 to `count - 1`.
    ///   - count: At least 1.
    /// - Throws: `VideoError(.invalidInput)` naming `shard` when the numbers do not fit.
    public init(index: Int, count: Int) throws {
        guard count >= 1, (0..<count).contains(index) else {
            throw VideoError(.invalidInput, "shard \(index)/\(count): the index must lie in 0…count-1", field: "shard")
        }
        self.index = index
        self.count = count
    }

    /// Parses `i/N`, or `auto/N` with the index from `JOB_COMPLETION_INDEX` (a Kubernetes
    /// Indexed Job sets it; Docs/Shards.md shows Slurm and CI matrices setting it too).
    /// - Parameters:
    ///   - text: `i/N` or `auto/N`.
    ///   - environment: The process environment.
    /// - Throws: `VideoError(.invalidInput)` naming `shard`.
    public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[1]) else {
            throw VideoError(.invalidInput, "'\(text)' is not i/N or auto/N", field: "shard")
        }
        if parts[0] == "auto" {
            guard let value = environment["JOB_COMPLETION_INDEX"], let index = Int(value) else {
                throw VideoError(
                    .invalidInput, "auto/\(count) needs JOB_COMPLETION_INDEX set to a number", field: "shard")
            }
            try self.init(index: index, count: count)
        } else {
            guard let index = Int(parts[0]) else {
                throw VideoError(.invalidInput, "'\(text)' is not i/N or auto/N", field: "shard")
            }
            try self.init(index: index, count: count)
        }
    }

    /// The segment files this shard encodes, of all a plan names.
    func owned(_ names: [String]) -> Set<String> {
        Set(Set(names).sorted().enumerated().filter { $0.offset % count == index }.map(\.element))
    }
}

/// How a video stage shares its segments with other processes.
public enum SegmentSharing: Sendable, Hashable, Codable {
    /// Encode this shard's segments (and, shard 0, the soundtrack) into `folder`, then stop:
    /// no join.
    case shard(SegmentShard, folder: String)
    /// Encode nothing: join what the shards left in the task's `segments/`, and fail naming
    /// the missing segments' count if any is not there.
    case join
}
