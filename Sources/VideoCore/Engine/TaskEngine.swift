import Foundation
import Synchronization

/// Runs a `StageList` for one task: the one engine behind every kind of video.
///
/// A task is one video's folder, `<output-dir>/<task-id>/`. The engine takes the folder's lock
/// (`TaskLock`), runs the stages in order, writes each stage's output to its `outputFile` and
/// the task's state to `state.json` after every stage, and reports `PipelineEvent`s around
/// each. It stops after a named stage on request (`--stop-after`), resumes a task from its
/// first stage that has not completed (reusing the saved outputs of the others), retries a
/// stage that failed with a retryable `VideoError`, and saves a cancelled task as `cancelled`.
/// `plan(_:events:)` runs the same list up to its first drawing stage, so a plan cannot
/// diverge from a render.
public struct TaskEngine: Sendable {
    /// How stages that fail with retryable errors are tried again.
    public var retry: RetryPolicy

    /// Creates an engine.
    /// - Parameter retry: The retry policy for stages (3 attempts by default).
    public init(retry: RetryPolicy = RetryPolicy()) {
        self.retry = retry
    }

    /// What a run that went to the end gives back.
    public struct Run: Sendable {
        /// The task folder.
        public var directory: URL
        /// Every stage's output.
        public var outputs: StageOutputs
        /// The warnings the stages raised, in order.
        public var warnings: [String]
        /// Seconds spent in each stage that ran (not in those reused).
        public var stageSeconds: [StageTime]
    }

    /// Starts a new task in `<parent>/<taskID>/`, reusing the caches an earlier task left there.
    /// - Parameters:
    ///   - kind: The kind of task, saved in `state.json` (for example `document`).
    ///   - taskID: The task's id and folder name (validated by the caller).
    ///   - input: What the task is started with, saved in `state.json` for resume.
    ///   - stages: The stages to run.
    ///   - parent: The folder the task folder goes in; created if missing.
    ///   - restart: Remove what an earlier task left in the folder first (only files vgen writes).
    ///   - stopAfter: Stop with the state saved after this stage.
    ///   - events: Receives every event.
    /// - Returns: The run, or `nil` when it stopped after `stopAfter`.
    /// - Throws: `VideoError` for an unknown stage name, a folder held by another process or
    ///   of another kind, a stage's failure; `CancellationError`. The state is saved either way.
    public func start<Input: Codable & Sendable>(
        kind: String, taskID: String, input: Input, stages: StageList, in parent: URL, restart: Bool = false,
        stopAfter: String? = nil, events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> Run? {
        try check(stages, stopAfter: stopAfter)
        let directory = parent.appendingPathComponent(taskID, isDirectory: true)
        try AtomicFile.makeDirectory(directory)
        let lock = try TaskLock(directory: directory)
        defer { withExtendedLifetime(lock) {} }
        if restart {
            TaskStore.clean(directory, outputs: stages.entries.map(\.outputFile))
        } else if let existing = try TaskStore.kind(of: directory), existing != kind {
            throw VideoError(
                .invalidInput, "\(directory.path) holds a \(existing) task; choose another video id or pass --restart",
                field: "video_id")
        }
        let state = TaskState(kind: kind, taskID: taskID, input: input, stages: stages.names)
        return try await run(state, stages: stages, in: directory, stopAfter: stopAfter, events: events)
    }

    /// Continues the task in `directory` from its first stage that has not completed.
    /// - Parameters:
    ///   - type: The task's input type.
    ///   - kind: The kind of task the folder must hold.
    ///   - directory: The task folder.
    ///   - stages: Makes the stage list from the saved state (its input and settings); its
    ///     names must be the ones the task was started with.
    ///   - events: Receives every event.
    /// - Returns: The run.
    /// - Throws: `VideoError` when the folder holds no task of `kind`, another stage list, or a
    ///   stage fails; `CancellationError`.
    public func resume<Input: Codable & Sendable>(
        _ type: Input.Type, kind: String, directory: URL, stages: (TaskState<Input>) throws -> StageList,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> Run {
        let lock = try TaskLock(directory: directory)
        defer { withExtendedLifetime(lock) {} }
        guard let state = try TaskStore.load(type, kind: kind, from: directory) else {
            throw VideoError(.invalidInput, "\(directory.path) holds no vgen task (no \(TaskStore.stateFile))")
        }
        let list = try stages(state)
        try check(list, stopAfter: nil)
        guard state.stages.map(\.name) == list.names else {
            throw VideoError(
                .invalidInput,
                "the task was started with the stages \(state.stages.map(\.name).joined(separator: ", ")); this pipeline has \(list.names.joined(separator: ", "))",
                location: .init(file: directory.appendingPathComponent(TaskStore.stateFile).path))
        }
        return try await run(state, stages: list, in: directory, stopAfter: nil, events: events)!
    }

    /// Runs `stages` up to (not including) the first stage that draws, in a temporary folder
    /// that is removed afterwards, and returns their outputs: what a render would have
    /// computed before drawing.
    /// - Parameters:
    ///   - stages: The same list a render runs.
    ///   - events: Receives the stages' progress and warnings.
    /// - Returns: The outputs of the stages that ran.
    /// - Throws: What the stages throw.
    public func plan(_ stages: StageList, events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }) async throws
        -> StageOutputs
    {
        try check(stages, stopAfter: nil)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vgen-plan-\(UUID().uuidString)", isDirectory: true)
        try AtomicFile.makeDirectory(directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let context = PipelineContext(directory: directory, events: events)
        var outputs = StageOutputs()
        for entry in stages.entries {
            if entry.draws { break }
            outputs.set(try await attempt(entry, outputs, context: context) { _ in }, for: entry.name)
        }
        return outputs
    }

    private func check(_ stages: StageList, stopAfter: String?) throws {
        guard Set(stages.names).count == stages.names.count else {
            throw VideoError(.invalidInput, "the stage list repeats a name: \(stages.names.joined(separator: ", "))")
        }
        if let stopAfter, !stages.names.contains(stopAfter) {
            throw VideoError(
                .invalidInput, "unknown stage '\(stopAfter)'; valid: \(stages.names.joined(separator: ", "))",
                field: "stop_after")
        }
    }

    /// Runs the task's stages from the first that has not completed, saving the state after each.
    private func run<Input>(
        _ initial: TaskState<Input>, stages: StageList, in directory: URL, stopAfter: String?,
        events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> Run? {
        var state = initial
        let warnings = Mutex<[String]>([])
        let context = PipelineContext(directory: directory) { event in
            if case .warning(let message) = event { warnings.withLock { $0.append(message) } }
            events(event)
        }
        func save(_ status: TaskStatus) throws {
            state.status = status
            state.updatedAt = Date()
            try TaskStore.save(state, to: directory)
        }
        var outputs = StageOutputs()
        var seconds: [StageTime] = []
        events(.pipelineStarted(taskID: state.taskID))
        do {
            try save(.running)
            for entry in stages.entries {
                if state.isCompleted(entry.name), let saved = entry.load(context) {
                    outputs.set(saved, for: entry.name)
                    events(.stageSkipped(entry.name))
                } else {
                    state.mark(entry.name, .running)
                    try save(.running)
                    events(.stageStarted(entry.name))
                    let clock = ContinuousClock.now
                    do {
                        try Task.checkCancellation()
                        let output = try await attempt(entry, outputs, context: context) { attempts in
                            if let i = state.stages.firstIndex(where: { $0.name == entry.name }) {
                                state.stages[i].attempts = attempts
                            }
                        }
                        try entry.save(output, context)
                        outputs.set(output, for: entry.name)
                        let elapsed = ContinuousClock.now - clock
                        let time = StageTime(
                            stage: entry.name,
                            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                        )
                        seconds.append(time)
                        state.mark(entry.name, .completed)
                        try save(.running)
                        events(.stageCompleted(entry.name, seconds: time.seconds))
                    } catch {
                        let message = error is CancellationError ? "cancelled" : "\(error)"
                        state.mark(entry.name, .failed, error: message)
                        events(.stageFailed(entry.name, message: message))
                        throw error
                    }
                }
                if stopAfter == entry.name {
                    try save(.running)
                    return nil
                }
            }
            try save(.completed)
            events(.pipelineCompleted(videoPath: directory.appendingPathComponent(stages.product).path))
            return Run(
                directory: directory, outputs: outputs, warnings: warnings.withLock { $0 }, stageSeconds: seconds)
        } catch {
            try? save(error is CancellationError ? .cancelled : .failed)
            events(.pipelineFailed(message: error is CancellationError ? "cancelled" : "\(error)"))
            throw error
        }
    }

    /// Runs one stage, trying again on retryable errors; `attempts` hears each new attempt's number.
    private func attempt(
        _ entry: StageList.Entry, _ outputs: StageOutputs, context: PipelineContext, attempts: (Int) -> Void
    ) async throws -> any Sendable {
        try await retry.run(onRetry: { attempt, error in
            attempts(attempt + 1)
            context.warn(
                "stage \(entry.name) failed (\(error.message)); trying again, attempt \(attempt + 1) of \(retry.attempts)"
            )
        }) {
            try await entry.run(outputs, context)
        }
    }
}

/// How long one stage took.
public struct StageTime: Sendable, Hashable, Codable {
    /// The stage's name.
    public var stage: String
    /// Seconds of wall time.
    public var seconds: Double
}
