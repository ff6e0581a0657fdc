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
        try isMontage(directory) ? try loadMontage(from: directory) : try load(from: directory)
    }

    /// Whether the folder's `state.json` is a montage's (`false` when there is none).
    public static func isMontage(_ directory: URL) throws -> Bool {
        let url = directory.appendingPathComponent(stateFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return false }
        return try header(of: try read(url), at: url).kind == MontageTaskState.kind
    }

    private static let hint = "pass --restart to start this task over"

    private static func read(_ url: URL) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw VideoError(.io, "cannot read \(url.path): \(error.localizedDescription)")
        }
    }

    private static func header(of data: Data, at url: URL) throws -> Header {
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == TaskState.format else {
            throw VideoError(
                .invalidInput, "\(url.path) is not a vgen task state (corrupt or written by another tool); \(hint)")
        }
        guard header.version <= TaskState.currentVersion else {
            throw VideoError(
                .invalidInput, "\(url.path) was written by a newer vgen (format \(header.version)); \(hint)")
        }
        return header
    }

    private static func load<State: TaskRecord>(_ type: State.Type, kind: String?, from directory: URL) throws -> State?
    {
        let url = directory.appendingPathComponent(stateFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data = try read(url)
        let found = try header(of: data, at: url).kind
        guard found == kind else {
            throw VideoError(
                .invalidInput,
                "\(url.path) belongs to a \(found == MontageTaskState.kind ? "montage" : "document video") task; use another folder or vgen resume"
            )
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(State.self, from: data)
        } catch let error as VideoError {
            throw VideoError(.invalidInput, "\(url.path) holds an invalid video (\(error.description)); \(hint)")
        } catch {
            throw VideoError(.invalidInput, "\(url.path) is damaged (\(error.localizedDescription)); \(hint)")
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
