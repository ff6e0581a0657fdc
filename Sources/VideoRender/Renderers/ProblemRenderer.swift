import VideoCore

/// Draws a problem: a `Problem` label, the title, the statement on a card and the
/// constraints beside it (wide frames) or under it (square and portrait frames).
///
/// Each constraint lights up from dimmed on the word where the narration first says it
/// (after the statement); a still shows them all lit.
package struct ProblemRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// `"3"`: the statement and constraints sit balanced under the heading (2: constraints
    /// light up on their words).
    package var version: String { "3" }

    /// 0 and the time each constraint is first said.
    package func keyframes(for content: ProblemContent, timeline: SceneTimeline) -> [Double] {
        reveal(content, timeline).keyframes
    }

    private func reveal(_ content: ProblemContent, _ timeline: SceneTimeline) -> ItemReveal {
        ItemReveal(content.constraints, heading: nil, preamble: content.statement, timeline: timeline)
    }

    /// Draws the problem as it looks at `clock`.
    package func draw(_ content: ProblemContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        let lit = reveal(content, clock.timeline).lit(at: clock.time)
        let u = context.scale
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        var area = SlideChrome.drawHeading(
            content.title, eyebrow: context.phrases.text(.labelProblem), in: slide, on: canvas, context: context)
        let statement = TextCard(
            text: TextBlock(
                content.statement,
                style: TextStyle(size: 42 * u, minimumSize: 22 * u, color: context.theme.text, lineSpacing: 1.12)))
        guard content.constraints.contains(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })
        else {
            let height = statement.preferredHeight(width: area.width, on: canvas, context: context)
            statement.draw(in: StackLayout.balanced(area, height: height), on: canvas, context: context)
            return
        }
        let column = BulletColumn(
            items: content.constraints, size: 34, minimumSize: 18, bullet: .dot, lit: lit,
            maximumSize: BulletColumn.grownSize(34, context))
        let gap = 40 * u
        if context.isWide {
            var (left, right) = StackLayout.split(area, fraction: 0.58, gap: gap)
            let height = max(
                statement.preferredHeight(width: left.width, on: canvas, context: context),
                SectionLabel.height(context) + column.preferredHeight(width: right.width, on: canvas, context: context))
            (left, right) = (StackLayout.balanced(left, height: height), StackLayout.balanced(right, height: height))
            statement.draw(in: left, on: canvas, context: context)
            let list = SectionLabel.draw(
                context.phrases.text(.labelConstraints), in: right, on: canvas, context: context)
            column.draw(in: list, on: canvas, context: context)
        } else {
            let labelHeight = SectionLabel.height(context)
            let heights = StackLayout.allocate(
                [
                    statement.preferredHeight(width: area.width, on: canvas, context: context),
                    labelHeight + column.preferredHeight(width: area.width, on: canvas, context: context),
                ],
                available: area.height, gap: gap)
            area = StackLayout.balanced(area, height: heights.reduce(gap, +))
            let card = statement.draw(
                in: Rect(x: area.x, y: area.y, width: area.width, height: heights[0]), on: canvas, context: context)
            let rest = area.inset(top: card.frame.maxY + gap - area.y)
            column.draw(
                in: SectionLabel.draw(context.phrases.text(.labelConstraints), in: rest, on: canvas, context: context),
                on: canvas,
                context: context)
        }
    }
}
