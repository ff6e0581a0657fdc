import Foundation
import VideoCore

extension VideoPipeline {
    /// Renders `config` and delivers its events as an `AsyncStream`, ending after
    /// `.pipelineCompleted` or `.pipelineFailed`. Cancelling the consuming task (or dropping
    /// the stream) cancels the render, whose state stays saved for `resume`.
    ///
    /// ```swift
    /// for try await event in pipeline.eventStream(rendering: config, to: output) {
    ///     if case .progress(let p) = event { print(p.stage, p.fraction) }
    /// }
    /// ```
    public func eventStream(rendering config: VideoConfig, to outputDirectory: URL, restart: Bool = false)
        -> AsyncThrowingStream<PipelineEvent, any Error>
    {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    _ = try await render(config, to: outputDirectory, restart: restart) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
