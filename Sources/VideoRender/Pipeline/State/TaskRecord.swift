import Foundation

/// What every saved task state has, whatever it makes: an id, a status and its stages.
///
/// `TaskState` (a document video) and `MontageTaskState` (a montage) conform; `TaskStore`
/// writes either to `state.json`, and `vgen status` and `vgen resume` read either.
public protocol TaskRecord: Codable, Sendable {
    /// The task's id: the video's id.
    var taskID: String { get }
    /// Where the task is.
    var status: TaskState.Status { get set }
    /// The stages in order.
    var stages: [TaskState.Stage] { get set }
    /// When the state was last written.
    var updatedAt: Date { get set }
}

extension TaskRecord {
    /// The first stage that has not completed, if any.
    public var nextStage: String? { stages.first { $0.status != .completed }?.name }

    /// Whether `stage` completed.
    public func isCompleted(_ stage: String) -> Bool { stages.contains { $0.name == stage && $0.status == .completed } }

    mutating func mark(_ stage: String, _ status: TaskState.StageStatus, error: String? = nil, now: Date = Date()) {
        guard let i = stages.firstIndex(where: { $0.name == stage }) else { return }
        stages[i].status = status
        stages[i].error = error
        if status == .running { stages[i].startedAt = now }
        if status == .completed { stages[i].completedAt = now }
        // Everything after a re-run stage must run again.
        if status == .running { for j in stages.indices where j > i { stages[j].status = .pending } }
        updatedAt = now
    }
}
