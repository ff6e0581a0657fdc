import VideoCore

/// Draws an exercise: an `Exercise` label, the title, the instructions on a card, the hints
/// and the starter code; the code goes to the right on wide frames and under the hints on
/// square and portrait ones.
///
/// Each hint lights up from dimmed on the word where the narration first says it (after the
/// instructions); a still shows them all lit.
package struct ExerciseRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// `"4"`: type grows on portrait frames (3: the instructions, hints and code sit balanced
    /// under the heading; 2: hints light up on their words).
    package var version: String { "4" }

    /// 0 and the time each hint is first said.
    package func keyframes(for content: ExerciseContent, timeline: SceneTimeline) -> [Double] {
        reveal(content, timeline).keyframes
    }

    private func reveal(_ content: ExerciseContent, _ timeline: SceneTimeline) -> ItemReveal {
        ItemReveal(content.hints, heading: nil, preamble: content.instructions, timeline: timeline)
    }

    /// Draws the exercise as it looks at `clock`.
    package func draw(_ content: ExerciseContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        let lit = reveal(content, clock.timeline).lit(at: clock.time)
        let u = context.scale
        // Portrait frames stack everything in one tall column: the type grows to fill it.
        let grow = context.isWide ? 1.0 : 1.4
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let area = SlideChrome.drawHeading(
            content.title, eyebrow: context.phrases.text(.labelExercise), in: slide, on: canvas, context: context)
        let instructions = TextCard(
            text: TextBlock(
                content.instructions,
                style: TextStyle(size: 38 * grow * u, minimumSize: 20 * u, color: context.theme.text, lineSpacing: 1.1))
        )
        let hints = content.hints.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let hintColumn = BulletColumn(
            items: content.hints, size: 32 * grow, minimumSize: 18, bullet: .dot, textColor: context.theme.text,
            lit: lit)
        let code = content.starterCode.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let panel = code.map {
            CodePanel(
                code: $0, language: content.language, context: context, title: context.phrases.text(.labelStarterCode),
                size: 28 * grow)
        }
        let gap = 40 * u

        var textArea = area
        if let panel, context.isWide {
            let (left, right) = StackLayout.split(area, fraction: 0.48, gap: gap)
            textArea = left
            let height = panel.preferredHeight(width: right.width, on: canvas, context: context)
            panel.draw(in: StackLayout.balanced(right, height: height), on: canvas, context: context)
        }
        // Instructions, hints and (when not beside them) the code, stacked.
        let label = SectionLabel.height(context)
        var preferred = [instructions.preferredHeight(width: textArea.width, on: canvas, context: context)]
        if !hints.isEmpty {
            preferred.append(label + hintColumn.preferredHeight(width: textArea.width, on: canvas, context: context))
        }
        let stackedPanel = context.isWide ? nil : panel
        if let stackedPanel {
            preferred.append(stackedPanel.preferredHeight(width: textArea.width, on: canvas, context: context))
        }
        let heights = StackLayout.allocate(preferred, available: textArea.height, gap: gap)
        textArea = StackLayout.balanced(textArea, height: heights.reduce(0, +) + gap * Double(heights.count - 1))
        let boxes = StackLayout.column(textArea, heights: heights, gap: gap)
        let card = instructions.draw(in: boxes[0], on: canvas, context: context).frame
        var y = card.maxY + gap
        if !hints.isEmpty {
            let box = Rect(x: textArea.x, y: y, width: textArea.width, height: heights[1])
            hintColumn.draw(
                in: SectionLabel.draw(context.phrases.text(.labelHints), in: box, on: canvas, context: context),
                on: canvas, context: context)
            y += heights[1] + gap
        }
        if let stackedPanel {
            stackedPanel.draw(in: textArea.inset(top: y - textArea.y), on: canvas, context: context)
        }
    }
}
