import VideoCore

/// The renderers a video is drawn with, one per scene type.
///
/// Start from `standard` and register an app's own renderers; registering a renderer for a
/// type that already has one replaces it. The registry hands each renderer its scene's
/// typed content (`SceneRenderer.Content`) and throws one clear error when a scene's content
/// is not of that type.
public struct RendererRegistry: Sendable {
    private var entries: [SceneType: Entry] = [:]
    private var order: [SceneType] = []

    /// An empty registry.
    public init() {}

    /// Creates a registry holding `renderers` (a later one replaces an earlier one of the same type).
    /// - Parameter renderers: The renderers, in registration order.
    public init(_ renderers: [any SceneRenderer]) {
        for renderer in renderers { register(renderer) }
    }

    /// The built-in renderers.
    public static var standard: RendererRegistry {
        RendererRegistry([
            TitleRenderer(), ListRenderer(), CommandRenderer(), QuoteRenderer(), OutroRenderer(),
            CodeComparisonRenderer(),
            LearningObjectivesRenderer(), ProblemRenderer(), SolutionRenderer(), QuizRenderer(), CheckpointRenderer(),
            ExerciseRenderer(), ImageRenderer(), TableRenderer(),
        ])
    }

    /// Adds a renderer for `R.Content.sceneType`, replacing the one for that type if there is one.
    /// - Parameter renderer: The renderer.
    public mutating func register<R: SceneRenderer>(_ renderer: R) {
        if entries.updateValue(Entry(renderer), forKey: R.Content.sceneType) == nil {
            order.append(R.Content.sceneType)
        }
    }

    /// The renderer for a scene type, if one is registered.
    /// - Parameter type: The scene type.
    /// - Returns: The renderer, or `nil`.
    public func renderer(for type: SceneType) -> (any SceneRenderer)? { entries[type]?.renderer }

    /// The scene types with a renderer, in the order they were first registered.
    public var sceneTypes: [SceneType] { order }

    /// The registered scene types that describe their content fields, in registration order:
    /// what a planner may offer a language model (`SceneRenderer.sceneDescription`). Types
    /// whose renderer describes no fields are left out.
    public var sceneDescriptions: [SceneTypeDescription] {
        order.compactMap { type in
            guard var description = entries[type]?.renderer.sceneDescription, !description.fields.isEmpty else {
                return nil
            }
            description.type = type
            return description
        }
    }

    /// What draws a scene type, for cache keys: the type, the renderer's Swift type and its
    /// `version`, for example `list/VideoRender.ListRenderer/1`. Registering another renderer
    /// for the type, or a new version of it, changes the identity.
    /// - Parameter type: The scene type.
    /// - Returns: The identity.
    /// - Throws: `VideoError` (`.render`) when no renderer is registered for `type`.
    public func identity(of type: SceneType) throws -> String {
        try entry(for: type).identity
    }

    /// The times within a scene at which its picture changes (see `SceneRenderer`): starting
    /// at 0, increasing and less than `timeline.duration`.
    /// - Parameters:
    ///   - scene: The scene.
    ///   - timeline: Its length and the times of its spoken words.
    /// - Returns: The keyframe times, in seconds from the start of the scene.
    /// - Throws: `VideoError` (`.render`) when no renderer is registered for the scene's type
    ///   or its content is not the renderer's.
    public func keyframes(for scene: SceneConfig, timeline: SceneTimeline) throws -> [Double] {
        var times: [Double] = [0]
        for time in try entry(for: scene.sceneType).keyframes(scene, timeline)
        where time.isFinite && time > times[times.count - 1] && time < timeline.duration {
            times.append(time)
        }
        return times
    }

    /// Draws a scene as it looks at a moment within it, on a new canvas.
    /// - Parameters:
    ///   - scene: The scene to draw.
    ///   - context: The video's look and the scene's position.
    ///   - clock: How far into the scene, and its timeline.
    /// - Returns: The drawn canvas.
    /// - Throws: `VideoError` (`.render`) when no renderer is registered for the scene's
    ///   type or its content is not the renderer's, or the renderer's own error.
    public func render(_ scene: SceneConfig, context: RenderContext, at clock: SceneClock) throws -> Canvas {
        let entry = try entry(for: scene.sceneType)
        let canvas = try Canvas(resolution: context.resolution)
        canvas.language = context.language
        try entry.draw(scene, canvas, context, clock)
        return canvas
    }

    /// The texts of `scene` that no installed font can draw whole ("tofu": Pango's unknown-glyph
    /// count above zero), found by drawing the scene's final state.
    /// - Parameters:
    ///   - scene: The scene.
    ///   - context: The video's look, language and the scene's position.
    /// - Returns: The texts with missing glyphs, in drawing order (empty when every glyph exists).
    /// - Throws: `VideoError` (`.render`) as `render(_:context:)` does.
    public func missingGlyphs(in scene: SceneConfig, context: RenderContext) throws -> [String] {
        try render(scene, context: context).missingGlyphTexts
    }

    /// Draws a scene's final state on a new canvas (for thumbnails and previews): the scene at
    /// the end of a timeline without words.
    /// - Parameters:
    ///   - scene: The scene to draw.
    ///   - context: The video's look and the scene's position.
    /// - Returns: The drawn canvas.
    /// - Throws: `VideoError` (`.render`) when no renderer is registered for the scene's
    ///   type or its content is not the renderer's, or the renderer's own error.
    public func render(_ scene: SceneConfig, context: RenderContext) throws -> Canvas {
        try render(scene, context: context, at: .end(of: Self.stillTimeline))
    }

    /// Whether all of `scene`'s text fits (see `SceneRenderer.fits`).
    /// - Parameters:
    ///   - scene: The scene.
    ///   - context: The video's look and the scene's position.
    /// - Returns: Whether everything fits.
    /// - Throws: `VideoError` (`.render`) when no renderer is registered for the scene's
    ///   type or its content is not the renderer's, or the renderer's own error.
    public func fits(_ scene: SceneConfig, context: RenderContext) throws -> Bool {
        try entry(for: scene.sceneType).fits(scene, context)
    }

    /// The timeline stills are drawn at the end of.
    private static let stillTimeline = SceneTimeline.still(duration: 10, fps: 30)

    private func entry(for type: SceneType) throws -> Entry {
        guard let entry = entries[type] else { throw VideoError(.render, "no renderer for scene type '\(type)'") }
        return entry
    }

    /// One renderer with its content type erased: each closure takes the scene's content as
    /// the renderer's `Content`, or throws.
    private struct Entry: Sendable {
        let renderer: any SceneRenderer
        let identity: String
        let keyframes: @Sendable (SceneConfig, SceneTimeline) throws -> [Double]
        let draw: @Sendable (SceneConfig, Canvas, RenderContext, SceneClock) throws -> Void
        let fits: @Sendable (SceneConfig, RenderContext) throws -> Bool

        init<R: SceneRenderer>(_ renderer: R) {
            let type = R.Content.sceneType
            let name = String(reflecting: R.self)
            @Sendable func content(of scene: SceneConfig) throws -> R.Content {
                do {
                    return try scene.content.decodedPayload(as: R.Content.self)
                } catch let error as VideoError {
                    throw VideoError(
                        .render, "the \(type) renderer (\(name)) cannot draw scene '\(scene.sceneID)': \(error.message)"
                    )
                }
            }
            self.renderer = renderer
            self.identity = "\(type)/\(name)/\(renderer.version)"
            self.keyframes = { scene, timeline in renderer.keyframes(for: try content(of: scene), timeline: timeline) }
            self.draw = { scene, canvas, context, clock in
                try renderer.draw(try content(of: scene), on: canvas, context: context, at: clock)
            }
            self.fits = { scene, context in try renderer.fits(try content(of: scene), context: context) }
        }
    }
}
