import VideoCore

/// Draws before-and-after code: two panels under the heading, side by side with an arrow
/// between them on wide frames, stacked on square and portrait ones. Both panels set their
/// code at the same size, so the two versions compare line for line.
package struct CodeComparisonRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// Draws the two versions.
    package func draw(_ content: CodeComparisonContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock)
    {
        let u = context.scale
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let area = SlideChrome.drawHeading(content.heading, in: slide, on: canvas, context: context)
        let muted = context.theme.secondaryText
        var before = CodePanel(
            code: content.before, language: content.language, context: context, title: content.beforeLabel, tint: muted,
            size: 30)
        var after = CodePanel(
            code: content.after, language: content.language, context: context, title: content.afterLabel, size: 30)
        let gap = 64 * u
        let boxes: (Rect, Rect)
        if context.isWide {
            boxes = StackLayout.split(area, fraction: 0.5, gap: gap)
        } else {
            let heights = StackLayout.allocate(
                [
                    before.preferredHeight(width: area.width, on: canvas, context: context),
                    after.preferredHeight(width: area.width, on: canvas, context: context),
                ],
                available: area.height, gap: gap)
            let column = StackLayout.column(area, heights: heights, gap: gap)
            boxes = (column[0], column[1])
        }
        // One size for both: the smaller of the two fitted sizes.
        let size = min(
            before.fit(in: boxes.0, on: canvas, context: context).fontSize,
            after.fit(in: boxes.1, on: canvas, context: context).fontSize)
        before = before.fixed(size: size)
        after = after.fixed(size: size)
        let first = before.draw(in: boxes.0, on: canvas, context: context).frame
        var secondBox = boxes.1
        if !context.isWide {
            secondBox = area.inset(top: first.maxY + gap - area.y)
        }
        let second = after.draw(in: secondBox, on: canvas, context: context).frame
        // The arrow between the panels.
        let d = (44 * u).rounded()
        let center =
            context.isWide
            ? Point(x: (first.maxX + second.minX) / 2, y: area.y + min(first.height, second.height) / 2)
            : Point(x: area.center.x, y: (first.maxY + second.minY) / 2)
        let circle = Rect(x: (center.x - d / 2).rounded(), y: (center.y - d / 2).rounded(), width: d, height: d)
        canvas.fillEllipse(in: circle, color: context.accent)
        let arrow = TextStyle(size: 28 * u, weight: .bold, color: context.theme.background, alignment: .center)
        canvas.draw(
            TextBlock(context.isWide ? "\u{2192}" : "\u{2193}", style: arrow), in: circle, verticalAlignment: .center)
    }
}
