import VideoCore

/// Draws a worked solution: a `Solution` label, the title, the numbered steps and the code
/// panel, side by side on wide frames and stacked on square and portrait ones.
package struct SolutionRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// Draws the solution.
    package func draw(_ content: SolutionContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        let u = context.scale
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let area = SlideChrome.drawHeading(
            content.title, eyebrow: context.phrases.text(.labelSolution), in: slide, on: canvas, context: context)
        let steps = content.steps.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let column = BulletColumn(items: steps, size: 38, minimumSize: 20, bullet: .badge)
        let code = content.code.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let panel = code.map { CodePanel(code: $0, language: content.language, context: context, size: 30) }
        let gap = 40 * u
        switch (steps.isEmpty, panel) {
        case (_, nil):
            column.draw(in: area, on: canvas, context: context)
        case (true, let panel?):
            panel.draw(in: area, on: canvas, context: context)
        case (false, let panel?):
            if context.isWide {
                let (left, right) = StackLayout.split(area, fraction: 0.42, gap: gap)
                column.draw(in: left, on: canvas, context: context)
                panel.draw(in: right, on: canvas, context: context)
            } else {
                let heights = StackLayout.allocate(
                    [
                        column.preferredHeight(width: area.width, on: canvas, context: context),
                        panel.preferredHeight(width: area.width, on: canvas, context: context),
                    ],
                    available: area.height, gap: gap)
                let boxes = StackLayout.column(area, heights: heights, gap: gap)
                column.draw(in: boxes[0], on: canvas, context: context)
                panel.draw(in: area.inset(top: boxes[1].y - area.y), on: canvas, context: context)
            }
        }
    }
}
