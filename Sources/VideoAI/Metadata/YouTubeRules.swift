import Foundation
import VideoCore

/// YouTube's rules for what `metadata.json` proposes: chapters in a description and the tags
/// field. See `Docs/Metadata.md` for the rules and their sources.
public enum YouTubeRules {
    /// A description's chapters count only when there are at least this many.
    public static let minimumChapters = 3
    /// Every chapter must last at least this many seconds.
    public static let minimumChapterLength = 10
    /// The tags field holds at most this many characters, counting a comma between tags and
    /// the quotation marks around a tag with a space.
    public static let maximumTagCharacters = 500
    /// A title holds at most this many characters.
    public static let maximumTitleLength = 100

    /// Chapters for a description: the first at 0:00, at least `minimumChapters`, each lasting
    /// at least `minimumChapterLength` seconds as the description's whole-second times show.
    /// A chapter too short joins its shorter neighbour (two subsections of one section merge
    /// under the section's name, "Basic Architecture · EventLoop" and "Basic Architecture ·
    /// Channel" give "Basic Architecture"; otherwise the longer chapter's name stays).
    /// - Parameters:
    ///   - chapters: The video's chapters in order.
    ///   - duration: The video's length in seconds.
    /// - Returns: The chapters to list, or none and the reason when the video cannot have
    ///   enough long chapters.
    public static func chapters(from chapters: [VideoMetadata.Chapter], duration: Double)
        -> (chapters: [VideoMetadata.Chapter], note: String?)
    {
        var spans = chapters.map { (title: $0.title, start: Int($0.startTime.rounded(.down))) }
        if !spans.isEmpty { spans[0].start = 0 }
        func length(_ i: Int) -> Double {
            i + 1 < spans.count ? Double(spans[i + 1].start - spans[i].start) : duration - Double(spans[i].start)
        }
        func merge(_ lo: Int) {
            let (a, b) = (spans[lo], spans[lo + 1])
            let title =
                parent(a.title) == parent(b.title) ? parent(a.title) : (length(lo + 1) > length(lo) ? b.title : a.title)
            spans.replaceSubrange(lo...(lo + 1), with: [(title, a.start)])
        }
        func mergeRepeats() {
            var i = 0
            while i + 1 < spans.count {
                if spans[i].title == spans[i + 1].title || spans[i].start == spans[i + 1].start {
                    merge(i)
                } else {
                    i += 1
                }
            }
        }
        mergeRepeats()
        let minimum = Double(minimumChapterLength)
        while spans.count > 1,
            let i = spans.indices.filter({ length($0) < minimum }).min(by: { length($0) < length($1) })
        {
            let neighbour: Int
            if i == 0 {
                neighbour = 1
            } else if i == spans.count - 1 {
                neighbour = i - 1
            } else {
                neighbour = length(i + 1) < length(i - 1) ? i + 1 : i - 1
            }
            merge(min(i, neighbour))
            mergeRepeats()
        }
        guard spans.count >= minimumChapters, spans.indices.allSatisfy({ length($0) >= minimum }) else {
            let seconds = Int(duration.rounded(.down))
            return (
                [],
                "No chapters in the description: YouTube shows chapters only when there are at least \(minimumChapters) of \(minimumChapterLength) seconds or more, the first at 0:00, and this \(seconds)-second video has room for \(spans.count)."
            )
        }
        return (spans.map { VideoMetadata.Chapter(title: $0.title, startTime: Double($0.start)) }, nil)
    }

    /// The tags that fit the tags field, in order: `preferred` first, then `keywords`, each
    /// once (ignoring case), without `<` or `>`, until the next would pass
    /// `maximumTagCharacters`.
    /// - Parameters:
    ///   - preferred: Tags to put first (the video's name).
    ///   - keywords: Key phrases, best first.
    /// - Returns: The tags.
    public static func tags(preferred: [String], keywords: [String]) -> [String] {
        var tags: [String] = []
        var seen: Set<String> = []
        var used = 0
        for raw in preferred + keywords {
            let tag = raw.filter { $0 != "<" && $0 != ">" }.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !tag.isEmpty, seen.insert(tag.lowercased()).inserted else { continue }
            let cost = tagCharacters([tag]) + (tags.isEmpty ? 0 : 1)
            if used + cost > maximumTagCharacters { break }
            tags.append(tag)
            used += cost
        }
        return tags
    }

    /// The characters `tags` take in the tags field: each tag, quotation marks around one with
    /// a space, and a comma between tags.
    public static func tagCharacters(_ tags: [String]) -> Int {
        tags.map { $0.count + ($0.contains(" ") ? 2 : 0) }.reduce(0, +) + max(tags.count - 1, 0)
    }

    /// A chapter's section: "Basic Architecture · EventLoop" gives "Basic Architecture".
    private static func parent(_ title: String) -> String {
        title.range(of: " · ").map { String(title[..<$0.lowerBound]) } ?? title
    }
}
