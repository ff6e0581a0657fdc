import Foundation
import VideoAI
import VideoCore

/// A refined montage's `history.json`: the montage it started from and every version since.

/// What `history.json` in a refined montage's folder holds: the task the montage was planned
/// with, and one entry a version (version 0 is the original), each with the feedback that
/// made it, its edits, the refinement they add up to and the plan's score. `vgen refine
/// --undo` removes the last entry (it is listed in `undone`).
public struct RefineHistory: Sendable, Codable, Equatable {
    /// One version of the montage.
    public struct Version: Sendable, Codable, Equatable {
        /// Its number: 0 for the original, then 1, 2…; its files are in `versions/<number>/`.
        public var number: Int
        /// The feedback that made it (empty for the original).
        public var feedback: String
        /// Where its edits came from: `grammar`, `language-model` or `original`.
        public var source: String
        /// The edits that feedback asked for.
        public var edits: [RefineEdit]
        /// All edits so far, added up.
        public var refinement: MontageRefinement
        /// The plan's score.
        public var score: PlanScore?
        /// Chunks encoded for it, and chunks reused from earlier versions.
        public var renderedChunks: Int
        /// Chunks reused from the cache.
        public var cachedChunks: Int

        enum CodingKeys: String, CodingKey {
            case number, feedback, source, edits, refinement, score
            case renderedChunks = "rendered_chunks", cachedChunks = "cached_chunks"
        }
    }

    /// The file's format version (1).
    public var version = 1
    /// The montage task the original was made with (its media, song and settings).
    public var task: MontageTask
    /// The montage's video id.
    public var taskID: String
    /// The versions kept, oldest first; the last is the folder's current montage.
    public var versions: [Version]
    /// Versions taken back with `--undo`, in the order they were.
    public var undone: [Version] = []

    /// The file's name in the task folder.
    public static let file = "history.json"
    /// The folder holding one subfolder a version.
    public static let folder = "versions"
    /// The files a version keeps (those the montage folder has).
    static let versionFiles = ["timeline.json", "video.mp4", "thumbnail.png", "analysis.json", "state.json"]

    enum CodingKeys: String, CodingKey {
        case version, task, taskID = "task_id", versions, undone
    }

    /// The history in `directory`, if it has one.
    /// - Throws: `VideoError` (`.invalidInput`) for a history.json that cannot be read.
    public static func load(from directory: URL) throws -> RefineHistory? {
        let url = directory.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do { return try JSONDecoder().decode(RefineHistory.self, from: Data(contentsOf: url)) } catch {
            throw VideoError(
                .invalidInput, "is not a refinement history", location: .init(file: url.path), underlying: error)
        }
    }

    /// Writes the history atomically.
    func save(in directory: URL) throws {
        try AtomicFile.writeJSON(self, to: directory.appendingPathComponent(Self.file))
    }
}
