import Foundation
import VideoCore

/// Draws a multiple-choice question: a `Quiz` label, the question, the options as lettered
/// cards (two columns on wide frames, one on square and portrait ones) and, once the answer
/// is revealed, the correct card highlighted and the explanation under the options.
///
/// The scene has two keyframes: the question at 0 and the answer. The answer appears at
/// `reveal_after` when the quiz sets it; otherwise on the word that starts the answer in the
/// narration, the word after `QuizContent.answerCue` ("The answer is **B:** let.", as the
/// default narration says), found in the timeline's word timings; when no words are known or
/// the narration never says the cue, at `QuizContent.defaultRevealFraction` of the scene.
/// A still shows the answer.
package struct QuizRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// `"3"`: question, options and answer sit balanced under the label, in type sized to the
    /// frame (2: the answer appears
    /// on the narration's word; 1 guessed the moment from the narration's characters).
    package var version: String { "3" }

    /// `[0, reveal time]`.
    /// - Parameters:
    ///   - content: The quiz.
    ///   - timeline: The scene's length and spoken words.
    /// - Returns: The keyframe times.
    package func keyframes(for content: QuizContent, timeline: SceneTimeline) -> [Double] {
        let reveal = Self.revealTime(of: content, in: timeline)
        return reveal > 0 ? [0, reveal] : [0]
    }

    /// Draws the question before its reveal time and the answer from then on.
    package func draw(_ content: QuizContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        draw(
            content, revealed: clock.time >= Self.revealTime(of: content, in: clock.timeline), on: canvas,
            context: context)
    }

    private func draw(_ content: QuizContent, revealed: Bool, on canvas: Canvas, context: RenderContext) {
        let u = context.scale, theme = context.theme
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let pill = SlideChrome.drawPill(
            context.phrases.text(.labelQuiz), at: Point(x: slide.x, y: slide.y), maxWidth: slide.width, on: canvas,
            context: context)
        let area = slide.inset(top: pill.height + 24 * u)

        // Type grows with the frame: a fifth larger on landscape frames, two fifths on portrait
        // ones, whose content area is tall and narrow.
        let grow = context.isWide ? 1.2 : 1.4
        let questionStyle = TextStyle(
            size: 54 * grow * u, minimumSize: 28 * u, weight: .bold, color: theme.text, lineSpacing: 1.05)
        let questionBlock = TextBlock(content.question, style: questionStyle)
        let questionBox = Rect(x: area.x, y: area.y, width: area.width, height: (area.height * 0.32).rounded())
        let questionHeight = canvas.fit(questionBlock, in: questionBox).frame.height
        let body = area.inset(top: questionHeight + 36 * u)

        // The answer line under the options: reserved before the reveal so nothing moves.
        let noteStyle = TextStyle(size: 34 * grow * u, minimumSize: 20 * u, color: theme.text, lineSpacing: 1.1)
        let answer = note(for: content, revealed: revealed, style: noteStyle, context: context)
        let noteBox = Rect(x: body.x, y: 0, width: body.width, height: (body.height * 0.24).rounded())
        let longest = note(for: content, revealed: true, style: noteStyle, context: context)
        let noteHeight = canvas.fit(longest, in: noteBox).frame.height
        let options = OptionGrid(content, in: body.inset(bottom: noteHeight + 32 * u), on: canvas, context: context)

        // Question, options and answer line sit balanced as one block under the label.
        let total = questionHeight + 36 * u + options.height + 32 * u + noteHeight
        let drop = StackLayout.balanced(area, height: total).y - area.y
        canvas.draw(questionBlock, in: questionBox.inset(top: drop, bottom: -drop))
        let cards = drawOptions(
            content, grid: options.offsetBy(dy: drop), revealed: revealed, on: canvas, context: context)
        var box = noteBox
        box.y = cards.maxY + 32 * u
        box.height = min(noteHeight + 2, area.maxY - box.y)
        canvas.draw(answer, in: box)
    }

    /// The line under the options: a prompt to think before the reveal, the answer and its
    /// explanation after.
    private func note(for content: QuizContent, revealed: Bool, style: TextStyle, context: RenderContext) -> TextBlock {
        guard revealed, content.options.indices.contains(content.answerIndex) else {
            var quiet = style
            quiet.italic = true
            quiet.color = context.theme.secondaryText
            return TextBlock(context.phrases.text(.labelThink), style: quiet)
        }
        let letter = QuizContent.letter(for: content.answerIndex)
        var markup =
            "<span foreground=\"\(context.accent.hexString)\" weight=\"bold\">\u{2713}</span> <b>\(TextBlock.escapeMarkup(context.phrases.text(.labelAnswer, ["letter": letter])))</b>"
        if let explanation = content.explanation, !explanation.isEmpty {
            markup += " \u{2014} " + TextBlock.escapeMarkup(explanation)
        }
        return TextBlock(markup: markup, style: style)
    }

    /// Draws the option cards of `grid`; returns the rectangle they cover.
    private func drawOptions(
        _ content: QuizContent, grid: OptionGrid, revealed: Bool, on canvas: Canvas, context: RenderContext
    ) -> Rect {
        let u = context.scale, theme = context.theme
        let pad = grid.pad, badge = grid.badge, fixed = grid.style, textWidth = grid.textWidth
        guard let first = grid.cells.first else { return grid.area.inset(bottom: grid.area.height) }
        var covered = first
        for (index, (option, cell)) in zip(content.options, grid.cells).enumerated() {
            covered = covered.union(cell)
            let correct = revealed && index == content.answerIndex
            let dimmed = revealed && !correct
            let radius = 16 * u
            if correct {
                canvas.fillRect(
                    cell, color: context.accent.mixed(with: theme.background, fraction: 0.72), cornerRadius: radius)
                canvas.strokeRect(cell, color: context.accent, lineWidth: 4 * u, cornerRadius: radius)
            } else {
                canvas.fillRect(
                    cell, color: theme.surface.mixed(with: theme.background, fraction: dimmed ? 0.6 : 0.3),
                    cornerRadius: radius)
            }
            let circle = Rect(x: cell.x + pad, y: (cell.center.y - badge / 2).rounded(), width: badge, height: badge)
            let badgeColor = dimmed ? theme.secondaryText.mixed(with: theme.background, fraction: 0.3) : context.accent
            canvas.fillEllipse(in: circle, color: badgeColor)
            let letterStyle = TextStyle(size: 28 * u, weight: .bold, color: theme.background, alignment: .center)
            canvas.draw(
                TextBlock(correct ? "\u{2713}" : QuizContent.letter(for: index), style: letterStyle), in: circle,
                verticalAlignment: .center)
            var textStyle = fixed
            if dimmed { textStyle.color = theme.secondaryText }
            canvas.draw(
                TextBlock(option, style: textStyle),
                in: Rect(x: circle.maxX + pad, y: cell.y + pad, width: textWidth, height: cell.height - 2 * pad),
                verticalAlignment: .center)
        }
        return covered
    }
}

/// Where a quiz's option cards go: two columns on wide frames, one on square and portrait
/// ones; one text size for all options and one card height, the tallest option's.
private struct OptionGrid {
    var area: Rect
    var cells: [Rect] = []
    var style: TextStyle
    var pad: Double, badge: Double, textWidth: Double

    /// The height the cards cover.
    var height: Double { cells.last.map { $0.maxY - area.y } ?? 0 }

    init(_ content: QuizContent, in area: Rect, on canvas: Canvas, context: RenderContext) {
        let u = context.scale
        self.area = area
        pad = 22 * u
        badge = (56 * u).rounded()
        style = TextStyle(
            size: BulletColumn.grownSize(38, context) * u, minimumSize: 18 * u, color: context.theme.text,
            lineSpacing: 1.05)
        let count = content.options.count
        let columns = context.isWide && count > 1 ? 2 : 1
        let rows = (count + columns - 1) / columns
        let gap = 24 * u
        let cellWidth = ((area.width - gap * Double(columns - 1)) / Double(columns)).rounded(.down)
        textWidth = cellWidth - 3 * pad - badge
        guard count > 0, area.height > 0 else { return }
        let maxCell = ((area.height - gap * Double(rows - 1)) / Double(rows)).rounded(.down)
        let textBox = Rect(x: 0, y: 0, width: textWidth, height: max(1, maxCell - 2 * pad))
        let size =
            content.options.map { canvas.fit(TextBlock($0, style: style), in: textBox).fontSize }.min() ?? style.size
        style.size = size
        style.minimumSize = size
        let tallest =
            content.options.map { canvas.fit(TextBlock($0, style: style), in: textBox).frame.height }.max() ?? 0
        let cellHeight = min(maxCell, max(badge, tallest) + 2 * pad).rounded(.up)
        cells = (0..<count).map { index in
            Rect(
                x: area.x + Double(index % columns) * (cellWidth + gap),
                y: area.y + Double(index / columns) * (cellHeight + gap), width: cellWidth, height: cellHeight)
        }
    }

    /// The same grid moved down by `dy`.
    func offsetBy(dy: Double) -> OptionGrid {
        var copy = self
        copy.area.y += dy
        copy.cells = cells.map { Rect(x: $0.x, y: $0.y + dy, width: $0.width, height: $0.height) }
        return copy
    }
}
