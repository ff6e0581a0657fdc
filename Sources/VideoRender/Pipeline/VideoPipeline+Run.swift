import Foundation

extension VideoPipeline {
    /// Runs the task's stages from the first that has not completed, reusing the saved output
    /// of the others, and saves the state after each.
    func run(
        _ initial: TaskState, in directory: URL, stopAfter: String?, events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> RenderResult? {
        let warnings = WarningLog()
        let context = PipelineContext(directory: directory) { event in
            if case .warning(let message) = event { warnings.append(message) }
            events(event)
        }
        let runner = StageRunner(state: initial, directory: directory, context: context)
        events(.pipelineStarted(taskID: initial.taskID))
        do {
            try runner.save(status: .running)
            let scriptURL = directory.appendingPathComponent("script.json")
            var scripted = try await runner.step(script, initial.config, saved: { try Self.loadScript(scriptURL) }) {
                output in
                try AtomicFile.writeJSON(output, to: scriptURL)
            }
            if stopAfter == script.name { return try runner.stop() }
            for stage in insertedStages {
                let url = directory.appendingPathComponent("stage-\(stage.name).json")
                scripted = try await runner.step(stage, scripted, saved: { try Self.loadScript(url) }) { output in
                    try output.validate()
                    try AtomicFile.writeJSON(output, to: url)
                }
                if stopAfter == stage.name { return try runner.stop() }
            }
            let narrated = try await runner.step(audio, scripted, saved: { try audio.load(scripted, from: directory) })
            if stopAfter == audio.name { return try runner.stop() }
            let partial = directory.appendingPathComponent(".video.mp4.partial")
            let encoded = try await runner.step(video, narrated) {
                guard FileManager.default.fileExists(atPath: partial.path) else {
                    throw VideoError(.io, "no encoded video")
                }
                return partial
            }
            if stopAfter == video.name { return try runner.stop() }
            var result = try await runner.step(output, OutputStage.Input(video: narrated, encoded: encoded)) {
                try OutputStage.load(narrated, from: directory)
            }
            try runner.save(status: .completed)
            result.warnings = warnings.messages
            result.stageSeconds = runner.seconds
            events(.pipelineCompleted(videoPath: result.videoURL.path))
            return result
        } catch {
            try? runner.save(status: error is CancellationError ? .cancelled : .failed)
            events(.pipelineFailed(message: error is CancellationError ? "cancelled" : "\(error)"))
            throw error
        }
    }

    static func loadScript(_ url: URL) throws -> VideoConfig {
        try JSONDecoder().decode(VideoConfig.self, from: Data(contentsOf: url))
    }
}

/// Runs stages one by one for `VideoPipeline`, keeping the task state and its timings.
final class StageRunner: @unchecked Sendable {
    private(set) var state: TaskState
    private let directory: URL
    private let context: PipelineContext
    private(set) var seconds: [(stage: String, seconds: Double)] = []

    init(state: TaskState, directory: URL, context: PipelineContext) {
        self.state = state
        self.directory = directory
        self.context = context
    }

    func save(status: TaskState.Status) throws {
        state.status = status
        state.updatedAt = Date()
        try TaskStore.save(state, to: directory)
    }

    /// The state after stopping early on purpose.
    func stop() throws -> RenderResult? {
        try save(status: .running)
        return nil
    }

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

/// Collects warnings from stage events (which may arrive from any task).
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ message: String) { lock.withLock { storage.append(message) } }
    var messages: [String] { lock.withLock { storage } }
}
