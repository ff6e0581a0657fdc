import Foundation
import VideoAI
import VideoCore

/// Checks the rendered MP4 and publishes it as `video.mp4`, with `captions.srt`/`.vtt` from the
/// kept words and `talk.otio`, the cut as an OpenTimelineIO timeline.
public struct TalkOutputStage: PipelineStage {
    /// The recording, its words, the cut and the render.
    public struct Input: Sendable {
        var source: URL
        var transcript: Transcript
        var edit: TalkEdit
        var rendered: TalkRenderStage.Output
    }

    /// The files published, relative to the task folder.
    public struct Output: Codable, Sendable, Hashable {
        /// `video.mp4`, `captions.srt`, `captions.vtt`, `talk.otio`.
        public var files: [String]
        /// The edited video's length in seconds.
        public var duration: Double
    }

    /// `output`.
    public let name = "output"

    /// Creates the stage.
    public init() {}

    /// Verifies the frame count and publishes the files atomically.
    /// - Parameters:
    ///   - input: What the earlier stages made.
    ///   - context: The task folder and the event sink.
    /// - Returns: The files.
    /// - Throws: `VideoError` (`.encoding`) when the render is not what the cut list asks for.
    public func run(_ input: Input, context: PipelineContext) async throws -> Output {
        let partial = context.file(input.rendered.file)
        let video = context.file("video.mp4")
        if FileManager.default.fileExists(atPath: partial.path) {
            let info = try MediaProbe.inspect(partial)
            let expected = input.edit.keptFrames.map(\.count).reduce(0, +)
            guard info.videoFrameCount == expected else {
                throw VideoError(
                    .encoding, "the rendered talk has \(info.videoFrameCount) frames; the cut list asks for \(expected)"
                )
            }
            try AtomicFile.replace(video, with: partial)
        }
        let cues = try TalkCaptions.cues(of: input.transcript, edit: input.edit)
        try AtomicFile.write(Data(CaptionFormat.srt.render(cues).utf8), to: context.file("captions.srt"))
        try AtomicFile.write(Data(CaptionFormat.vtt.render(cues).utf8), to: context.file("captions.vtt"))
        try AtomicFile.write(
            try OTIOExport.data(input.edit, source: input.source, name: context.directory.lastPathComponent),
            to: context.file("talk.otio"))
        return Output(files: ["video.mp4", "captions.srt", "captions.vtt", "talk.otio"], duration: input.edit.duration)
    }

    /// Whether the published files are still there.
    public func canReuse(_ output: Output, context: PipelineContext) -> Bool {
        output.files.allSatisfy { FileManager.default.fileExists(atPath: context.file($0).path) }
    }
}
