/// Draws one type of scene onto a canvas.
///
/// vgen ships a renderer for each built-in scene type (see `RendererRegistry.standard`); an
/// app adds its own scene types, or restyles built-in ones, by registering a renderer.
///
/// # Implementation requirements
/// - `sceneType` names the one type the renderer draws; `draw` is called only with scenes of
///   that type, but must throw `VideoError` (code `.render`) rather than crash when the
///   content is not what it expects.
/// - Draw everything, background included, on the given canvas, whose size is
///   `context.resolution`. Fill it with `context.theme.background` first.
/// - Keep every inked pixel inside `context.safeArea`, and size everything relative to the
///   frame (`context.scale`) so any resolution works.
/// - Fit text with `Canvas.draw(_:in:verticalAlignment:)`, which shrinks and then
///   ellipsizes, so long text never overflows.
/// - Be deterministic: the same scene and context give the same pixels.
///
/// # Thread safety
/// Renderers are `Sendable` values shared by all the tasks rendering a video: several
/// scenes may be drawn at once, each on its own canvas. Keep no mutable state in a renderer;
/// per-drawing state (fonts, layouts) belongs to the canvas.
public protocol SceneRenderer: Sendable {
    /// The scene type this renderer draws.
    var sceneType: SceneType { get }

    /// Draws a scene onto a canvas.
    /// - Parameters:
    ///   - scene: The scene to draw; its type is `sceneType`.
    ///   - canvas: The canvas to draw on, `context.resolution` in size.
    ///   - context: The video's accent colour, theme and the scene's position.
    /// - Throws: `VideoError` (`.render`) when the scene cannot be drawn.
    func draw(_ scene: SceneConfig, on canvas: Canvas, context: RenderContext) throws
}

extension SceneRenderer {
    /// The error to throw when a scene's content is not of the renderer's type.
    func mismatch(_ scene: SceneConfig) -> VideoError {
        VideoError(
            .render, "the \(sceneType) renderer cannot draw scene '\(scene.sceneID)' of type '\(scene.sceneType)'")
    }
}
