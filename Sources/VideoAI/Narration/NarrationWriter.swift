import VideoCore

/// Writes what is said over a scene: the script stage's extension point.
///
/// The default, `TemplateNarrationWriter`, is deterministic and offline. LLM-backed writers
/// plug in behind this protocol and fall back to the templates when they fail.
///
/// # Implementation requirements
/// - Return plain sentences for a speech synthesizer: no Markdown, no URLs, no emoji.
/// - Stay within `VideoLimits.maxNarrationLength`.
/// - Throw only for failures the caller may retry; return a template when in doubt.
///
/// # Thread safety
/// Called from one task at a time per video, but from several videos at once.
public protocol NarrationWriter: Sendable {
    /// A name for logs and cache keys (for example `templates v1`).
    var identifier: String { get }

    /// Writes the narration of the scene at `index` of `video`.
    /// - Returns: Plain sentences to be spoken.
    func narration(for scene: SceneConfig, at index: Int, in video: VideoConfig) async throws -> String

    /// Writes the narration of the scene at `index` of `video`, knowing the task folder, the
    /// scene's source text and how long it should last. The default ignores the context and
    /// calls `narration(for:at:in:)`.
    /// - Parameters:
    ///   - scene: The scene.
    ///   - index: Its position in the video, from 0.
    ///   - video: The whole video.
    ///   - context: The task folder, the warning sink, the source text and the target length.
    /// - Returns: Plain sentences to be spoken.
    func narration(
        for scene: SceneConfig, at index: Int, in video: VideoConfig, context: NarrationContext
    ) async throws -> String

    /// Whether the writer also rewrites scenes that already have narration (their narration is
    /// then its source text, `NarrationContext.sourceText`). The default is `false`: scenes
    /// with their own narration keep it.
    var rewritesNarration: Bool { get }
}

extension NarrationWriter {
    /// Calls `narration(for:at:in:)`.
    public func narration(
        for scene: SceneConfig, at index: Int, in video: VideoConfig, context: NarrationContext
    ) async throws -> String {
        try await narration(for: scene, at: index, in: video)
    }

    /// `false`: scenes with their own narration keep it.
    public var rewritesNarration: Bool { false }
}
