import Foundation

/// Builds a video in code, scene by scene, with typed methods per scene type; validates it
/// with `build()`, writes it as a YAML spec with `exportYAML(to:)`, and (in VideoRender)
/// renders it with `render(to:)`.
///
/// ```swift
/// let builder = ProgrammaticVideoBuilder(title: "Swift concurrency", accentColor: .purple)
///     .addTitle("Swift concurrency", subtitle: "in 3 minutes")
///     .addList(heading: "Why async/await", items: ["No callback pyramids", "Errors just throw"])
///     .addOutro("Thanks for watching")
/// let config = try builder.build()
/// ```
///
/// `add…` methods never throw, so they chain; every problem (an empty id, a quiz answer out of
/// range, a limit broken) surfaces from `build()` as a `VideoError` naming the scene's field.
/// Scenes without an id get a deterministic one: the type and its count (`quiz_1`, `quiz_2`).
///
/// # Thread safety
/// A builder is a mutable reference: use it from one task at a time.
public final class ProgrammaticVideoBuilder {
    /// A scene as added: its content (or why it could not be made) and options, its id
    /// possibly still to be assigned.
    struct Entry {
        var id: String?
        var type: SceneType
        var content: Result<SceneContent, VideoError>
        var narration: String?
        var voice: Voice?
        var minDuration: Double?
        var maxDuration: Double?
        var transition: SceneTransition?
    }

    /// The video's id; `nil` makes one from the title.
    public var videoID: String?
    /// The video's title.
    public var title: String
    /// A short description for the metadata.
    public var description: String
    /// The accent colour.
    public var accentColor: AccentColor
    /// The default voice.
    public var voice: Voice
    /// The frame size.
    public var resolution: Resolution
    /// Frames per second.
    public var fps: Int
    /// The colour theme to render with and record in exported YAML; `nil` for the default.
    public var theme: ThemeName?
    /// How scenes follow each other, unless a scene sets its own.
    public var transition: SceneTransition
    /// How long the video should be (`.seconds(180)`, `.full`); `nil` holds a script longer
    /// than 10 minutes to 10 minutes. See `DurationBudget`.
    public var duration: DurationBudget?
    /// How words are spoken ("vgen" → "vee gen"); applied before synthesis, never shown.
    public var pronunciations: PronunciationLexicon = .empty
    /// The language of the video (BCP 47); see `language(_:)`.
    public var language: Language = .english
    /// A tag given to `language(_:)` that did not validate; `build()` throws it.
    private var languageError: VideoError?
    private var entries: [Entry] = []

    /// Creates an empty builder.
    /// - Parameters:
    ///   - videoID: A file-system-safe id; `nil` derives one from `title`.
    ///   - title: The video's title.
    ///   - description: A short description for the metadata.
    ///   - accentColor: The accent colour of every scene.
    ///   - voice: The default voice.
    ///   - resolution: The frame size.
    ///   - fps: Frames per second.
    ///   - theme: The colour theme; `nil` for the renderer's default.
    ///   - transition: How scenes follow each other, unless a scene sets its own.
    public init(
        videoID: String? = nil, title: String, description: String = "", accentColor: AccentColor = .blue,
        voice: Voice = .male, resolution: Resolution = .hd1080, fps: Int = 30, theme: ThemeName? = nil,
        transition: SceneTransition = .crossfade
    ) {
        self.videoID = videoID
        self.title = title
        self.description = description
        self.accentColor = accentColor
        self.voice = voice
        self.resolution = resolution
        self.fps = fps
        self.theme = theme
        self.transition = transition
    }

    /// Creates a builder holding an existing video's settings and scenes, to extend or export.
    public convenience init(_ config: VideoConfig, theme: ThemeName? = nil) {
        self.init(
            videoID: config.videoID, title: config.title, description: config.description,
            accentColor: config.accentColor, voice: config.voice, resolution: config.resolution, fps: config.fps,
            theme: theme, transition: config.transition)
        duration = config.duration
        pronunciations = config.pronunciations
        language = config.language
        entries = config.scenes.map {
            Entry(
                id: $0.sceneID, type: $0.sceneType, content: .success($0.content), narration: $0.narration,
                voice: $0.voice,
                minDuration: $0.minDuration, maxDuration: $0.maxDuration, transition: $0.transition)
        }
    }

    /// Sets the video's language from a BCP 47 tag (`de`, `pt-BR`, `zh-Hans`).
    ///
    /// A tag that is malformed or not supported surfaces from `build()` as a `VideoError`
    /// naming `language`.
    /// - Parameter tag: The tag.
    /// - Returns: The builder, for chaining.
    @discardableResult
    public func language(_ tag: String) -> Self {
        do {
            language = try Language(validating: tag)
            languageError = nil
        } catch {
            languageError = error as? VideoError ?? VideoError.invalid("language", "\(error)")
        }
        return self
    }

    /// The number of scenes added so far.
    public var sceneCount: Int { entries.count }

    /// Adds a scene of any type, including a custom type an app registered.
    /// - Parameters:
    ///   - content: What the scene shows; it sets the scene type.
    ///   - id: The scene's id; `nil` assigns `<type>_<n>`.
    ///   - narration: The words spoken; `nil` lets the narration writer write them.
    ///   - voice: A voice for this scene only.
    ///   - minDuration: The shortest the scene may last, in seconds.
    ///   - maxDuration: The longest it should last, in seconds.
    ///   - transition: How this scene follows the one before; `nil` uses the video's.
    /// - Returns: The builder, for chaining.
    @discardableResult
    public func add(
        _ content: SceneContent, id: String? = nil, narration: String? = nil, voice: Voice? = nil,
        minDuration: Double? = nil, maxDuration: Double? = nil, transition: SceneTransition? = nil
    ) -> Self {
        entries.append(
            Entry(
                id: id, type: content.sceneType, content: .success(content), narration: narration, voice: voice,
                minDuration: minDuration, maxDuration: maxDuration, transition: transition))
        return self
    }

    /// Adds a scene from its typed content: a built-in payload (`QuizContent`, …) or an app's
    /// own (it becomes `SceneContent.custom`).
    ///
    /// A payload that cannot be encoded surfaces from `build()`, naming the scene's `content`.
    /// - Parameters:
    ///   - payload: What the scene shows; its `sceneType` is the scene's type.
    ///   - id: The scene's id; `nil` assigns `<type>_<n>`.
    ///   - narration: The words spoken; `nil` lets the narration writer write them.
    ///   - voice: A voice for this scene only.
    ///   - minDuration: The shortest the scene may last, in seconds.
    ///   - maxDuration: The longest it should last, in seconds.
    ///   - transition: How this scene follows the one before; `nil` uses the video's.
    /// - Returns: The builder, for chaining.
    @discardableResult
    public func add<P: SceneContentPayload>(
        _ payload: P, id: String? = nil, narration: String? = nil, voice: Voice? = nil,
        minDuration: Double? = nil, maxDuration: Double? = nil, transition: SceneTransition? = nil
    ) -> Self {
        let content: Result<SceneContent, VideoError>
        do {
            content = .success(try SceneContent(payload))
        } catch {
            content = .failure(error as? VideoError ?? VideoError(.invalidInput, "\(error)", field: "content"))
        }
        entries.append(
            Entry(
                id: id, type: P.sceneType, content: content, narration: narration, voice: voice,
                minDuration: minDuration, maxDuration: maxDuration, transition: transition))
        return self
    }

    /// Makes the validated video.
    /// - Throws: `VideoError` (`.invalidInput`) naming the field at fault, for example
    ///   `scenes[3].content.answer_index`.
    public func build() throws -> VideoConfig {
        if let languageError { throw languageError }
        let ids = SceneIDAllocator.assign(entries.map { ($0.id, $0.type) })
        let scenes = try zip(entries, ids).enumerated().map { index, pair in
            let (entry, id) = pair
            do {
                return try SceneConfig(
                    sceneID: id, content: entry.content.get(), narration: entry.narration, voice: entry.voice,
                    minDuration: entry.minDuration, maxDuration: entry.maxDuration, transition: entry.transition)
            } catch let error as VideoError {
                let field = (error.field ?? "scene").replacingOccurrences(
                    of: "scene", with: "scenes[\(index)]", options: .anchored
                )
                .replacingOccurrences(of: "content", with: "scenes[\(index)].content", options: .anchored)
                throw VideoError(error.code, error.message, field: field)
            }
        }
        return try VideoConfig(
            videoID: videoID ?? VideoConfig.makeID(from: title), title: title, description: description,
            accentColor: accentColor, voice: voice, resolution: resolution, fps: fps, transition: transition,
            scenes: scenes, duration: duration, pronunciations: pronunciations, language: language)
    }

    /// The video as a YAML spec that `YAMLAdapter` reads back into an equal `VideoConfig`.
    /// - Throws: `VideoError` when the video is not valid.
    public func yamlString() throws -> String {
        try build().yamlString(theme: theme)
    }

    /// Writes the video as a YAML spec (atomically).
    /// - Throws: `VideoError` when the video is not valid or the file cannot be written.
    public func exportYAML(to url: URL) throws {
        try AtomicFile.write(Data(try yamlString().utf8), to: url)
    }
}
