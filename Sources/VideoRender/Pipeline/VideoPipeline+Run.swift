import Foundation

extension VideoPipeline {
    /// Runs the task's stages from the first that has not completed, reusing the saved output
    /// of the others, and saves the state after each.
    func run(
        _ initial: TaskState, in directory: URL, stopAfter: String?, events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> RenderResult? {
        let runner = StageRunner(state: initial, directory: directory, events: events)
        return try await runner.runTask(
            {
                let scriptURL = directory.appendingPathComponent("script.json")
                var scripted = try await runner.step(script, initial.config, saved: { try Self.loadScript(scriptURL) })
                {
                    output in
                    try AtomicFile.writeJSON(output, to: scriptURL)
                }
                if stopAfter == script.name { try runner.stop(); return nil }
                for stage in insertedStages {
                    let url = directory.appendingPathComponent("stage-\(stage.name).json")
                    scripted = try await runner.step(stage, scripted, saved: { try Self.loadScript(url) }) { output in
                        try output.validate()
                        try AtomicFile.writeJSON(output, to: url)
                    }
                    if stopAfter == stage.name { try runner.stop(); return nil }
                }
                let narrated = try await runner.step(
                    audio, scripted, saved: { try audio.load(scripted, from: directory) })
                if stopAfter == audio.name { try runner.stop(); return nil }
                let partial = directory.appendingPathComponent(".video.mp4.partial")
                let encoded = try await runner.step(video, narrated) {
                    guard FileManager.default.fileExists(atPath: partial.path) else {
                        throw VideoError(.io, "no encoded video")
                    }
                    return partial
                }
                if stopAfter == video.name { try runner.stop(); return nil }
                var result = try await runner.step(output, OutputStage.Input(video: narrated, encoded: encoded)) {
                    try OutputStage.load(narrated, from: directory)
                }
                result.warnings = runner.warnings.messages
                result.stageSeconds = runner.seconds
                return result
            }, videoURL: \.videoURL)
    }

    static func loadScript(_ url: URL) throws -> VideoConfig {
        try JSONDecoder().decode(VideoConfig.self, from: Data(contentsOf: url))
    }
}

/// Collects warnings from stage events (which may arrive from any task).
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ message: String) { lock.withLock { storage.append(message) } }
    var messages: [String] { lock.withLock { storage } }
}
