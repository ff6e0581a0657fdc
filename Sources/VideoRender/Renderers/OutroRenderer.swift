/// Draws the closing card: the video's title small in the accent colour, the main line large,
/// an accent bar and the subtitle.
public struct OutroRenderer: SceneRenderer {
    /// Creates the renderer.
    public init() {}

    /// `.outro`.
    public var sceneType: SceneType { .outro }

    /// Draws the closing card.
    /// - Throws: `VideoError` (`.render`) when the scene is not an outro.
    public func draw(_ scene: SceneConfig, on canvas: Canvas, context: RenderContext) throws {
        guard case .outro(let content) = scene.content else { throw mismatch(scene) }
        let area = SlideChrome.drawBackground(on: canvas, context: context, showsFooter: false)
        let eyebrow = context.videoTitle.isEmpty ? nil : context.videoTitle
        CenteredCard(
            eyebrow: eyebrow, title: content.title, subtitle: content.subtitle, titleSize: 84, subtitleSize: 40
        ).draw(in: area, on: canvas, context: context)
    }
}
