import Foundation

/// Reads and writes a task folder's `state.json`, and cleans the folder for a restart.
public enum TaskStore {
    /// The state file's name.
    public static let stateFile = "state.json"
    /// The state file's format tag.
    public static let format = "vgen-task-state"
    /// The current format version (2: one engine; the task's input under `input`).
    public static let currentVersion = 2

    /// The files a task writes into its folder besides its stages' outputs; a restart removes
    /// these and nothing else.
    static let ownedNames = [
        stateFile, "timing_manifest.json", "metadata.json", "captions.srt", "captions.vtt", "thumbnail.png",
        "video.mp4", ".video.mp4.partial", ".thumbnail.png.partial", "audio", "segments", "speech-cache",
        "render-profile.json",
    ]

    private static let hint = "pass --restart to start this task over"

    /// The saved state of a task of `kind`, or `nil` when the folder has none.
    /// - Parameters:
    ///   - type: The task's input type.
    ///   - kind: The kind of task expected, for example `document`.
    ///   - directory: The task folder.
    /// - Returns: The state, or `nil` when there is no `state.json`.
    /// - Throws: `VideoError(.invalidInput)` when the file is corrupt, foreign, from another
    ///   version of vgen or of another kind, naming the way out.
    public static func load<Input>(_ type: Input.Type, kind: String, from directory: URL) throws
        -> TaskState<Input>?
    {
        guard let stored = try stored(in: directory) else { return nil }
        guard stored.header.kind == kind else {
            throw VideoError(
                .invalidInput,
                "\(stored.url.path) belongs to a \(stored.header.kind ?? "document") task, not a \(kind) task; use another folder or vgen resume"
            )
        }
        guard stored.header.version == currentVersion else {
            throw VideoError(
                .invalidInput,
                "\(stored.url.path) was written by an older vgen (format \(stored.header.version)); \(hint)")
        }
        do {
            return try decoder.decode(TaskState<Input>.self, from: stored.data)
        } catch let error as VideoError {
            throw VideoError(.invalidInput, "\(stored.url.path) holds an invalid task (\(error.description)); \(hint)")
        } catch {
            throw VideoError(.invalidInput, "\(stored.url.path) is damaged (\(error.localizedDescription)); \(hint)")
        }
    }

    /// What any task's state says (for `vgen status`), or `nil` when the folder has none.
    /// - Parameter directory: The task folder.
    /// - Returns: The kind, id, status and stages.
    /// - Throws: `VideoError(.invalidInput)` when the file is corrupt, foreign or from a newer vgen.
    public static func summary(of directory: URL) throws -> TaskSummary? {
        guard let stored = try stored(in: directory) else { return nil }
        do {
            var summary = try decoder.decode(TaskSummary.self, from: stored.data)
            summary.kind = stored.header.kind ?? summary.kind
            return summary
        } catch {
            throw VideoError(.invalidInput, "\(stored.url.path) is damaged (\(error.localizedDescription)); \(hint)")
        }
    }

    /// The kind of task the folder holds, or `nil` when it holds none.
    /// - Parameter directory: The task folder.
    /// - Returns: For example `document` or `montage`.
    /// - Throws: `VideoError(.invalidInput)` when `state.json` is corrupt, foreign or from a newer vgen.
    public static func kind(of directory: URL) throws -> String? {
        try stored(in: directory).map { $0.header.kind ?? "document" }
    }

    /// Writes the state atomically.
    static func save(_ state: TaskState<some Any>, to directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try AtomicFile.write(try encoder.encode(state), to: directory.appendingPathComponent(stateFile))
    }

    /// Removes what a task wrote into `directory` (and only that), for a restart.
    /// - Parameters:
    ///   - directory: The task folder.
    ///   - outputs: The stage output files of the task's stage list.
    static func clean(_ directory: URL, outputs: [String]) {
        let stageFiles = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
            $0.hasPrefix("stage-") && $0.hasSuffix(".json")
        }
        for name in Set(ownedNames + outputs + stageFiles) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// A `state.json` read once, with its header.
    private struct Stored {
        var url: URL
        var data: Data
        var header: Header
    }

    private struct Header: Decodable {
        var format: String
        var version: Int
        /// Absent in format 1 for a document video.
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
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == format else {
            throw VideoError(
                .invalidInput, "\(url.path) is not a vgen task state (corrupt or written by another tool); \(hint)")
        }
        guard header.version <= currentVersion else {
            throw VideoError(
                .invalidInput, "\(url.path) was written by a newer vgen (format \(header.version)); \(hint)")
        }
        return Stored(url: url, data: data, header: header)
    }
}
