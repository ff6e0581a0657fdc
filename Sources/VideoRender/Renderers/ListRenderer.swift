/// Draws a heading and bullet items: accent bullets, each item wrapped, all items at one
/// font size that shrinks until the list fits.
public struct ListRenderer: SceneRenderer {
    /// Creates the renderer.
    public init() {}

    /// `.list`.
    public var sceneType: SceneType { .list }

    /// Draws the list.
    /// - Throws: `VideoError` (`.render`) when the scene is not a list.
    public func draw(_ scene: SceneConfig, on canvas: Canvas, context: RenderContext) throws {
        _ = try layout(scene, on: canvas, context: context)
    }

    /// Whether every item fits whole at or above the minimum size.
    public func fits(_ scene: SceneConfig, context: RenderContext) throws -> Bool {
        try layout(scene, on: try Canvas(resolution: context.resolution), context: context)
    }

    private func layout(_ scene: SceneConfig, on canvas: Canvas, context: RenderContext) throws -> Bool {
        guard case .list(let content) = scene.content else { throw mismatch(scene) }
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let area = SlideChrome.drawHeading(content.heading, in: slide, on: canvas, context: context)
        return BulletColumn(items: content.items, size: 44, minimumSize: 22, bullet: .dot)
            .draw(in: area, on: canvas, context: context)
    }
}
