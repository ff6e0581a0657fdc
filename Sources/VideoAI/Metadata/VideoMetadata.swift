/// What a publisher needs to know about a finished video: `metadata.json`.
import VideoCore

public struct VideoMetadata: Codable, Sendable, Hashable {
    /// The video's id.
    public var videoID: String
    /// The title.
    public var title: String
    /// The description, with the chapter list appended when there are chapters.
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
    }

    enum CodingKeys: String, CodingKey {
        case videoID = "video_id", title, description, duration, resolution, fps, scenes, chapters
    }

    /// Builds the metadata of `config` rendered to `manifest`.
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
        let listing = chapters.map { "\(Self.clock($0.startTime)) \($0.title)" }.joined(separator: "\n")
        description = [config.description, listing].filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// A chapter name from a scene's heading, without a "(2/3)" part suffix.
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
        case .custom(let c):
            switch (c.fields["title"], c.fields["heading"]) {
            case (.string(let title), _), (_, .string(let title)): raw = title
            default: raw = c.type.rawValue
            }
        }
        var name = raw
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
