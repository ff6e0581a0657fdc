import Foundation

/// One step of making a video, run by the `TaskEngine` as one entry of a `StageList`.
///
/// A document video is the list fit → script → audio → video → output; a montage is music →
/// media → plan → render → output. A new kind of video is a new list of stages, not a new
/// orchestrator. The engine runs the list in order, saves each stage's output, reports events
/// around each stage, and on resume reuses the saved output of every stage that completed.
///
/// # Implementation requirements
/// - Read only `input` and files inside `context.directory`; write only inside it, and
///   atomically (temporary file, then rename).
/// - Return everything later stages need as `Output`: the engine writes it as JSON to
///   `outputFile` in the task folder and, on resume, decodes it from there instead of running
///   the stage again. Large data (audio, video) stays in files the output names, relative to
///   the task folder; `canReuse(_:context:)` says whether they are still there.
/// - Report progress through `context.report` and warnings through `context.warn`; throw
///   `VideoError`s with clear messages, marked `isRetryable` when trying again may help (the
///   engine retries the stage).
/// - Check for cancellation between units of work (`try Task.checkCancellation()`), and run
///   blocking C work on dedicated threads, never on the cooperative pool.
/// - Be deterministic: the same input gives the same output and the same files.
public protocol PipelineStage<Input, Output>: Sendable {
    /// What the stage consumes.
    associatedtype Input: Sendable
    /// What the stage produces; saved by the engine.
    associatedtype Output: Codable & Sendable

    /// The stage's name in events, the task state and `--stop-after`, for example `audio`.
    var name: String { get }

    /// The file in the task folder that holds the stage's saved output. The default is
    /// `stage-<name>.json`.
    var outputFile: String { get }

    /// Whether the stage draws pictures. A plan (`TaskEngine.plan`) runs a list up to its first
    /// drawing stage. The default is `false`.
    var draws: Bool { get }

    /// Runs the stage.
    /// - Parameters:
    ///   - input: What earlier stages produced, as the stage list hands it over.
    ///   - context: The task folder and the event sink.
    /// - Returns: The stage's output.
    /// - Throws: `VideoError`, or `CancellationError` when the task was cancelled.
    func run(_ input: Input, context: PipelineContext) async throws -> Output

    /// Whether a saved output can be used again (the files it names are still there and
    /// whole). The default is `true`.
    /// - Parameters:
    ///   - output: The output an earlier run saved.
    ///   - context: The task folder.
    /// - Returns: `false` to run the stage again.
    func canReuse(_ output: Output, context: PipelineContext) -> Bool
}

extension PipelineStage {
    /// `stage-<name>.json`.
    public var outputFile: String { "stage-\(name).json" }

    /// `false`: the stage draws nothing.
    public var draws: Bool { false }

    /// `true`: the saved output is all the stage made.
    public func canReuse(_ output: Output, context: PipelineContext) -> Bool { true }
}

/// What every stage of one run shares.
public struct PipelineContext: Sendable {
    /// The task folder; stages write only inside it.
    public var directory: URL
    /// Receives events; may be called from any task or thread.
    public var events: @Sendable (PipelineEvent) -> Void

    /// Creates a context.
    /// - Parameters:
    ///   - directory: The task folder.
    ///   - events: The event sink.
    public init(directory: URL, events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }) {
        self.directory = directory
        self.events = events
    }

    /// Reports progress of `stage`.
    /// - Parameters:
    ///   - stage: The stage's name.
    ///   - fraction: How far it has come, 0…1 (clamped).
    ///   - detail: A short description such as "scene 3 of 12".
    ///   - scene: The scene being worked on, from 1.
    ///   - sceneCount: How many scenes there are.
    ///   - frame: Frames done.
    ///   - frameCount: Frames in all.
    public func report(
        _ stage: String, _ fraction: Double, _ detail: String = "", scene: Int? = nil, sceneCount: Int? = nil,
        frame: Int? = nil, frameCount: Int? = nil
    ) {
        events(
            .progress(
                StageProgress(
                    stage: stage, fraction: min(max(fraction, 0), 1), detail: detail, scene: scene,
                    sceneCount: sceneCount, frame: frame, frameCount: frameCount)))
    }

    /// Reports a warning the user should see.
    /// - Parameter message: One line.
    public func warn(_ message: String) { events(.warning(message)) }

    /// A file in the task folder.
    /// - Parameter name: The path relative to the folder.
    /// - Returns: Its URL.
    public func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
}
