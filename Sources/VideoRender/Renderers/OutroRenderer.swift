import VideoCore

/// Draws the closing card: the video's title small in the accent colour, the main line large,
/// an accent bar and the subtitle.
package struct OutroRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// Draws the closing card.
    package func draw(_ content: OutroContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        let area = SlideChrome.drawBackground(on: canvas, context: context, showsFooter: false)
        let eyebrow = context.videoTitle.isEmpty ? nil : context.videoTitle
        CenteredCard(
            eyebrow: eyebrow, title: content.title, subtitle: content.subtitle, titleSize: 84, subtitleSize: 40
        ).draw(in: area, on: canvas, context: context)
    }
}
