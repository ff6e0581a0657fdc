import VideoCore

/// What a publisher needs to know about a finished video: `metadata.json`, made offline.
///
/// Besides the scenes and chapters, it proposes what an upload form asks for: title variants,
/// a description whose chapter list follows YouTube's rules (`YouTubeRules.chapters`), and
/// tags from the narration's key phrases (`KeywordExtractor`) within YouTube's 500
/// characters. See `Docs/Metadata.md`.
public struct VideoMetadata: Codable, Sendable, Hashable {
    /// The video's id.
    public var videoID: String
    /// The title.
    public var title: String
    /// Other titles: with the subtitle, as a question, "How to …", and short.
    public var titleVariants: TitleVariants
    /// The description, with the chapter list (`youtubeChapters`) appended when YouTube
    /// would show it.
    public var description: String
    /// The length in seconds.
    public var duration: Double
    /// `WIDTHxHEIGHT`.
    public var resolution: String
    /// Frames per second.
    public var fps: Int
    /// The scenes and where they are.
    public var scenes: [Scene]
    /// Chapters: one per section of the source, with its start time.
    public var chapters: [Chapter]
    /// The chapters as the description lists them: `chapters` with short ones merged so that
    /// there are at least three, the first at 0:00, each at least 10 s long; empty when the
    /// video is too short for that (`notes` says so).
    public var youtubeChapters: [Chapter]
    /// Key phrases of the titles and narration, best first, lower-cased.
    public var keywords: [String]
    /// Tags for the upload form: the title's name, then the keywords, within YouTube's
    /// `YouTubeRules.maximumTagCharacters`.
    public var tags: [String]
    /// What the publisher should know about this metadata (for example why the description
    /// has no chapters).
    public var notes: [String]
    /// The language-model calls made for the video, summed per purpose (`narration`,
    /// `planning`, `metadata`): model, calls and tokens, never a key; nil when none were made.
    public var languageModels: [LanguageModelUsage]?

    /// One scene's entry.
    public struct Scene: Codable, Sendable, Hashable {
        /// The scene's id.
        public var sceneID: String
        /// The scene's type.
        public var sceneType: SceneType
        /// Start in seconds.
        public var startTime: Double
        /// End in seconds.
        public var endTime: Double
        enum CodingKeys: String, CodingKey {
            case sceneID = "scene_id", sceneType = "scene_type", startTime = "start_time", endTime = "end_time"
        }
    }

    /// One chapter.
    public struct Chapter: Codable, Sendable, Hashable {
        /// The chapter's title.
        public var title: String
        /// Its start in seconds.
        public var startTime: Double
        enum CodingKeys: String, CodingKey { case title, startTime = "start_time" }

        /// Creates a chapter.
        /// - Parameters:
        ///   - title: The chapter's title.
        ///   - startTime: Its start in seconds.
        public init(title: String, startTime: Double) {
            self.title = title
            self.startTime = startTime
        }
    }

    enum CodingKeys: String, CodingKey {
        case videoID = "video_id", title, description, duration, resolution, fps, scenes, chapters
        case titleVariants = "title_variants", youtubeChapters = "youtube_chapters", keywords, tags, notes
        case languageModels = "language_models"
    }

    /// Builds the metadata of `config` rendered to `manifest`.
    /// - Parameters:
    ///   - config: The narrated video (its scenes' narration gives the keywords).
    ///   - manifest: Its timing.
    public init(config: VideoConfig, manifest: TimingManifest) {
        videoID = config.videoID
        title = config.title
        duration = manifest.totalDuration
        resolution = config.resolution.description
        fps = manifest.fps
        scenes = manifest.scenes.map {
            Scene(sceneID: $0.sceneID, sceneType: $0.sceneType, startTime: $0.startTime, endTime: $0.endTime)
        }
        var chapters: [Chapter] = []
        for (scene, timing) in zip(config.scenes, manifest.scenes) {
            let name = Self.chapterTitle(of: scene.content)
            guard !name.isEmpty, chapters.last?.title != name else { continue }
            chapters.append(Chapter(title: name, startTime: timing.startTime))
        }
        self.chapters = chapters
        let (listed, note) = YouTubeRules.chapters(from: chapters, duration: manifest.totalDuration)
        youtubeChapters = listed
        notes = note.map { [$0] } ?? []
        let listing = listed.map { "\(Self.clock($0.startTime)) \($0.title)" }.joined(separator: "\n")
        description = [config.description, listing].filter { !$0.isEmpty }.joined(separator: "\n\n")

        var subtitle: String?
        if case .title(let card) = config.scenes.first?.content { subtitle = card.subtitle }
        titleVariants = TitleVariants(title: config.title, subtitle: subtitle, chapterTitles: chapters.map(\.title))
        let spoken = zip(config.scenes, manifest.scenes).map { scene, timing in
            scene.narration ?? timing.words.map(\.text).joined(separator: " ")
        }
        // Each section's name counts once, however many scenes it has; the subtitle is said
        // over the title card, so it counts with the narration.
        let headings = [config.title] + chapters.dropFirst().map(\.title)
        keywords = KeywordExtractor().keywords(titles: headings, body: spoken)
        let name = removingEmoji(from: config.title).trimmingCharacters(in: .whitespaces).lowercased()
        tags = YouTubeRules.tags(preferred: name.count <= 30 ? [name] : [], keywords: keywords)
    }

    /// Reads metadata, also one written before the title variants, YouTube chapters, keywords,
    /// tags and notes existed (they are then empty, the variants the title's own).
    /// - Throws: `DecodingError` when a field that was always there is missing or malformed.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        videoID = try c.decode(String.self, forKey: .videoID)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decode(String.self, forKey: .description)
        duration = try c.decode(Double.self, forKey: .duration)
        resolution = try c.decode(String.self, forKey: .resolution)
        fps = try c.decode(Int.self, forKey: .fps)
        scenes = try c.decode([Scene].self, forKey: .scenes)
        chapters = try c.decode([Chapter].self, forKey: .chapters)
        titleVariants =
            try c.decodeIfPresent(TitleVariants.self, forKey: .titleVariants)
            ?? TitleVariants(title: title, subtitle: nil, chapterTitles: [])
        youtubeChapters = try c.decodeIfPresent([Chapter].self, forKey: .youtubeChapters) ?? []
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords) ?? []
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        languageModels = try c.decodeIfPresent([LanguageModelUsage].self, forKey: .languageModels)
    }

    /// A chapter name from a scene's heading, without a "(2/3)" or "(continued)" part suffix.
    static func chapterTitle(of content: SceneContent) -> String {
        let raw: String
        switch content {
        case .title(let c): raw = "Introduction"; _ = c
        case .list(let c): raw = c.heading
        case .command(let c): raw = c.heading
        case .quote: raw = "Quote"
        case .outro: raw = "Outro"
        case .codeComparison(let c): raw = c.heading
        case .learningObjectives: raw = "Learning objectives"
        case .problem(let c): raw = c.title
        case .solution(let c): raw = c.title
        case .quiz: raw = "Quiz"
        case .checkpoint: raw = "Checkpoint"
        case .exercise(let c): raw = c.title
        case .image(let c): raw = c.caption ?? "Picture"
        case .table(let c): raw = c.heading
        case .custom(let c):
            switch (c.fields["title"], c.fields["heading"]) {
            case (.string(let title), _), (_, .string(let title)): raw = title
            default: raw = c.type.rawValue
            }
        }
        var name = raw
        if name.hasSuffix(" (continued)") { name.removeLast(" (continued)".count) }
        if let open = name.range(of: " (", options: .backwards), name.hasSuffix(")"),
            name[open.upperBound...].dropLast().allSatisfy({ $0.isNumber || $0 == "/" })
        {
            name = String(name[..<open.lowerBound])
        }
        return name
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds)
        let rest = s % 60 < 10 ? "0\(s % 60)" : "\(s % 60)"
        return s >= 3600 ? "\(s / 3600):\(s / 60 % 60 < 10 ? "0" : "")\(s / 60 % 60):\(rest)" : "\(s / 60):\(rest)"
    }
}
