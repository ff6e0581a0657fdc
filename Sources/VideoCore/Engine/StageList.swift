import Foundation

/// The declared, ordered stages of one kind of task, each with how its input is made from
/// the task's input and the outputs of the stages before it.
///
/// ```swift
/// var stages = StageList()
/// stages.append(script) { _ in config }
/// stages.append(audio) { outputs in try outputs.output(of: script) }
/// ```
///
/// Stage names must be unique within a list; `TaskEngine` refuses a list that repeats one.
public struct StageList: Sendable {
    /// One stage, type-erased.
    struct Entry: Sendable {
        var name: String
        var outputFile: String
        var draws: Bool
        var run: @Sendable (StageOutputs, PipelineContext) async throws -> any Sendable
        var save: @Sendable (any Sendable, PipelineContext) throws -> Void
        var load: @Sendable (PipelineContext) -> (any Sendable)?
    }

    private(set) var entries: [Entry] = []

    /// The file the task makes in its folder (named in `pipelineCompleted`); `video.mp4` by default.
    public var product = "video.mp4"

    /// An empty list.
    public init() {}

    /// The stages' names, in order.
    public var names: [String] { entries.map(\.name) }

    /// Appends a stage.
    /// - Parameters:
    ///   - stage: The stage.
    ///   - input: Makes the stage's input from the outputs of the stages before it (and
    ///     whatever the closure captured, such as the task's input).
    public mutating func append<S: PipelineStage>(
        _ stage: S, input: @escaping @Sendable (StageOutputs) throws -> S.Input
    ) {
        entries.append(
            Entry(
                name: stage.name, outputFile: stage.outputFile, draws: stage.draws,
                run: { outputs, context in try await stage.run(try input(outputs), context: context) },
                save: { output, context in
                    guard let output = output as? S.Output else { return }
                    try AtomicFile.writeJSON(output, to: context.file(stage.outputFile))
                },
                load: { context in
                    guard let data = try? Data(contentsOf: context.file(stage.outputFile)),
                        let output = try? JSONDecoder().decode(S.Output.self, from: data),
                        stage.canReuse(output, context: context)
                    else { return nil }
                    return output
                }))
    }
}

/// The outputs of the stages that have run (or been reused) so far in a task.
public struct StageOutputs: Sendable {
    private var values: [String: any Sendable] = [:]

    init() {}

    mutating func set(_ value: any Sendable, for stage: String) { values[stage] = value }

    /// The output of `stage`, which must come before the stage asking.
    /// - Parameter stage: A stage of the list.
    /// - Returns: Its output.
    /// - Throws: `VideoError` (`.invalidInput`) when the stage has not run in this task.
    public func output<S: PipelineStage>(of stage: S) throws -> S.Output {
        guard let value = values[stage.name] as? S.Output else {
            throw VideoError(.invalidInput, "stage '\(stage.name)' has no output in this task")
        }
        return value
    }

    /// The output of the stage named `name`, when it ran and is of type `T`.
    /// - Parameters:
    ///   - name: The stage's name.
    ///   - type: The output's type.
    /// - Returns: The output, or `nil`.
    public func output<T>(named name: String, as type: T.Type) -> T? { values[name] as? T }
}
