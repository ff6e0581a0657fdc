/// Draws what the viewer will learn: the heading and the objectives, each numbered in an
/// accent badge, all at one size that shrinks until they fit.
public struct LearningObjectivesRenderer: SceneRenderer {
    /// Creates the renderer.
    public init() {}

    /// `.learningObjectives`.
    public var sceneType: SceneType { .learningObjectives }

    /// Draws the objectives.
    /// - Throws: `VideoError` (`.render`) when the scene is not a learning-objectives scene.
    public func draw(_ scene: SceneConfig, on canvas: Canvas, context: RenderContext) throws {
        guard case .learningObjectives(let content) = scene.content else { throw mismatch(scene) }
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let area = SlideChrome.drawHeading(
            content.heading, eyebrow: "Objectives", in: slide, on: canvas, context: context)
        BulletColumn(items: content.objectives, size: 44, minimumSize: 22, bullet: .badge)
            .draw(in: area, on: canvas, context: context)
    }
}
