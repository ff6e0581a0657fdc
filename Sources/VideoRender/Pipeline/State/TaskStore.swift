import Foundation

/// Reads and writes a task folder's `state.json`, and cleans the folder for a restart.
public enum TaskStore {
    /// The state file's name.
    public static let stateFile = "state.json"

    /// Everything a task writes into its folder; a restart removes these and nothing else.
    static let ownedNames = [
        stateFile, "script.json", "timing_manifest.json", "metadata.json", "captions.srt", "captions.vtt",
        "thumbnail.png",
        "video.mp4", ".video.mp4.partial", "audio", "segments", "speech-cache", "media.json", "analysis.json",
        "timeline.json", ".thumbnail.png.partial",
    ]

    /// The document task's saved state, or `nil` when the folder has none.
    /// - Throws: `VideoError(.invalidInput)` when the file is corrupt, foreign, from a newer
    ///   vgen or a montage's, naming `--restart` as the way out.
    public static func load(from directory: URL) throws -> TaskState? {
        try load(TaskState.self, kind: nil, from: directory)
    }

    /// The montage task's saved state, or `nil` when the folder has none.
    /// - Throws: `VideoError(.invalidInput)` when the file is corrupt, foreign, from a newer
    ///   vgen or a document video's.
    public static func loadMontage(from directory: URL) throws -> MontageTaskState? {
        try load(MontageTaskState.self, kind: MontageTaskState.kind, from: directory)
    }

    /// Whichever task's saved state the folder holds (for `vgen status`), or `nil`.
    /// - Throws: `VideoError(.invalidInput)` when the file is corrupt, foreign or from a newer vgen.
    public static func loadAny(from directory: URL) throws -> (any TaskRecord)? {
        guard let stored = try stored(in: directory) else { return nil }
        return stored.kind == MontageTaskState.kind
            ? try decode(MontageTaskState.self, stored) : try decode(TaskState.self, stored)
    }

    /// Whether the folder's `state.json` is a montage's (`false` when there is none).
    public static func isMontage(_ directory: URL) throws -> Bool {
        try stored(in: directory)?.kind == MontageTaskState.kind
    }

    private static let hint = "pass --restart to start this task over"

    /// A `state.json` read once, with the kind its header names.
    private struct Stored {
        var url: URL
        var data: Data
        var kind: String?
    }

    /// The folder's `state.json` with its header checked, or `nil` when there is none.
    private static func stored(in directory: URL) throws -> Stored? {
        let url = directory.appendingPathComponent(stateFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw VideoError(.io, "cannot read \(url.path): \(error.localizedDescription)")
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == TaskState.format else {
            throw VideoError(
                .invalidInput, "\(url.path) is not a vgen task state (corrupt or written by another tool); \(hint)")
        }
        guard header.version <= TaskState.currentVersion else {
            throw VideoError(
                .invalidInput, "\(url.path) was written by a newer vgen (format \(header.version)); \(hint)")
        }
        return Stored(url: url, data: data, kind: header.kind)
    }

    private static func load<State: TaskRecord>(_ type: State.Type, kind: String?, from directory: URL) throws -> State?
    {
        guard let stored = try stored(in: directory) else { return nil }
        guard stored.kind == kind else {
            throw VideoError(
                .invalidInput,
                "\(stored.url.path) belongs to a \(stored.kind == MontageTaskState.kind ? "montage" : "document video") task; use another folder or vgen resume"
            )
        }
        return try decode(type, stored)
    }

    private static func decode<State: TaskRecord>(_ type: State.Type, _ stored: Stored) throws -> State {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(State.self, from: stored.data)
        } catch let error as VideoError {
            throw VideoError(
                .invalidInput, "\(stored.url.path) holds an invalid video (\(error.description)); \(hint)")
        } catch {
            throw VideoError(.invalidInput, "\(stored.url.path) is damaged (\(error.localizedDescription)); \(hint)")
        }
    }

    /// Writes the state atomically.
    static func save(_ state: some TaskRecord, to directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try AtomicFile.write(try encoder.encode(state), to: directory.appendingPathComponent(stateFile))
    }

    /// Removes what a task wrote into `directory` (and only that), for a restart.
    static func clean(_ directory: URL) {
        let inserted = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
            $0.hasPrefix("stage-") && $0.hasSuffix(".json")
        }
        for name in ownedNames + inserted {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    private struct Header: Decodable {
        var format: String
        var version: Int
        /// `montage` for a montage; absent for a document video.
        var kind: String?
    }
}
