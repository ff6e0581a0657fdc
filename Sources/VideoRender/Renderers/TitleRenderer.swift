import VideoCore

/// Draws a title card: a large centred title, an accent bar and the subtitle under it.
package struct TitleRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// Draws the title card.
    package func draw(_ content: TitleContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        let area = SlideChrome.drawBackground(on: canvas, context: context, showsFooter: false)
        CenteredCard(
            eyebrow: nil, title: content.title, subtitle: content.subtitle, titleSize: 96, subtitleSize: 44
        ).draw(in: area, on: canvas, context: context)
    }
}
