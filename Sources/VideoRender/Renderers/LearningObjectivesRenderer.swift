import VideoCore

/// Draws what the viewer will learn: the heading and the objectives, each numbered in an
/// accent badge, all at one size that shrinks until they fit.
package struct LearningObjectivesRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// Draws the objectives.
    package func draw(
        _ content: LearningObjectivesContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock
    ) {
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let area = SlideChrome.drawHeading(
            content.heading, eyebrow: "Objectives", in: slide, on: canvas, context: context)
        BulletColumn(items: content.objectives, size: 44, minimumSize: 22, bullet: .badge)
            .draw(in: area, on: canvas, context: context)
    }
}
