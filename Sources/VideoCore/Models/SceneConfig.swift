/// One scene of a video: what it shows, what is said over it, and how long it may last.
///
/// A scene's real duration is set by its narration (audio first): the timing manifest gives
/// it the narration's length plus padding, at least `minDuration`. `maxDuration` is checked
/// against an estimate when the script is written, and warned about.
public struct SceneConfig: Hashable, Codable, Sendable {
    /// A unique identifier within the video (at most `VideoLimits.maxIDLength` characters).
    public var sceneID: String
    /// What the scene shows; it determines `sceneType`.
    public var content: SceneContent
    /// The words spoken over the scene; `nil` lets the narration writer write them.
    public var narration: String?
    /// Narration written per language (`narration: {en: …, es: …}` in YAML), by BCP 47 tag;
    /// `nil` when the scene has only `narration`. `VideoConfig.localized(to:)` picks one.
    public var narrations: [String: String]?
    /// A voice for this scene only; `nil` uses the video's voice.
    public var voice: Voice?
    /// The shortest the scene may last, in seconds.
    public var minDuration: Double?
    /// The longest the scene should last, in seconds.
    public var maxDuration: Double?
    /// How this scene enters; `nil` uses the video's transition.
    public var transition: SceneTransition?

    /// The scene's type, from its content.
    public var sceneType: SceneType { content.sceneType }

    /// Creates and validates a scene.
    /// - Throws: `VideoError` naming the field and the limit it breaks.
    public init(
        sceneID: String, content: SceneContent, narration: String? = nil, voice: Voice? = nil,
        minDuration: Double? = nil, maxDuration: Double? = nil, transition: SceneTransition? = nil
    ) throws {
        self.sceneID = sceneID
        self.content = content
        self.narration = narration
        self.voice = voice
        self.minDuration = minDuration
        self.maxDuration = maxDuration
        self.transition = transition
        try validate(field: "scene")
    }

    enum CodingKeys: String, CodingKey {
        case sceneID = "scene_id", sceneType = "scene_type", content, narration, narrations, voice
        case minDuration = "min_duration", maxDuration = "max_duration", transition
    }

    /// Decodes a value, validating it as the memberwise initializer does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sceneID = try c.decode(String.self, forKey: .sceneID)
        content = try c.decode(SceneContent.self, forKey: .content)
        narration = try c.decodeIfPresent(String.self, forKey: .narration)
        narrations = try c.decodeIfPresent([String: String].self, forKey: .narrations)
        voice = try c.decodeIfPresent(Voice.self, forKey: .voice)
        minDuration = try c.decodeIfPresent(Double.self, forKey: .minDuration)
        maxDuration = try c.decodeIfPresent(Double.self, forKey: .maxDuration)
        transition = try c.decodeIfPresent(SceneTransition.self, forKey: .transition)
        try validate(field: "scene")
    }

    /// Encodes the value in the form `init(from:)` reads.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sceneID, forKey: .sceneID)
        try c.encode(sceneType, forKey: .sceneType)
        try c.encode(content, forKey: .content)
        try c.encodeIfPresent(narration, forKey: .narration)
        try c.encodeIfPresent(narrations, forKey: .narrations)
        try c.encodeIfPresent(voice, forKey: .voice)
        try c.encodeIfPresent(minDuration, forKey: .minDuration)
        try c.encodeIfPresent(maxDuration, forKey: .maxDuration)
        try c.encodeIfPresent(transition, forKey: .transition)
    }

    /// Checks every limit; `field` prefixes the field names in errors (for example `scenes[2]`).
    public func validate(field: String) throws {
        guard !sceneID.isEmpty else { throw VideoError.invalid("\(field).scene_id", "must not be empty") }
        guard sceneID.count <= VideoLimits.maxIDLength else {
            throw VideoError.invalid(
                "\(field).scene_id", "is \(sceneID.count) characters; the limit is \(VideoLimits.maxIDLength)")
        }
        if let narration, narration.count > VideoLimits.maxNarrationLength {
            throw VideoError.invalid(
                "\(field).narration", "is \(narration.count) characters; the limit is \(VideoLimits.maxNarrationLength)"
            )
        }
        for (tag, text) in narrations ?? [:] where text.count > VideoLimits.maxNarrationLength {
            throw VideoError.invalid(
                "\(field).narration.\(tag)",
                "is \(text.count) characters; the limit is \(VideoLimits.maxNarrationLength)")
        }
        for (name, value) in [("min_duration", minDuration), ("max_duration", maxDuration)] {
            guard let value else { continue }
            guard value.isFinite, value >= 0, value <= VideoLimits.maxSceneDuration else {
                throw VideoError.invalid(
                    "\(field).\(name)", "\(value) is outside 0–\(Int(VideoLimits.maxSceneDuration)) seconds")
            }
        }
        if let minDuration, let maxDuration, minDuration > maxDuration {
            throw VideoError.invalid(
                "\(field).min_duration", "\(minDuration) is greater than max_duration \(maxDuration)")
        }
        try content.validate(field: "\(field).content")
    }
}

extension SceneConfig {
    /// The narration written for `language`: its entry in `narrations` (by full tag, then by
    /// primary language), or `narration` when the scene has no per-language entries.
    /// - Parameter language: The language wanted.
    /// - Returns: The text, or `nil` when none is written for that language.
    public func narration(in language: Language) -> String? {
        guard let narrations else { return narration }
        return narrations[language.tag] ?? narrations[language.profile.code]
            ?? narrations.first { (try? Language(validating: $0.key))?.profile == language.profile }?.value
    }
}

extension VideoConfig {
    /// The video in `language`: its `language` set, and each scene's narration the one written
    /// for that language (`nil`, for the writer or a translator to fill, when there is none).
    /// - Parameter language: The language wanted.
    /// - Returns: The localized video.
    public func localized(to language: Language) -> VideoConfig {
        var copy = self
        copy.language = language
        for index in copy.scenes.indices where copy.scenes[index].narrations != nil {
            copy.scenes[index].narration = copy.scenes[index].narration(in: language)
        }
        return copy
    }

    /// The languages of `languages` for which some scene has narration written in none.
    /// - Parameter languages: The languages wanted.
    /// - Returns: Those lacking a written narration somewhere, in order.
    public func languagesLackingNarration(_ languages: [Language]) -> [Language] {
        languages.filter { language in
            scenes.contains { scene in
                scene.narrations != nil && scene.narration(in: language) == nil
                    || scene.narrations == nil && language != self.language && scene.narration != nil
            }
        }
    }
}
