import VideoCore

/// Draws a heading and bullet items: accent bullets, each item wrapped, all items at one
/// font size that shrinks until the list fits.
package struct ListRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// Draws the list.
    package func draw(_ content: ListContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        _ = layout(content, on: canvas, context: context)
    }

    /// Whether every item fits whole at or above the minimum size.
    /// - Throws: `VideoError` (`.render`) when no canvas of the context's size can be made.
    package func fits(_ content: ListContent, context: RenderContext) throws -> Bool {
        layout(content, on: try Canvas(resolution: context.resolution), context: context)
    }

    private func layout(_ content: ListContent, on canvas: Canvas, context: RenderContext) -> Bool {
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let area = SlideChrome.drawHeading(content.heading, in: slide, on: canvas, context: context)
        return BulletColumn(items: content.items, size: 44, minimumSize: 22, bullet: .dot)
            .draw(in: area, on: canvas, context: context)
    }
}
