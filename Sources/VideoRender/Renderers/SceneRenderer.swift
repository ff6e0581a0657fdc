import VideoCore

/// Draws one type of scene onto a canvas, from the scene's typed content.
///
/// vgen ships a renderer for each built-in scene type (see `RendererRegistry.standard`); an
/// app adds its own scene type, or restyles a built-in one, by registering a renderer. The
/// renderer's `Content` names the scene type it draws (`Content.sceneType`): `QuizContent`
/// for the quiz renderer, an app's own `SceneContentPayload` for its custom type.
///
/// ```swift
/// struct MetricContent: SceneContentPayload {
///     static let sceneType: SceneType = "metric"
///     var value: Int
///     var label: String
/// }
/// struct MetricRenderer: SceneRenderer {
///     func draw(_ content: MetricContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
///         SlideChrome.drawBackground(on: canvas, context: context)
///         // … draw content.value and content.label
///     }
/// }
/// ```
///
/// # Implementation requirements
/// - The registry calls the renderer only with content of its `Content` type: it casts
///   built-in content and decodes custom content, and throws its own `VideoError` (`.render`)
///   when a scene's content is not a `Content`. Renderers never check the content's type.
/// - Draw everything, background included, on the given canvas, whose size is
///   `context.resolution`. Fill it with `context.theme.background` first.
/// - Keep every inked pixel inside `context.safeArea`, and size everything relative to the
///   frame (`context.scale`) so any resolution works.
/// - Fit text with `Canvas.draw(_:in:verticalAlignment:)`, which shrinks and then
///   ellipsizes, so long text never overflows.
/// - Be deterministic: the same content, context and clock give the same pixels.
/// - Bump `version` whenever the renderer draws different pixels for the same scene: it is
///   part of the renderer's identity (`RendererRegistry.identity(of:)`), which keys cached
///   segments. Settings a renderer is created with that change its pixels belong in
///   `version` too.
///
/// # Scenes that change over time
/// Most scenes are one still picture. A scene whose picture changes while it plays (a quiz
/// reveals its answer) says when in `keyframes(for:timeline:)`, from the scene's length and
/// the times of its spoken words (`SceneTimeline`), and draws each state in
/// `draw(_:on:context:at:)`. The video stage draws the scene once per keyframe and holds
/// each picture until the next keyframe; for any time between two keyframes the picture must
/// be the same. Stills (thumbnails, previews) are drawn at `SceneClock.end(of:)` of a
/// timeline without words, and must show the scene's final state.
///
/// # Thread safety
/// Renderers are `Sendable` values shared by all the tasks rendering a video: several
/// scenes may be drawn at once, each on its own canvas. Keep no mutable state in a renderer;
/// per-drawing state (fonts, layouts) belongs to the canvas.
public protocol SceneRenderer: Sendable {
    /// The content this renderer draws; `Content.sceneType` is the scene type it draws.
    associatedtype Content: SceneContentPayload

    /// The version of the renderer's drawing, part of its identity: bump it when the pixels
    /// change. The default is `"1"`.
    var version: String { get }

    /// The times, in seconds from the start of the scene, at which its picture changes.
    ///
    /// The default is `[0]`: a still. The first time is 0; times are increasing and less than
    /// `timeline.duration` (the registry drops any others).
    /// - Parameters:
    ///   - content: The scene's content.
    ///   - timeline: The scene's length and the times of its spoken words.
    /// - Returns: The keyframe times, in seconds.
    func keyframes(for content: Content, timeline: SceneTimeline) -> [Double]

    /// Draws a scene as it looks at a moment within it.
    /// - Parameters:
    ///   - content: The scene's content.
    ///   - canvas: The canvas to draw on, `context.resolution` in size.
    ///   - context: The video's accent colour, theme and the scene's position.
    ///   - clock: How far into the scene, and its timeline; a still renderer ignores it.
    /// - Throws: `VideoError` (`.render`) when the scene cannot be drawn.
    func draw(_ content: Content, on canvas: Canvas, context: RenderContext, at clock: SceneClock) throws

    /// Whether all of the scene's text fits at or above its minimum size. A scene that does
    /// not fit is continued on follow-up scenes (`SceneFitter`) rather than cut short.
    /// The default is `true`.
    /// - Parameters:
    ///   - content: The scene's content.
    ///   - context: The video's look and the scene's position (its `resolution` above all).
    /// - Returns: Whether everything fits.
    /// - Throws: `VideoError` (`.render`) when the scene cannot be laid out.
    func fits(_ content: Content, context: RenderContext) throws -> Bool

    /// What the scene type is and its content fields, for planners that ask a language model
    /// to fill scenes in (`RendererRegistry.sceneDescriptions`, `vgen --prompt`). The default
    /// is the built-in catalogue's (`SceneTypeDescription.builtIn`); a custom type's default
    /// has no fields, so a planner does not offer it: describe each field of your `Content`
    /// (its YAML key, kind and whether it is required) to have it offered.
    var sceneDescription: SceneTypeDescription { get }
}

// MARK: - Default implementations

extension SceneRenderer {
    /// The scene type this renderer draws: `Content.sceneType`.
    public var sceneType: SceneType { Content.sceneType }

    /// `"1"`.
    public var version: String { "1" }

    /// `[0]`: the scene is a still.
    public func keyframes(for content: Content, timeline: SceneTimeline) -> [Double] { [0] }

    /// `true`: the renderer makes its text fit by itself.
    public func fits(_ content: Content, context: RenderContext) throws -> Bool { true }

    /// The built-in catalogue's description of `Content.sceneType` (no fields for a custom type).
    public var sceneDescription: SceneTypeDescription { .builtIn(Content.sceneType) }
}
