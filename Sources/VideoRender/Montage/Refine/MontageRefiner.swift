import Foundation
import VideoAI
import VideoCore

/// `vgen refine`: a montage planned again from feedback, as a new version kept beside the others.

/// Refines a finished montage in its task folder.
///
/// The first refinement keeps the original as version 0 (`versions/0/`: timeline.json,
/// video.mp4, thumbnail.png, analysis.json, state.json, and media.json, the analysed media
/// every later version is planned from). Each refinement adds the feedback's edits to the
/// previous version's `MontageRefinement`, plans the original media and song with it, renders
/// the timeline into the folder (chunks whose segments did not change are reused from
/// `segments/`), and copies the result to `versions/<n>/`; `history.json` records the
/// feedback, the edits and the score. `undo` puts the previous version's files back, byte for
/// byte.
public struct MontageRefiner: Sendable {
    /// Renders the refined timelines.
    public var pipeline: MontagePipeline
    /// Reads feedback the grammar cannot, when a language model is configured.
    public var interpreter: FeedbackInterpreter?

    /// Creates a refiner.
    /// - Parameters:
    ///   - pipeline: The montage pipeline that renders each version.
    ///   - interpreter: Reads free-form feedback with a language model; `nil` for the grammar only.
    public init(pipeline: MontagePipeline = MontagePipeline(), interpreter: FeedbackInterpreter? = nil) {
        self.pipeline = pipeline
        self.interpreter = interpreter
    }

    /// What one refinement made.
    public struct Result: Sendable {
        /// The new version's entry in the history.
        public var version: RefineHistory.Version
        /// The rendered montage.
        public var montage: MontageResult
    }

    /// The edits `feedback` asks for: the phrase grammar's, or, for feedback it cannot read and
    /// with an interpreter, the language model's.
    /// - Parameters:
    ///   - feedback: The words.
    ///   - mediaNames: The montage's file names, for the model.
    /// - Returns: The edits and where they came from (`grammar` or `language-model`).
    /// - Throws: `VideoError`: the grammar's one-line error naming the phrase (without a model),
    ///   or the model's.
    public func edits(for feedback: String, mediaNames: [String]) async throws -> (
        edits: [RefineEdit], source: String
    ) {
        do {
            return (try FeedbackGrammar().edits(for: feedback), "grammar")
        } catch let error as VideoError {
            guard let interpreter, error.field == "feedback", !feedback.trimmingCharacters(in: .whitespaces).isEmpty
            else { throw error }
            return (try await interpreter.edits(for: feedback, mediaNames: mediaNames), "language-model")
        }
    }

    /// Makes the next version of the montage in `directory` from `feedback`.
    /// - Parameters:
    ///   - directory: The montage's task folder (`<output-dir>/<video_id>`).
    ///   - feedback: What to change, in words.
    ///   - events: Stage, progress and warning events of the render.
    /// - Returns: The new version and the rendered montage.
    /// - Throws: `VideoError` for a folder without a finished planned montage, feedback that
    ///   cannot be read, a match that finds no media; what rendering throws. The folder's
    ///   current version is unchanged by a failure before the render.
    public func refine(
        taskDirectory directory: URL, feedback: String,
        events: @escaping @Sendable (PipelineEvent) -> Void = { _ in }
    ) async throws -> Result {
        // Without a model, feedback the grammar cannot read fails before the folder is touched.
        if interpreter == nil { _ = try FeedbackGrammar().edits(for: feedback) }
        var history = try Self.loadOrStart(directory)
        let base = directory.appendingPathComponent(RefineHistory.folder).appendingPathComponent("0")
        let media = try Self.decode([AnalyzedMedia].self, base.appendingPathComponent("media.json"))
        let profile = try Self.decode(AudioAnalysisProfile.self, base.appendingPathComponent("analysis.json"))
        guard let saved = history.task.settings else {
            throw VideoError(.invalidInput, "the montage in \(directory.path) was not planned from media")
        }
        let settings = try saved.settings(videoID: history.taskID, music: history.task.music)
        let (edits, source) = try await edits(
            for: feedback, mediaNames: media.map { $0.item.url.lastPathComponent })
        var refinement = history.versions.last!.refinement
        for edit in edits { refinement.apply(edit, baseStyle: settings.style.name) }
        var timeline = try refinement.plan(
            media: media, music: profile, settings: settings, planner: pipeline.plan.planner)
        if settings.speedRamp {  // `--speed-ramp` was given to the montage: ramp the new plan too
            let planned = timeline
            timeline = try await DedicatedThread.run(name: "vgen-speed-ramp") { flag in
                try ClipSpeedRamp().apply(to: planned, music: profile, isCancelled: { flag.isCancelled })
            }
        }
        let montage = try await pipeline.render(
            timeline: timeline, to: directory.deletingLastPathComponent(), events: events)
        let number = (history.versions.last?.number ?? 0) + 1
        try Self.snapshot(directory, number: number)
        let version = RefineHistory.Version(
            number: number, feedback: feedback, source: source, edits: edits, refinement: refinement,
            score: timeline.score, renderedChunks: montage.renderedChunks, cachedChunks: montage.cachedChunks)
        history.versions.append(version)
        try history.save(in: directory)
        return Result(version: version, montage: montage)
    }

    /// Goes back one version: the previous version's files replace the folder's, byte for byte,
    /// and the last version's folder is removed.
    /// - Parameter directory: The montage's task folder.
    /// - Returns: The version now current.
    /// - Throws: `VideoError` when there is no refinement to take back.
    @discardableResult
    public func undo(taskDirectory directory: URL) throws -> RefineHistory.Version {
        guard var history = try RefineHistory.load(from: directory), history.versions.count >= 2 else {
            throw VideoError(.invalidInput, "\(directory.path) has no refinement to undo", field: "undo")
        }
        let lock = try TaskLock(directory: directory)
        defer { withExtendedLifetime(lock) {} }
        let removed = history.versions.removeLast()
        let previous = history.versions.last!
        let folder = Self.versionFolder(directory, previous.number)
        for name in RefineHistory.versionFiles {
            let source = folder.appendingPathComponent(name)
            let target = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: source.path) {
                try Self.copy(source, to: target)
            } else {
                try? FileManager.default.removeItem(at: target)
            }
        }
        history.undone.append(removed)
        try history.save(in: directory)
        try? FileManager.default.removeItem(at: Self.versionFolder(directory, removed.number))
        return previous
    }

    // MARK: - Versions

    private static func versionFolder(_ directory: URL, _ number: Int) -> URL {
        directory.appendingPathComponent(RefineHistory.folder).appendingPathComponent(String(number))
    }

    /// The folder's history, or a new one whose version 0 is the finished original montage.
    private static func loadOrStart(_ directory: URL) throws -> RefineHistory {
        if let history = try RefineHistory.load(from: directory) { return history }
        guard let state = try MontagePipeline.state(of: directory), state.input.settings != nil else {
            throw VideoError(
                .invalidInput, "\(directory.path) holds no montage planned from media (run vgen montage first)",
                field: "task")
        }
        for name in ["timeline.json", "video.mp4", "media.json", "analysis.json"]
        where !FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path) {
            throw VideoError(
                .invalidInput, "the montage in \(directory.path) is not finished (no \(name)); run vgen resume",
                field: "task")
        }
        let timeline = try decode(MontageTimeline.self, directory.appendingPathComponent("timeline.json"))
        try snapshot(directory, number: 0, extra: ["media.json"])
        let original = RefineHistory.Version(
            number: 0, feedback: "", source: "original", edits: [], refinement: MontageRefinement(),
            score: timeline.score, renderedChunks: 0, cachedChunks: 0)
        let history = RefineHistory(task: state.input, taskID: state.taskID, versions: [original])
        try history.save(in: directory)
        return history
    }

    /// Copies the folder's current files to `versions/<number>/` (the video as a hard link
    /// where the file system allows: the pipeline replaces it by renaming, never in place).
    private static func snapshot(_ directory: URL, number: Int, extra: [String] = []) throws {
        let folder = versionFolder(directory, number)
        try? FileManager.default.removeItem(at: folder)
        try AtomicFile.makeDirectory(folder)
        for name in RefineHistory.versionFiles + extra {
            let source = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            let target = folder.appendingPathComponent(name)
            if name == "video.mp4", (try? FileManager.default.linkItem(at: source, to: target)) != nil { continue }
            try copy(source, to: target)
        }
    }

    /// Copies `source` over `target` atomically.
    private static func copy(_ source: URL, to target: URL) throws {
        let temporary = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).\(UUID().uuidString).partial")
        do { try FileManager.default.copyItem(at: source, to: temporary) } catch {
            throw VideoError(.io, "cannot copy \(source.path) to \(target.path)", underlying: error)
        }
        try AtomicFile.replace(target, with: temporary)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ url: URL) throws -> T {
        do { return try JSONDecoder().decode(T.self, from: Data(contentsOf: url)) } catch {
            throw VideoError(.invalidInput, "cannot be read", location: .init(file: url.path), underlying: error)
        }
    }
}
