import Foundation
import VideoAI
import VideoCore

/// Checks the rendered MP4 and publishes it as `video.mp4`, with `captions.srt`/`.vtt` from the
/// kept words, `talk.otio` (the cut as an OpenTimelineIO timeline), `metadata.json` (chapters
/// under YouTube's rules, title variants, tags) and three thumbnail candidates.
public struct TalkOutputStage: PipelineStage {
    /// The recording, its words, the cut, its direction and the render.
    public struct Input: Sendable {
        var source: URL
        var transcript: Transcript
        var edit: TalkEdit
        var rendered: TalkRenderStage.Output
        var direction: TalkDirection? = nil
    }

    /// The files published, relative to the task folder.
    public struct Output: Codable, Sendable, Hashable {
        /// `video.mp4`, `captions.srt`, `captions.vtt`, `talk.otio`, `metadata.json`, the thumbnails.
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
        let intro = input.rendered.introFrames ?? 0
        let talkFrames = input.edit.keptFrames.map(\.count).reduce(0, +)
        let fps = input.edit.fps
        if FileManager.default.fileExists(atPath: partial.path) {
            let info = try MediaProbe.inspect(partial)
            let expected = talkFrames + 2 * intro
            guard info.videoFrameCount == expected else {
                throw VideoError(
                    .encoding, "the rendered talk has \(info.videoFrameCount) frames; the cut list asks for \(expected)"
                )
            }
            try AtomicFile.replace(video, with: partial)
        }
        let offset = Double(intro) / Double(fps)
        let cues = try TalkCaptions.cues(of: input.transcript, edit: input.edit, offset: offset)
        try AtomicFile.write(Data(CaptionFormat.srt.render(cues).utf8), to: context.file("captions.srt"))
        try AtomicFile.write(Data(CaptionFormat.vtt.render(cues).utf8), to: context.file("captions.vtt"))
        try AtomicFile.write(
            try OTIOExport.data(input.edit, source: input.source, name: context.directory.lastPathComponent),
            to: context.file("talk.otio"))
        var files = ["video.mp4", "captions.srt", "captions.vtt", "talk.otio"]
        if let direction = input.direction {
            let info = try MediaProbe.inspect(video)
            let timeline = TalkTimeline(edit: input.edit, introFrames: intro)
            let starts = direction.chapters.enumerated().map { k, chapter in
                k == 0 ? 0 : timeline.time(chapter.start) ?? offset
            }
            let duration = Double(info.videoFrameCount) / Double(fps)
            let metadata = VideoMetadata(
                talk: context.directory.lastPathComponent, direction: direction, chapterStarts: starts,
                duration: duration, width: info.width, height: info.height, fps: fps)
            try AtomicFile.writeJSON(metadata, to: context.file("metadata.json"))
            files.append("metadata.json")
            let thumbnails = TalkThumbnails()
            let title = direction.title
            let names = try await DedicatedThread.run(name: "vgen-talk-thumbnails") { _ in
                let chosen = try thumbnails.sharpest(in: video, frames: intro..<(intro + talkFrames), fps: fps)
                return try thumbnails.write(
                    from: video, frames: chosen.map(\.frame), fps: fps, title: title, into: context.directory)
            }
            files += names
        }
        return Output(files: files, duration: Double(talkFrames + 2 * intro) / Double(fps))
    }

    /// Whether the published files are still there.
    public func canReuse(_ output: Output, context: PipelineContext) -> Bool {
        output.files.allSatisfy { FileManager.default.fileExists(atPath: context.file($0).path) }
    }
}
