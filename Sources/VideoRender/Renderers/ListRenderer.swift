import VideoCore

/// Draws a heading and bullet items: accent bullets, each item wrapped, all items at one
/// font size sized to the frame (growing while there is room, shrinking until the list fits),
/// the list balanced in the space under the heading.
///
/// Each item lights up from dimmed on the word where the narration first says it
/// (`ItemReveal`); a still shows every item lit.
package struct ListRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// `"2"`: items light up on their words and the list fills the frame (version 1 drew one
    /// still, the list at the top).
    package var version: String { "2" }

    /// 0 and the time each item is first said.
    package func keyframes(for content: ListContent, timeline: SceneTimeline) -> [Double] {
        ItemReveal(content.items, heading: content.heading, timeline: timeline).keyframes
    }

    /// Draws the list as it looks at `clock`.
    package func draw(_ content: ListContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        let lit = ItemReveal(content.items, heading: content.heading, timeline: clock.timeline).lit(at: clock.time)
        _ = layout(content, lit: lit, on: canvas, context: context)
    }

    /// Whether every item fits whole at or above the minimum size.
    /// - Throws: `VideoError` (`.render`) when no canvas of the context's size can be made.
    package func fits(_ content: ListContent, context: RenderContext) throws -> Bool {
        layout(content, lit: [], on: try context.measuringCanvas(), context: context)
    }

    private func layout(_ content: ListContent, lit: [Bool], on canvas: Canvas, context: RenderContext) -> Bool {
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let area = SlideChrome.drawHeading(content.heading, in: slide, on: canvas, context: context)
        return BulletColumn(
            items: content.items, size: 44, minimumSize: 22, bullet: .dot, lit: lit,
            maximumSize: BulletColumn.grownSize(44, context), balanced: true
        ).draw(in: area, on: canvas, context: context)
    }
}
