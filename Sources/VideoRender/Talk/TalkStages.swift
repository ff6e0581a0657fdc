import Foundation
import VideoAI
import VideoCore

/// Reads the given transcript, or recognizes the recording's speech with pocketsphinx;
/// saves `transcript.json`.
public struct TalkTranscriptStage: PipelineStage {
    /// The recording and, if given, its transcript file.
    public struct Input: Sendable {
        var source: URL
        var transcript: URL?
    }

    /// `transcript`.
    public let name = "transcript"
    /// `transcript.json`.
    public var outputFile: String { "transcript.json" }

    /// Creates the stage.
    public init() {}

    /// Parses the transcript file or runs the recognizer.
    /// - Parameters:
    ///   - input: The recording and the transcript file.
    ///   - context: The task folder and the event sink.
    /// - Returns: The transcript in source time.
    /// - Throws: `VideoError` for a bad transcript or a failed recognizer.
    public func run(_ input: Input, context: PipelineContext) async throws -> Transcript {
        if let file = input.transcript { return try TranscriptParser().parse(contentsOf: file) }
        context.report(name, 0, "recognizing speech with pocketsphinx")
        return try await PocketSphinxRecognizer().transcribe(contentsOf: input.source)
    }
}

/// Plans the clean cut (or reads and checks a given `edit.json`); saves `edit.json`.
public struct TalkCutStage: PipelineStage {
    /// The recording, its words, the options and a given cut list.
    public struct Input: Sendable {
        var source: URL
        var transcript: Transcript
        var options: CutOptions
        var edit: URL?
    }

    /// `cut`.
    public let name = "cut"
    /// `edit.json`.
    public var outputFile: String { "edit.json" }

    /// Creates the stage.
    public init() {}

    /// Finds the pauses and fillers and cuts them on frame boundaries.
    /// - Parameters:
    ///   - input: The recording, transcript, options and given cut list.
    ///   - context: The task folder and the event sink.
    /// - Returns: The cut list.
    /// - Throws: `VideoError` for a recording without sound or an invalid given cut list.
    public func run(_ input: Input, context: PipelineContext) async throws -> TalkEdit {
        let info = try MediaProbe.inspect(input.source)
        let fps = max(1, Int(info.fps.rounded()))
        guard info.audioCodec != nil else {
            throw VideoError(.invalidInput, "\(input.source.lastPathComponent) has no sound to edit by", field: "talk")
        }
        if let given = input.edit {
            return try TalkEdit.read(given, fps: fps, sourceDuration: info.videoDuration)
        }
        let (source, transcript, options) = (input.source, input.transcript, input.options)
        return try await DedicatedThread.run(name: "vgen-cut") { _ in
            let sound = try MediaProbe.decodeAudio(source)
            return CutPlanner(options: options).plan(
                samples: sound.samples, sampleRate: sound.sampleRate, fps: fps, duration: info.videoDuration,
                transcript: transcript, source: source.lastPathComponent)
        }
    }
}

/// Renders the cut into `.video.mp4.partial`, with the B-roll over it and the title card and
/// outro around it when asked.
public struct TalkRenderStage: PipelineStage {
    /// The recording, the cut list and its direction.
    public struct Input: Sendable {
        var source: URL
        var edit: TalkEdit
        var direction: TalkDirection? = nil
        var broll: URL? = nil
        var cards: Bool = false
    }

    /// What the render wrote.
    public struct Output: Codable, Sendable {
        /// The unverified MP4, relative to the task folder.
        public var file: String
        /// Frames written.
        public var frames: Int
        /// Samples written, at `sampleRate`.
        public var samples: Int
        /// The sound's rate.
        public var sampleRate: Int
        /// Frames of the title card before the talk (and of the outro after it); `nil` for none.
        public var introFrames: Int? = nil
        /// Pieces encoded by this render and reused from `segments/` (`TalkCutRenderer.segments`).
        public var encodedPieces: Int? = nil
        public var reusedPieces: Int? = nil
    }

    /// `render`.
    public let name = "render"
    /// Draws pictures.
    public var draws: Bool { true }
    /// The x264 preset.
    public var preset: String
    /// The x264 quality.
    public var crf: Int

    /// Creates the stage.
    /// - Parameters:
    ///   - preset: The x264 preset.
    ///   - crf: The x264 quality.
    public init(preset: String = "veryfast", crf: Int = 20) {
        self.preset = preset
        self.crf = crf
    }

    /// Decodes the kept frames and sound and encodes them.
    /// - Parameters:
    ///   - input: The recording and the cut list.
    ///   - context: The task folder and the event sink.
    /// - Returns: The partial file and its counts.
    /// - Throws: `VideoError` when decoding or encoding fails, or `CancellationError`.
    public func run(_ input: Input, context: PipelineContext) async throws -> Output {
        let file = ".video.mp4.partial"
        let url = context.file(file)
        var renderer = TalkCutRenderer(preset: preset, crf: crf)
        renderer.segments = context.file("segments")
        try AtomicFile.makeDirectory(context.file("segments"))
        if let direction = input.direction {
            renderer.cards = input.cards ? TalkCards(title: direction.title) : nil
            let timeline = TalkTimeline(edit: input.edit, introFrames: renderer.cards?.frames(fps: input.edit.fps) ?? 0)
            renderer.broll = timeline.shots(direction, folder: input.broll)
        }
        let chosen = renderer
        let result = try await DedicatedThread.run(name: "vgen-talk-render") { flag in
            try chosen.render(source: input.source, edit: input.edit, to: url, flag: flag)
        }
        return Output(
            file: file, frames: result.frames, samples: result.samples, sampleRate: result.sampleRate,
            introFrames: renderer.cards?.frames(fps: input.edit.fps), encodedPieces: result.encodedPieces,
            reusedPieces: result.reusedPieces)
    }

    /// Whether the partial file is still there.
    public func canReuse(_ output: Output, context: PipelineContext) -> Bool {
        FileManager.default.fileExists(atPath: context.file(output.file).path)
            || FileManager.default.fileExists(atPath: context.file("video.mp4").path)
    }
}
