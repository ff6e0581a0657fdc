import Foundation
import VideoCore

extension VideoMetadata {
    /// The metadata of an edited talk: its chapters in edited time, listed in the description
    /// under YouTube's rules (`YouTubeRules.chapters`), title variants of its title and tags
    /// from its key phrases, as documents get (`Docs/Metadata.md`).
    /// - Parameters:
    ///   - videoID: The task folder's name.
    ///   - direction: The talk's title, chapters and key phrases.
    ///   - chapterStarts: Each chapter's start in the edited video, seconds (as many as
    ///     `direction.chapters`).
    ///   - duration: The edited video's length in seconds.
    ///   - width: The frame's width.
    ///   - height: The frame's height.
    ///   - fps: Frames per second.
    public init(
        talk videoID: String, direction: TalkDirection, chapterStarts: [Double], duration: Double, width: Int,
        height: Int, fps: Int
    ) {
        self.videoID = videoID
        title = direction.title
        self.duration = duration
        resolution = "\(width)x\(height)"
        self.fps = fps
        scenes = []
        chapters = zip(direction.chapters, chapterStarts).map { Chapter(title: $0.title, startTime: $1) }
        let (listed, note) = YouTubeRules.chapters(from: chapters, duration: duration)
        youtubeChapters = listed
        notes = note.map { [$0] } ?? []
        description = listed.map { "\(Self.clock($0.startTime)) \($0.title)" }.joined(separator: "\n")
        titleVariants = TitleVariants(title: direction.title, subtitle: nil, chapterTitles: chapters.map(\.title))
        keywords = direction.keywords
        let name = removingEmoji(from: direction.title).trimmingCharacters(in: .whitespaces).lowercased()
        tags = YouTubeRules.tags(preferred: name.count <= 30 ? [name] : [], keywords: keywords)
        languageModels = nil
    }
}
