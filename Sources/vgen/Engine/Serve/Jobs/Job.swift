import Foundation

/// What kind of work a job does.
enum JobKind: String, Codable, Sendable {
    /// A narrated video from a document, a YAML spec or a prompt.
    case video
    /// Photos and clips cut on the beats of a song.
    case montage
    /// A recorded talk with its pauses and filler words cut out.
    case edit
}

/// Where a job is in its life. `queued` and `running` jobs are picked up again when the
/// service starts.
enum JobStatus: String, Codable, Sendable, CaseIterable {
    case queued, running, completed, failed, cancelled

    /// Whether the job will not run again.
    var isFinal: Bool { self == .completed || self == .failed || self == .cancelled }
}

/// What a job was submitted with, saved in the job store: the input files by the names the
/// service gave them in the job's `input/` folder, and the options as command-line arguments
/// of `vgen render`, `vgen montage` or `vgen edit`.
struct JobSpec: Codable, Sendable, Equatable {
    var kind: JobKind
    /// `input/document.md` or `input/document.txt`.
    var document: String?
    /// `input/spec.yaml`.
    var yaml: String?
    /// The prompt to plan from.
    var prompt: String?
    /// `input/media-001.jpg`, …
    var media: [String] = []
    /// `input/song.mp3`.
    var song: String?
    /// `input/talk.mp4`: the recording of an edit.
    var talk: String?
    /// `input/transcript.json`, `.srt` or `.vtt`: the talk's transcript, when given.
    var transcript: String?
    /// The options as arguments (`--resolution`, `320x180`, …).
    var arguments: [String] = []
}

/// One job as the store keeps it.
struct Job: Sendable, Equatable {
    var id: String
    var kind: JobKind
    var status: JobStatus
    var stage: String?
    var progress: Int
    var error: String?
    /// The video's folder name inside the job's `output/` folder, once known.
    var videoID: String?
    var spec: JobSpec
    var attempts: Int
    var createdAt: Date
    var updatedAt: Date

    /// A new queued job.
    init(id: String, spec: JobSpec, now: Date = Date()) {
        self.id = id
        self.kind = spec.kind
        self.status = .queued
        self.progress = 0
        self.spec = spec
        self.attempts = 0
        self.createdAt = now
        self.updatedAt = now
    }

    init(
        id: String, kind: JobKind, status: JobStatus, stage: String?, progress: Int, error: String?, videoID: String?,
        spec: JobSpec, attempts: Int, createdAt: Date, updatedAt: Date
    ) {
        (self.id, self.kind, self.status, self.stage, self.progress) = (id, kind, status, stage, progress)
        (self.error, self.videoID, self.spec, self.attempts) = (error, videoID, spec, attempts)
        (self.createdAt, self.updatedAt) = (createdAt, updatedAt)
    }

    /// A fresh job id: 32 lower-case hex digits (a random UUID's).
    static func newID() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// Whether `text` has the shape of a job id, so it can name a folder safely.
    static func isValidID(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The job as the API shows it (`Job` in Docs/openapi.yaml).
    func json(files: [String]? = nil) -> [String: Any] {
        var object: [String: Any] = [
            "job_id": id, "kind": kind.rawValue, "status": status.rawValue, "progress": progress,
            "attempts": attempts, "created_at": Self.timestamp(createdAt), "updated_at": Self.timestamp(updatedAt),
        ]
        if let stage { object["stage"] = stage }
        if let error { object["error"] = error }
        if let videoID { object["video_id"] = videoID }
        if let files { object["files"] = files }
        return object
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
