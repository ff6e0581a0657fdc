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
/// # Scenes that change over time
/// Most scenes are one still picture. A scene whose picture changes while it plays (a quiz
/// reveals its answer) says when in `keyframes(for:duration:)` and draws each state in
/// `draw(_:on:context:at:)`. The video stage draws the scene once per keyframe and holds
/// each picture until the next keyframe; stills (previews, thumbnails) use
/// `draw(_:on:context:)`, which shows the scene's final state.
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

    /// The times, in seconds from the start of the scene, at which its picture changes.
    ///
    /// The default is `[0]`: a still. The first time is always 0; times are increasing and
    /// less than `duration`.
    /// - Parameters:
    ///   - scene: The scene; its type is `sceneType`.
    ///   - duration: How long the scene lasts, in seconds.
    func keyframes(for scene: SceneConfig, duration: Double) -> [Double]

    /// Draws a scene as it looks at a moment within it.
    ///
    /// The default ignores the moment and calls `draw(_:on:context:)`. The picture must be
    /// the same for every time between two keyframes.
    /// - Parameters:
    ///   - scene: The scene to draw; its type is `sceneType`.
    ///   - canvas: The canvas to draw on, `context.resolution` in size.
    ///   - context: The video's accent colour, theme and the scene's position.
    ///   - clock: How far into the scene, and how long it lasts.
    /// - Throws: `VideoError` (`.render`) when the scene cannot be drawn.
    func draw(_ scene: SceneConfig, on canvas: Canvas, context: RenderContext, at clock: SceneClock) throws

    /// Whether all of the scene's text fits at or above its minimum size. A scene that does
    /// not fit is continued on follow-up scenes (`SceneFitter`) rather than cut short.
    /// The default is `true`.
    func fits(_ scene: SceneConfig, context: RenderContext) throws -> Bool
}

// MARK: - Default implementations

extension SceneRenderer {
    /// `[0]`: the scene is a still.
    public func keyframes(for scene: SceneConfig, duration: Double) -> [Double] { [0] }

    /// `true`: the renderer makes its text fit by itself.
    public func fits(_ scene: SceneConfig, context: RenderContext) throws -> Bool { true }

    /// Draws the still picture, whatever the time.
    public func draw(_ scene: SceneConfig, on canvas: Canvas, context: RenderContext, at clock: SceneClock) throws {
        try draw(scene, on: canvas, context: context)
    }
}

extension SceneRenderer {
    /// The error to throw when a scene's content is not of the renderer's type.
    func mismatch(_ scene: SceneConfig) -> VideoError {
        VideoError(
            .render, "the \(sceneType) renderer cannot draw scene '\(scene.sceneID)' of type '\(scene.sceneType)'")
    }
}
