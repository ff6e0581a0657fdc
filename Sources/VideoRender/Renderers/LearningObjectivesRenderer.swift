import VideoCore

/// Draws what the viewer will learn: the heading and the objectives, each numbered in an
/// accent badge, all at one size sized to the frame and balanced under the heading.
///
/// Each objective lights up from dimmed on the word where the narration first says it.
package struct LearningObjectivesRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// `"2"`: objectives light up on their words and fill the frame.
    package var version: String { "2" }

    /// 0 and the time each objective is first said.
    package func keyframes(for content: LearningObjectivesContent, timeline: SceneTimeline) -> [Double] {
        ItemReveal(content.objectives, heading: content.heading, timeline: timeline).keyframes
    }

    /// Draws the objectives as they look at `clock`.
    package func draw(
        _ content: LearningObjectivesContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock
    ) {
        let lit = ItemReveal(content.objectives, heading: content.heading, timeline: clock.timeline)
            .lit(at: clock.time)
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let area = SlideChrome.drawHeading(
            content.heading, eyebrow: context.phrases.text(.labelObjectives), in: slide, on: canvas, context: context)
        BulletColumn(
            items: content.objectives, size: 44, minimumSize: 22, bullet: .badge, lit: lit,
            maximumSize: BulletColumn.grownSize(44, context), balanced: true
        ).draw(in: area, on: canvas, context: context)
    }
}
