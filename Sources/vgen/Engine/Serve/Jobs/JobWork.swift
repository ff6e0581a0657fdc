import ArgumentParser
import Foundation
import VGenCommandLine
import VideoAI
import VideoCore
import VideoRender

/// Runs one job's work with the pipelines the command line builds (`vgen render`,
/// `vgen montage`, `vgen resume`), in the job's folder: `input/` holds what was uploaded,
/// `output/<video_id>/` the task.
struct JobWork: Sendable {
    /// The job's folder, `<data>/jobs/<id>/`.
    var folder: URL
    /// Encoder threads per job (`--jobs`).
    var jobs: Int

    var input: URL { folder.appendingPathComponent("input", isDirectory: true) }
    var output: URL { folder.appendingPathComponent("output", isDirectory: true) }

    /// What a finished job produced.
    struct Outcome: Sendable {
        var videoID: String
        var taskDirectory: URL
    }

    /// The stage names of a job of this kind, in order, for its progress.
    static func stageNames(of kind: JobKind) -> [String] {
        switch kind {
        case .video: VideoPipeline(options: RenderOptions()).stageNames
        case .montage: ["music", "media", "plan", "render", "output"]
        case .edit: TalkPipeline.stageNames
        }
    }

    /// Checks a spec's options as the command line would, before the job is accepted.
    /// - Throws: `VideoError` or the argument parser's error naming the option.
    static func validate(_ spec: JobSpec) throws {
        switch spec.kind {
        case .video:
            let render = try RenderArguments.parse(spec.arguments)
            _ = try render.options()
            _ = try render.overrides()
            _ = try render.budget()
            if let id = render.videoId { try VideoConfig.validate(videoID: id) }
            guard LanguageModelSetup.narrationModes.contains(render.narration) else {
                throw VideoError(.invalidInput, "unknown narration writer '\(render.narration)'", field: "narration")
            }
        case .montage:
            let command = try MontageCommand.parse(spec.arguments + ["--music", "song"])
            try VideoConfig.validate(videoID: try command.settings().videoID)
            _ = try command.encoder()
            guard MediaOrder(rawValue: command.order) != nil else {
                throw VideoError(.invalidInput, "unknown order '\(command.order)'", field: "order")
            }
        case .edit:
            let command = try EditCommand.parse(spec.arguments + ["talk.mp4"])
            _ = try command.talkTask()
            if let id = command.output.videoId { try VideoConfig.validate(videoID: id) }
        }
    }

    /// Runs the job: resumes its task when `output/<videoID>/state.json` exists, else starts it.
    /// - Parameters:
    ///   - spec: What was submitted.
    ///   - videoID: The video id a previous attempt recorded, if any.
    ///   - started: Called with the video id as soon as it is known (before the first stage).
    ///   - events: The pipeline's events.
    /// - Returns: The video id and the task folder.
    /// - Throws: What the pipeline throws; `CancellationError` when cancelled.
    func run(
        _ spec: JobSpec, videoID: String?, started: @Sendable (String) async throws -> Void,
        events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> Outcome {
        try AtomicFile.makeDirectory(output)
        if let videoID {
            let directory = output.appendingPathComponent(videoID, isDirectory: true)
            if (try? TaskStore.kind(of: directory)) != nil {
                try await resume(spec, directory: directory, events: events)
                return Outcome(videoID: videoID, taskDirectory: directory)
            }
        }
        switch spec.kind {
        case .video: return try await renderVideo(spec, started: started, events: events)
        case .montage: return try await renderMontage(spec, started: started, events: events)
        case .edit: return try await renderEdit(spec, started: started, events: events)
        }
    }

    private func resume(
        _ spec: JobSpec, directory: URL, events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws {
        switch spec.kind {
        case .edit:
            _ = try await TalkPipeline().resume(taskDirectory: directory, events: events)
        case .montage:
            _ = try await MontagePipeline(render: MontageRenderStage(jobs: jobs)).resume(
                taskDirectory: directory, events: events)
        case .video:
            guard let state = try VideoPipeline.state(of: directory) else {
                throw VideoError(.invalidInput, "the job's folder holds no task")
            }
            let render = try RenderArguments.parse(spec.arguments)
            _ = try await LanguageModelSetup.pipeline(
                narration: render.narration, options: state.input.options, jobs: jobs
            )
            .resume(taskDirectory: directory, events: events)
        }
    }

    private func renderVideo(
        _ spec: JobSpec, started: @Sendable (String) async throws -> Void,
        events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> Outcome {
        let render = try RenderArguments.parse(spec.arguments + ["--output-dir", output.path])
        let config: VideoConfig
        let options: RenderOptions
        if let document = spec.document {
            let read = try render.documentAdapter(input.appendingPathComponent(document)).read()
            for warning in read.warnings { events(.warning(warning)) }
            (config, options) = (try render.apply(to: read.config), try render.options())
        } else if let yaml = spec.yaml {
            let videos = try YAMLAdapter(url: input.appendingPathComponent(yaml), overrides: try render.overrides())
                .readVideos()
            guard videos.count == 1, let video = videos.first else {
                throw VideoError(
                    .invalidInput, "a job renders one video; the spec holds \(videos.count)", field: "yaml")
            }
            (config, options) = (try render.apply(to: video.config), try render.options(of: video))
        } else if let prompt = spec.prompt {
            (config, options) = try await LanguageModelSetup.plan(
                prompt: prompt, duration: try render.budget()?.targetSeconds, render: render)
        } else {
            throw VideoError(.invalidInput, "pass a document, a yaml spec or a prompt", field: "document")
        }
        try await started(config.videoID)
        let pipeline = try LanguageModelSetup.pipeline(narration: render.narration, options: options, jobs: jobs)
        let result = try await pipeline.render(config, to: output, restart: true, events: events)
        return Outcome(videoID: config.videoID, taskDirectory: result.directory)
    }

    private func renderMontage(
        _ spec: JobSpec, started: @Sendable (String) async throws -> Void,
        events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> Outcome {
        guard let song = spec.song else { throw VideoError(.invalidInput, "a montage needs a song", field: "song") }
        let songURL = input.appendingPathComponent(song)
        let command = try MontageCommand.parse(spec.arguments + ["--music", songURL.path])
        let settings = try command.settings()
        guard let order = MediaOrder(rawValue: command.order) else {
            throw VideoError(.invalidInput, "unknown order '\(command.order)'", field: "order")
        }
        try await started(settings.videoID)
        let (preset, crf) = try command.encoder()
        let pipeline = MontagePipeline(render: MontageRenderStage(preset: preset, crf: crf, jobs: jobs))
        let result = try await pipeline.render(
            media: spec.media.map { input.appendingPathComponent($0) }, music: songURL, order: order,
            settings: settings, to: output, events: events)
        return Outcome(videoID: settings.videoID, taskDirectory: result.directory)
    }

    private func renderEdit(
        _ spec: JobSpec, started: @Sendable (String) async throws -> Void,
        events: @escaping @Sendable (PipelineEvent) -> Void
    ) async throws -> Outcome {
        guard let talk = spec.talk else { throw VideoError(.invalidInput, "an edit needs a talk", field: "talk") }
        var arguments = spec.arguments + [input.appendingPathComponent(talk).path]
        if let transcript = spec.transcript {
            arguments += ["--transcript", input.appendingPathComponent(transcript).path]
        }
        let command = try EditCommand.parse(arguments)
        let videoID = command.output.videoId ?? "talk"
        try await started(videoID)
        let result = try await TalkPipeline().render(
            try command.talkTask(), videoID: videoID, to: output, events: events)
        return Outcome(videoID: videoID, taskDirectory: result.directory)
    }
}
