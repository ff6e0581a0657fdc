import Foundation

/// Runs a task's stages one by one (for `VideoPipeline` and `MontagePipeline`), saving its
/// state after each, reusing the saved output of stages that completed before, and keeping
/// their timings.
final class StageRunner<State: TaskRecord>: @unchecked Sendable {
    private(set) var state: State
    private let directory: URL
    private let context: PipelineContext
    private(set) var seconds: [(stage: String, seconds: Double)] = []

    init(state: State, directory: URL, context: PipelineContext) {
        self.state = state
        self.directory = directory
        self.context = context
    }

    func save(status: TaskState.Status) throws {
        state.status = status
        state.updatedAt = Date()
        try TaskStore.save(state, to: directory)
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
