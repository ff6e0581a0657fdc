import Foundation

/// Reads and writes a task folder's `state.json`, and cleans the folder for a restart.
public enum TaskStore {
    /// The state file's name.
    public static let stateFile = "state.json"

    /// Everything a task writes into its folder; a restart removes these and nothing else.
    static let ownedNames = [
        stateFile, "script.json", "timing_manifest.json", "metadata.json", "captions.srt", "captions.vtt",
        "thumbnail.png",
        "video.mp4", ".video.mp4.partial", "audio", "segments", "speech-cache",
    ]

    /// The task's saved state, or `nil` when the folder has none.
    /// - Throws: `VideoError(.invalidInput)` when the file is corrupt, foreign or from a newer
    ///   vgen, naming `--restart` as the way out.
    public static func load(from directory: URL) throws -> TaskState? {
        let url = directory.appendingPathComponent(stateFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let hint = "pass --restart to start this task over"
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw VideoError(.io, "cannot read \(url.path): \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let header = try? decoder.decode(Header.self, from: data), header.format == TaskState.format else {
            throw VideoError(
                .invalidInput, "\(url.path) is not a vgen task state (corrupt or written by another tool); \(hint)")
        }
        guard header.version <= TaskState.currentVersion else {
            throw VideoError(
                .invalidInput, "\(url.path) was written by a newer vgen (format \(header.version)); \(hint)")
        }
        do {
            return try decoder.decode(TaskState.self, from: data)
        } catch let error as VideoError {
            throw VideoError(.invalidInput, "\(url.path) holds an invalid video (\(error.description)); \(hint)")
        } catch {
            throw VideoError(.invalidInput, "\(url.path) is damaged (\(error.localizedDescription)); \(hint)")
        }
    }

    /// Writes the state atomically.
    static func save(_ state: TaskState, to directory: URL) throws {
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
    }
}
