import Foundation

/// The saved state of one task (one video's folder): what it is making, how, and how far
/// each stage has come. Written atomically to `state.json` after every stage, so a killed
/// run can be resumed where it stopped (`vgen resume`), and read by `vgen status`.
public struct TaskState: TaskRecord, Hashable {
    /// The file's format tag; anything else is a foreign file.
    public static let format = "vgen-task-state"
    /// The current format version.
    public static let currentVersion = 1

    /// The state of a whole task.
    public enum Status: String, Codable, Sendable {
        case running, completed, failed, cancelled
    }

    /// The state of one stage.
    public enum StageStatus: String, Codable, Sendable {
        case pending, running, completed, failed
    }

    /// One stage's record.
    public struct Stage: Codable, Sendable, Hashable {
        /// The stage's name.
        public var name: String
        /// Where it is.
        public var status: StageStatus
        /// When it last started.
        public var startedAt: Date?
        /// When it completed.
        public var completedAt: Date?
        /// Its error, when it failed.
        public var error: String?

        enum CodingKeys: String, CodingKey {
            case name, status, startedAt = "started_at", completedAt = "completed_at", error
        }
    }

    /// `vgen-task-state`.
    public var format: String
    /// The format version.
    public var version: Int
    /// The task's id: the video's id.
    public var taskID: String
    /// Where the task is.
    public var status: Status
    /// The video being made, as the input gave it.
    public var config: VideoConfig
    /// How it is drawn and encoded.
    public var options: RenderOptions
    /// The stages in order.
    public var stages: [Stage]
    /// When the task was created.
    public var createdAt: Date
    /// When the state was last written.
    public var updatedAt: Date

    /// A new task with every stage pending.
    public init(config: VideoConfig, options: RenderOptions, stages: [String], now: Date = Date()) {
        format = Self.format
        version = Self.currentVersion
        taskID = config.videoID
        status = .running
        self.config = config
        self.options = options
        self.stages = stages.map { Stage(name: $0, status: .pending) }
        createdAt = now
        updatedAt = now
    }

    enum CodingKeys: String, CodingKey {
        case format, version, taskID = "task_id", status, config, options, stages, createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
