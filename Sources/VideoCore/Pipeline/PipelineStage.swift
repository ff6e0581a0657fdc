import Foundation

/// One step of making a video: input → parsing → script → audio → video → output.
///
/// Stages are separate types with their own input and output, run in order by one
/// orchestrator (`VideoPipeline` in VideoRender), which reports events around each. A library
/// user can replace the script stage, or insert stages of their own between script and audio
/// (any `PipelineStage<VideoConfig, VideoConfig>`: a translator, an LLM editor, a checker).
///
/// # Implementation requirements
/// - Read only `input` and files inside `context.directory`; write only inside it, and
///   atomically (temp file, then rename).
/// - Report progress through `context.report` and throw `VideoError`s with clear messages.
/// - Check for cancellation between units of work (`try Task.checkCancellation()`).
public protocol PipelineStage<Input, Output>: Sendable {
    /// What the stage consumes.
    associatedtype Input: Sendable
    /// What the stage produces.
    associatedtype Output: Sendable

    /// The stage's name in events and logs, for example `audio`.
    var name: String { get }

    /// Runs the stage.
    func run(_ input: Input, context: PipelineContext) async throws -> Output
}

/// What every stage of one run shares.
public struct PipelineContext: Sendable {
    /// The video's output folder; stages write only inside it.
    public var directory: URL
    /// Receives events; called from the stage's task.
    public var events: @Sendable (PipelineEvent) -> Void

    /// Creates a context.
    public init(directory: URL, events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }) {
        self.directory = directory
        self.events = events
    }

    /// Reports progress of `stage` (0…1) with a short detail such as "scene 3 of 12".
    public func report(
        _ stage: String, _ fraction: Double, _ detail: String = "", scene: Int? = nil, sceneCount: Int? = nil,
        frame: Int? = nil, frameCount: Int? = nil
    ) {
        events(
            .progress(
                StageProgress(
                    stage: stage, fraction: min(max(fraction, 0), 1), detail: detail, scene: scene,
                    sceneCount: sceneCount,
                    frame: frame, frameCount: frameCount)))
    }

    /// Reports a warning the user should see.
    public func warn(_ message: String) { events(.warning(message)) }
}
