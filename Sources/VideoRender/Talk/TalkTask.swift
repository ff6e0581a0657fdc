import Foundation
import VideoAI
import VideoCore

/// What a talk edit is made from, saved in `state.json` so `vgen resume` rebuilds the stages.
public struct TalkTask: Codable, Sendable, Hashable {
    /// The recording's path.
    public var source: String
    /// A transcript file (SRT, WebVTT, Whisper JSON); `nil` recognizes the speech with pocketsphinx.
    public var transcript: String?
    /// A cut list to render instead of planning one (`--edit edit.json`).
    public var edit: String?
    /// What the clean cut removes.
    public var cut: CutOptions
    /// The x264 preset and quality.
    public var preset: String
    /// The x264 constant rate factor.
    public var crf: Int

    /// Creates a task.
    /// - Parameters:
    ///   - source: The recording.
    ///   - transcript: Its transcript file, if any.
    ///   - edit: A cut list to render, if any.
    ///   - cut: The clean-cut options.
    ///   - preset: The x264 preset.
    ///   - crf: The x264 quality.
    public init(
        source: String, transcript: String? = nil, edit: String? = nil, cut: CutOptions = CutOptions(),
        preset: String = "veryfast", crf: Int = 20
    ) {
        self.source = source
        self.transcript = transcript
        self.edit = edit
        self.cut = cut
        self.preset = preset
        self.crf = crf
    }
}

/// The files a talk edit wrote.
public struct TalkResult: Sendable {
    /// The task folder.
    public var directory: URL
    /// The edited video.
    public var videoURL: URL
    /// The cut list.
    public var edit: TalkEdit
    /// The transcript of the recording (source time).
    public var transcript: Transcript
}
