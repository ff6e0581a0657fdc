import Foundation

/// Where a whole task is.
public enum TaskStatus: String, Codable, Sendable {
    /// Started and not finished (or stopped on purpose after a stage).
    case running
    /// Every stage completed.
    case completed
    /// A stage failed; `vgen resume` tries again from it.
    case failed
    /// Cancelled (Ctrl-C); `vgen resume` continues it.
    case cancelled
}

/// Where one stage of a task is.
public enum StageStatus: String, Codable, Sendable {
    /// Not run yet, or to be run again.
    case pending
    /// Running (or killed while running).
    case running
    /// Finished, with its output saved.
    case completed
    /// Failed with `StageRecord.error`.
    case failed
}

/// One stage's record in a task's state.
public struct StageRecord: Codable, Sendable, Hashable {
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
    /// How many times it was tried in its last run (more than 1 after retries).
    public var attempts: Int?

    /// A stage that has not run.
    /// - Parameter name: The stage's name.
    public init(name: String) {
        self.name = name
        status = .pending
    }

    enum CodingKeys: String, CodingKey {
        case name, status, startedAt = "started_at", completedAt = "completed_at", error, attempts
    }
}

/// The saved state of one task (one video's folder): what kind of task it is, what it was
/// started with, and how far each stage has come. The engine writes it atomically to
/// `state.json` after every stage, so a killed run can be resumed where it stopped
/// (`vgen resume`), and `vgen status` reads it.
public struct TaskState<Input: Codable & Sendable>: Codable, Sendable {
    /// The file's format tag; anything else is a foreign file.
    public static var format: String { TaskStore.format }

    /// `vgen-task-state`.
    public var format: String
    /// The format version.
    public var version: Int
    /// The kind of task, for example `document` or `montage`.
    public var kind: String
    /// The task's id: the video's id, the name of its folder.
    public var taskID: String
    /// Where the task is.
    public var status: TaskStatus
    /// What the task was started with (the video, its settings).
    public var input: Input
    /// The stages in order.
    public var stages: [StageRecord]
    /// When the task was created.
    public var createdAt: Date
    /// When the state was last written.
    public var updatedAt: Date

    /// A new task with every stage pending.
    /// - Parameters:
    ///   - kind: The kind of task.
    ///   - taskID: The video's id.
    ///   - input: What the task is started with.
    ///   - stages: The stages' names, in order.
    ///   - now: The creation time.
    public init(kind: String, taskID: String, input: Input, stages: [String], now: Date = Date()) {
        format = TaskStore.format
        version = TaskStore.currentVersion
        self.kind = kind
        self.taskID = taskID
        status = .running
        self.input = input
        self.stages = stages.map(StageRecord.init(name:))
        createdAt = now
        updatedAt = now
    }

    /// The first stage that has not completed, if any.
    public var nextStage: String? { stages.first { $0.status != .completed }?.name }

    /// Whether `stage` completed.
    /// - Parameter stage: A stage's name.
    /// - Returns: `true` when its record says completed.
    public func isCompleted(_ stage: String) -> Bool {
        stages.contains { $0.name == stage && $0.status == .completed }
    }

    /// Records a stage's new status; a stage that starts again sends every later one back to pending.
    mutating func mark(_ stage: String, _ status: StageStatus, error: String? = nil, now: Date = Date()) {
        guard let i = stages.firstIndex(where: { $0.name == stage }) else { return }
        stages[i].status = status
        stages[i].error = error
        if status == .running {
            stages[i].startedAt = now
            stages[i].attempts = 1
            for j in stages.indices where j > i { stages[j].status = .pending }
        }
        if status == .completed { stages[i].completedAt = now }
        updatedAt = now
    }

    enum CodingKeys: String, CodingKey {
        case format, version, kind, taskID = "task_id", status, input, stages, createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// What `vgen status` shows of any task, whatever its kind.
public struct TaskSummary: Decodable, Sendable {
    /// The kind of task.
    public var kind: String
    /// The video's id.
    public var taskID: String
    /// Where the task is.
    public var status: TaskStatus
    /// The stages in order.
    public var stages: [StageRecord]

    /// The first stage that has not completed, if any.
    public var nextStage: String? { stages.first { $0.status != .completed }?.name }

    enum CodingKeys: String, CodingKey { case kind, taskID = "task_id", status, stages }
}
