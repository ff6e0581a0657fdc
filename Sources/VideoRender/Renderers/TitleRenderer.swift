/// Draws a title card: a large centred title, an accent bar and the subtitle under it.
public struct TitleRenderer: SceneRenderer {
    /// Creates the renderer.
    public init() {}

    /// `.title`.
    public var sceneType: SceneType { .title }

    /// Draws the title card.
    /// - Throws: `VideoError` (`.render`) when the scene is not a title.
    public func draw(_ scene: SceneConfig, on canvas: Canvas, context: RenderContext) throws {
        guard case .title(let content) = scene.content else { throw mismatch(scene) }
        let area = SlideChrome.drawBackground(on: canvas, context: context, showsFooter: false)
        CenteredCard(
            eyebrow: nil, title: content.title, subtitle: content.subtitle, titleSize: 96, subtitleSize: 44
        ).draw(in: area, on: canvas, context: context)
    }
}
