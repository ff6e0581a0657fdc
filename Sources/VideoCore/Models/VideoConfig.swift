/// Everything needed to make one video: its identity, its look and its scenes.
///
/// Every input adapter produces one of these, validated: a `VideoConfig` that exists has
/// passed every limit in `VideoLimits`.
public struct VideoConfig: Hashable, Codable, Sendable {
    /// A file-system-safe identifier; the output folder is named after it.
    public var videoID: String
    /// The video's title.
    public var title: String
    /// A short description, used in metadata.
    public var description: String
    /// The accent colour of every scene.
    public var accentColor: AccentColor
    /// The default voice of every scene.
    public var voice: Voice
    /// The frame size.
    public var resolution: Resolution
    /// Frames per second.
    public var fps: Int
    /// How scenes give way to each other, unless a scene sets its own.
    public var transition: SceneTransition
    /// The scenes, in order (1 to `VideoLimits.maxScenes`).
    public var scenes: [SceneConfig]
    /// How long the video should be; `nil` holds it to `DurationBudget.defaultLimit` (10
    /// minutes) when the full narration would run longer.
    public var duration: DurationBudget?
    /// How words are to be spoken ("vgen" → "vee gen"); applied before synthesis, never shown.
    public var pronunciations: PronunciationLexicon = .empty
    /// The language everything is written, spoken and laid out in (BCP 47; English by default).
    public var language: Language = .english

    /// Creates and validates a video.
    /// - Throws: `VideoError` naming the field and the limit it breaks.
    public init(
        videoID: String, title: String, description: String = "", accentColor: AccentColor = .blue,
        voice: Voice = .male, resolution: Resolution = .hd1080, fps: Int = 30, transition: SceneTransition = .crossfade,
        scenes: [SceneConfig], duration: DurationBudget? = nil, pronunciations: PronunciationLexicon = .empty,
        language: Language = .english
    ) throws {
        self.videoID = videoID
        self.title = title
        self.description = description
        self.accentColor = accentColor
        self.voice = voice
        self.resolution = resolution
        self.fps = fps
        self.transition = transition
        self.scenes = scenes
        self.duration = duration
        self.pronunciations = pronunciations
        self.language = language
        try validate()
    }

    enum CodingKeys: String, CodingKey {
        case videoID = "video_id", title, description, accentColor = "accent_color", voice, resolution, fps, transition,
            scenes, duration, pronunciations, language
    }

    /// Decodes a value, validating it as the memberwise initializer does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        videoID = try c.decode(String.self, forKey: .videoID)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        accentColor = try c.decodeIfPresent(AccentColor.self, forKey: .accentColor) ?? .blue
        voice = try c.decodeIfPresent(Voice.self, forKey: .voice) ?? .male
        resolution = try c.decodeIfPresent(Resolution.self, forKey: .resolution) ?? .hd1080
        fps = try c.decodeIfPresent(Int.self, forKey: .fps) ?? 30
        transition = try c.decodeIfPresent(SceneTransition.self, forKey: .transition) ?? .crossfade
        scenes = try c.decode([SceneConfig].self, forKey: .scenes)
        duration = try c.decodeIfPresent(DurationBudget.self, forKey: .duration)
        pronunciations = try c.decodeIfPresent(PronunciationLexicon.self, forKey: .pronunciations) ?? .empty
        language = try c.decodeIfPresent(Language.self, forKey: .language) ?? .english
        try validate()
    }

    /// Encodes the video; `pronunciations` only when it has entries and `language` only when it
    /// is not English, so a video without either encodes (and hashes) as before.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(videoID, forKey: .videoID)
        try c.encode(title, forKey: .title)
        try c.encode(description, forKey: .description)
        try c.encode(accentColor, forKey: .accentColor)
        try c.encode(voice, forKey: .voice)
        try c.encode(resolution, forKey: .resolution)
        try c.encode(fps, forKey: .fps)
        try c.encode(transition, forKey: .transition)
        try c.encode(scenes, forKey: .scenes)
        try c.encodeIfPresent(duration, forKey: .duration)
        if !pronunciations.isEmpty { try c.encode(pronunciations, forKey: .pronunciations) }
        if language != .english { try c.encode(language, forKey: .language) }
    }

    /// The voice that speaks `scene`: its own voice or the video's, in the video's language
    /// (`Voice.speaking(in:)`).
    /// - Parameter scene: One of the video's scenes.
    /// - Returns: The voice to synthesize its narration with.
    public func speakingVoice(for scene: SceneConfig) -> Voice { (scene.voice ?? voice).speaking(in: language) }

    /// Checks a video id: 1–`VideoLimits.maxIDLength` ASCII letters, digits, '-', '_' and '.', not
    /// starting with '.', so it is always a safe folder name (montages use it too).
    /// - Throws: `VideoError` (`.invalidInput`, field `video_id`) otherwise.
    public static func validate(videoID: String) throws {
        guard !videoID.isEmpty, videoID.count <= VideoLimits.maxIDLength else {
            throw VideoError.invalid("video_id", "must be 1–\(VideoLimits.maxIDLength) characters")
        }
        guard videoID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }),
            !videoID.hasPrefix(".")
        else {
            throw VideoError.invalid(
                "video_id", "'\(videoID)' may hold only letters, digits, '-', '_' and '.', and not start with '.'")
        }
    }

    /// Checks every limit.
    public func validate() throws {
        try Self.validate(videoID: videoID)
        guard title.count <= VideoLimits.maxTextLength else {
            throw VideoError.invalid("title", "is \(title.count) characters; the limit is \(VideoLimits.maxTextLength)")
        }
        guard description.count <= VideoLimits.maxNarrationLength else {
            throw VideoError.invalid(
                "description", "is \(description.count) characters; the limit is \(VideoLimits.maxNarrationLength)")
        }
        try resolution.validate()
        try duration?.validate()
        guard VideoLimits.fpsRange.contains(fps) else {
            throw VideoError.invalid(
                "fps", "\(fps) is outside \(VideoLimits.fpsRange.lowerBound)–\(VideoLimits.fpsRange.upperBound)")
        }
        guard !scenes.isEmpty else { throw VideoError.invalid("scenes", "a video needs at least one scene") }
        guard scenes.count <= VideoLimits.maxScenes else {
            throw VideoError.invalid("scenes", "\(scenes.count) scenes; the limit is \(VideoLimits.maxScenes)")
        }
        var seen = Set<String>()
        for (i, scene) in scenes.enumerated() {
            try scene.validate(field: "scenes[\(i)]")
            guard seen.insert(scene.sceneID).inserted else {
                throw VideoError.invalid("scenes[\(i)].scene_id", "'\(scene.sceneID)' is used by an earlier scene")
            }
        }
    }

    /// Makes a file-system-safe video id from any text (a title or a file name).
    public static func makeID(from text: String) -> String {
        var out = ""
        var lastDash = false
        for ch in text.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) {
                out.append(ch)
                lastDash = false
            } else if !lastDash && !out.isEmpty {
                out.append("-")
                lastDash = true
            }
            if out.count >= 64 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "video" : out
    }
}
