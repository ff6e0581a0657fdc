import Foundation

/// Runs a task's stages one by one (for `VideoPipeline` and `MontagePipeline`), saving its
/// state after each, reusing the saved output of stages that completed before, and keeping
/// their timings.
final class StageRunner<State: TaskRecord>: @unchecked Sendable {
    private(set) var state: State
    private let directory: URL
    private let context: PipelineContext
    /// The warnings the stages raised.
    let warnings = WarningLog()
    private(set) var seconds: [(stage: String, seconds: Double)] = []

    /// Prepares a run in `directory`; `events` receives every event (warnings are also kept).
    init(state: State, directory: URL, events: @escaping @Sendable (PipelineEvent) -> Void) {
        self.state = state
        self.directory = directory
        let warnings = self.warnings
        context = PipelineContext(directory: directory) { event in
            if case .warning(let message) = event { warnings.append(message) }
            events(event)
        }
    }

    func save(status: TaskState.Status) throws {
        state.status = status
        state.updatedAt = Date()
        try TaskStore.save(state, to: directory)
    }

    /// Runs a whole task: `body` runs the stages and returns the result, or `nil` after stopping
    /// early on purpose. Saves the state as completed, or as cancelled or failed when `body`
    /// throws, and reports the pipeline's start and end.
    func runTask<Result>(_ body: () async throws -> Result?, videoURL: (Result) -> URL) async throws -> Result? {
        context.events(.pipelineStarted(taskID: state.taskID))
        do {
            try save(status: .running)
            guard let result = try await body() else { return nil }
            try save(status: .completed)
            context.events(.pipelineCompleted(videoPath: videoURL(result).path))
            return result
        } catch {
            try? save(status: error is CancellationError ? .cancelled : .failed)
            context.events(.pipelineFailed(message: error is CancellationError ? "cancelled" : "\(error)"))
            throw error
        }
    }

    /// Saves the state after stopping early on purpose.
    func stop() throws { try save(status: .running) }

    /// Runs `stage`, or reuses its saved output when it completed before and `saved` can read it.
    func step<S: PipelineStage>(
        _ stage: S, _ input: S.Input, saved: () throws -> S.Output, persist: (S.Output) throws -> Void = { _ in }
    ) async throws -> S.Output {
        if state.isCompleted(stage.name), let output = try? saved() {
            context.events(.stageSkipped(stage.name))
            return output
        }
        state.mark(stage.name, .running)
        try TaskStore.save(state, to: directory)
        context.events(.stageStarted(stage.name))
        let start = Date()
        do {
            try Task.checkCancellation()
            let output = try await stage.run(input, context: context)
            try persist(output)
            let elapsed = Date().timeIntervalSince(start)
            seconds.append((stage.name, elapsed))
            state.mark(stage.name, .completed)
            try TaskStore.save(state, to: directory)
            context.events(.stageCompleted(stage.name, seconds: elapsed))
            return output
        } catch {
            let message = error is CancellationError ? "cancelled" : "\(error)"
            state.mark(stage.name, .failed, error: message)
            context.events(.stageFailed(stage.name, message: message))
            throw error
        }
    }
}
