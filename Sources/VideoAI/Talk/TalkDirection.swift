import Foundation
import VideoCore

/// How a talk is directed, `direction.json`: its title, its chapters from topic shifts
/// (`TextTiling`) and where each B-roll picture or clip goes (`BrollPlanner`), all in source
/// time; the render moves them to edited time (`Docs/Talks.md`).
public struct TalkDirection: Codable, Sendable, Hashable {
    /// One chapter of the talk.
    public struct Chapter: Codable, Sendable, Hashable {
        /// Its title: from the language model when one is configured, else its key phrase.
        public var title: String
        /// The index of its first word in the transcript.
        public var firstWord: Int
        /// Where it starts, in source seconds (its first word's start; 0 for the first).
        public var start: Double

        /// Creates a chapter.
        /// - Parameters:
        ///   - title: The title.
        ///   - firstWord: Its first word's index.
        ///   - start: Its start in source seconds.
        public init(title: String, firstWord: Int, start: Double) {
            self.title = title
            self.firstWord = firstWord
            self.start = start
        }

        enum CodingKeys: String, CodingKey { case title, firstWord = "first_word", start }
    }

    /// The video's title (the title card's, the thumbnails' hook text and the metadata's).
    public var title: String
    /// Where the title came from: `given`, `model` or `keywords`.
    public var titleSource: String
    /// The chapters in order; the first starts at the first word.
    public var chapters: [Chapter]
    /// The B-roll, in source time order.
    public var broll: [BrollPlacement]
    /// Key phrases of the transcript, best first (the metadata's keywords and tags).
    public var keywords: [String]

    /// Creates a direction.
    /// - Parameters:
    ///   - title: The video's title.
    ///   - titleSource: `given`, `model` or `keywords`.
    ///   - chapters: The chapters.
    ///   - broll: The B-roll placements.
    ///   - keywords: The key phrases.
    public init(
        title: String, titleSource: String, chapters: [Chapter], broll: [BrollPlacement], keywords: [String]
    ) {
        self.title = title
        self.titleSource = titleSource
        self.chapters = chapters
        self.broll = broll
        self.keywords = keywords
    }

    enum CodingKeys: String, CodingKey { case title, titleSource = "title_source", chapters, broll, keywords }

    /// The offline direction of a transcript: TextTiling's chapters titled by their key
    /// phrases, the title `given` or the transcript's top key phrase, no B-roll.
    /// - Parameters:
    ///   - transcript: The words, in source time.
    ///   - tiling: The segmenter.
    ///   - title: A title to use, if the user gave one.
    /// - Returns: The direction.
    public static func offline(_ transcript: Transcript, tiling: TextTiling = TextTiling(), title: String? = nil)
        -> TalkDirection
    {
        let words = transcript.words
        let starts = [0] + tiling.boundaries(in: words)
        let extractor = KeywordExtractor()
        var chapters: [Chapter] = []
        for (k, first) in starts.enumerated() where first < words.count {
            let end = k + 1 < starts.count ? starts[k + 1] : words.count
            let text = words[first..<end].filter { !$0.isFiller }.map(\.text).joined(separator: " ")
            let name = extractor.keywords(titles: [], body: [text], count: 1).first ?? Self.firstContentWord(text)
            chapters.append(
                Chapter(
                    title: Self.titled(name ?? "Part \(k + 1)"), firstWord: first,
                    start: k == 0 ? 0 : words[first].start))
        }
        let keywords = extractor.keywords(
            titles: [], body: [words.filter { !$0.isFiller }.map(\.text).joined(separator: " ")])
        let given = title?.trimmingCharacters(in: .whitespacesAndNewlines)
        let chosen = given.flatMap { $0.isEmpty ? nil : $0 }
        return TalkDirection(
            title: chosen ?? keywords.first.map(Self.titled) ?? "Talk",
            titleSource: chosen == nil ? "keywords" : "given",
            chapters: chapters, broll: [], keywords: keywords)
    }

    /// A phrase with its first letter in upper case.
    static func titled(_ phrase: String) -> String { phrase.prefix(1).uppercased() + phrase.dropFirst() }

    /// The first word of `text` that is not a stop word.
    static func firstContentWord(_ text: String) -> String? {
        text.split(separator: " ").map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
            .first { $0.count > 2 && !KeywordExtractor.stopWords.contains($0) }
    }
}
