/// The renderers a video is drawn with, one per scene type.
///
/// Start from `standard` and register an app's own renderers; registering a renderer for a
/// type that already has one replaces it.
public struct RendererRegistry: Sendable {
    private var renderers: [SceneType: any SceneRenderer] = [:]
    private var order: [SceneType] = []

    /// An empty registry.
    public init() {}

    /// Creates a registry holding `renderers` (a later one replaces an earlier one of the same type).
    public init(_ renderers: [any SceneRenderer]) {
        for renderer in renderers { register(renderer) }
    }

    /// The built-in renderers.
    public static var standard: RendererRegistry {
        RendererRegistry([
            TitleRenderer(), ListRenderer(), CommandRenderer(), QuoteRenderer(), OutroRenderer(),
            CodeComparisonRenderer(),
            LearningObjectivesRenderer(), ProblemRenderer(), SolutionRenderer(), QuizRenderer(), CheckpointRenderer(),
            ExerciseRenderer(),
        ])
    }

    /// Adds a renderer, replacing the one for the same scene type if there is one.
    public mutating func register(_ renderer: any SceneRenderer) {
        if renderers.updateValue(renderer, forKey: renderer.sceneType) == nil { order.append(renderer.sceneType) }
    }

    /// The renderer for a scene type, if one is registered.
    public func renderer(for type: SceneType) -> (any SceneRenderer)? { renderers[type] }

    /// The scene types with a renderer, in the order they were first registered.
    public var sceneTypes: [SceneType] { order }

    /// Draws a scene on a new canvas of the context's resolution.
    /// - Parameters:
    ///   - scene: The scene to draw.
    ///   - context: The video's look and the scene's position.
    /// - Returns: The drawn canvas.
    /// - Throws: `VideoError` (`.render`) when no renderer is registered for the scene's
    ///   type, or the renderer's own error.
    public func render(_ scene: SceneConfig, context: RenderContext) throws -> Canvas {
        let renderer = try self.renderer(of: scene)
        let canvas = try Canvas(resolution: context.resolution)
        try renderer.draw(scene, on: canvas, context: context)
        return canvas
    }

    /// Draws a scene as it looks at a moment within it, on a new canvas.
    /// - Parameters:
    ///   - scene: The scene to draw.
    ///   - context: The video's look and the scene's position.
    ///   - clock: How far into the scene, and how long it lasts.
    /// - Returns: The drawn canvas.
    /// - Throws: `VideoError` (`.render`) when no renderer is registered for the scene's
    ///   type, or the renderer's own error.
    public func render(_ scene: SceneConfig, context: RenderContext, at clock: SceneClock) throws -> Canvas {
        let renderer = try self.renderer(of: scene)
        let canvas = try Canvas(resolution: context.resolution)
        try renderer.draw(scene, on: canvas, context: context, at: clock)
        return canvas
    }

    /// The times within a scene at which its picture changes (see `SceneRenderer`).
    /// - Throws: `VideoError` (`.render`) when no renderer is registered for the scene's type.
    public func keyframes(for scene: SceneConfig, duration: Double) throws -> [Double] {
        try renderer(of: scene).keyframes(for: scene, duration: duration)
    }

    /// The identity of the renderer drawing `type`: part of every segment's cache key, so
    /// re-registering a type with another renderer draws it again.
    /// - Parameter type: A scene type.
    /// - Returns: The type, the renderer's Swift type name and version.
    /// - Throws: `VideoError` (`.render`) when no renderer is registered for the type.
    public func identity(of type: SceneType) throws -> String {
        guard let renderer = renderers[type] else {
            throw VideoError(.render, "no renderer for scene type '\(type)'")
        }
        return "\(type.rawValue)/\(String(reflecting: Swift.type(of: renderer)))/1"
    }

    private func renderer(of scene: SceneConfig) throws -> any SceneRenderer {
        guard let renderer = renderers[scene.sceneType] else {
            throw VideoError(.render, "no renderer for scene type '\(scene.sceneType)'")
        }
        return renderer
    }

    /// Whether all of `scene`'s text fits (see `SceneRenderer.fits`).
    public func fits(_ scene: SceneConfig, context: RenderContext) throws -> Bool {
        guard let renderer = renderer(for: scene.sceneType) else {
            throw VideoError(.render, "no renderer for scene type '\(scene.sceneType)'")
        }
        return try renderer.fits(scene, context: context)
    }
}
