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
    /// The B-roll folder (`--broll DIR`), if any.
    public var broll: String?
    /// How B-roll is shown; `nil` is a cutaway.
    public var brollStyle: BrollPlacement.Style?
    /// The video's title; `nil` takes the model's or the transcript's key phrase.
    public var title: String?
    /// Whether a title card opens the video and an outro closes it.
    public var cards: Bool?
    /// The highlight to cut as well (`--duration`, `--platform`), if any.
    public var highlight: TalkHighlight?

    /// Creates a task.
    /// - Parameters:
    ///   - source: The recording.
    ///   - transcript: Its transcript file, if any.
    ///   - edit: A cut list to render, if any.
    ///   - cut: The clean-cut options.
    ///   - preset: The x264 preset.
    ///   - crf: The x264 quality.
    ///   - broll: The B-roll folder, if any.
    ///   - brollStyle: How B-roll is shown.
    ///   - title: The video's title, if given.
    ///   - cards: Whether to add a title card and an outro.
    ///   - highlight: The highlight to cut, if any.
    public init(
        source: String, transcript: String? = nil, edit: String? = nil, cut: CutOptions = CutOptions(),
        preset: String = "veryfast", crf: Int = 20, broll: String? = nil, brollStyle: BrollPlacement.Style? = nil,
        title: String? = nil, cards: Bool? = nil, highlight: TalkHighlight? = nil
    ) {
        self.broll = broll
        self.brollStyle = brollStyle
        self.title = title
        self.cards = cards
        self.highlight = highlight
        self.source = source
        self.transcript = transcript
        self.edit = edit
        self.cut = cut
        self.preset = preset
        self.crf = crf
    }
}

/// A highlight of the talk: `highlight.mp4`, at most `seconds` long, centred-cropped to 9:16 for
/// the vertical platforms.
public struct TalkHighlight: Codable, Sendable, Hashable {
    /// The budget in seconds.
    public var seconds: Double
    /// The platform it is for.
    public var platform: Platform

    /// Creates a highlight setting.
    /// - Parameters:
    ///   - seconds: The budget in seconds.
    ///   - platform: The platform (its frame shape).
    public init(seconds: Double, platform: Platform) {
        self.seconds = seconds
        self.platform = platform
    }

    /// The highlight's frame for a recording of `width × height`: the platform's shape at the
    /// recording's height at most (a centred crop, never enlarged), even sides.
    func size(width: Int, height: Int) -> (width: Int, height: Int) {
        let shape = platform.resolution
        let h = min(height, width * shape.height / shape.width)
        let w = h * shape.width / shape.height
        return (max(2, w & ~1), max(2, h & ~1))
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
    /// The chapters, title and B-roll.
    public var direction: TalkDirection
    /// `highlight.mp4`, when one was asked for.
    public var highlightURL: URL?
}
