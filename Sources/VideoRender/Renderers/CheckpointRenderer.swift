import VideoCore

/// Draws a checkpoint: the heading, a progress bar (items done out of all), the completed
/// items with accent check marks and what comes next with hollow rings, in two columns on
/// wide frames and stacked on square and portrait ones.
///
/// Each item lights up from dimmed on the word where the narration first says it, done
/// items first; a still shows every item lit.
package struct CheckpointRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// `"4"`: both columns in one size, grown to fill the room (3: the columns sit balanced
    /// under the progress bar; 2: items light up on their words
    /// and grow to fill the frame).
    package var version: String { "4" }

    /// 0 and the time each item is first said.
    package func keyframes(for content: CheckpointContent, timeline: SceneTimeline) -> [Double] {
        reveal(content, timeline).keyframes
    }

    private func reveal(_ content: CheckpointContent, _ timeline: SceneTimeline) -> ItemReveal {
        ItemReveal(content.completed + content.next, heading: content.heading, timeline: timeline)
    }

    /// Draws the checkpoint as it looks at `clock`.
    package func draw(_ content: CheckpointContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        let lit = reveal(content, clock.timeline).lit(at: clock.time)
        let litDone = Array(lit.prefix(content.completed.count)),
            litNext = Array(lit.dropFirst(content.completed.count))
        let u = context.scale
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        var area = SlideChrome.drawHeading(
            content.heading, eyebrow: context.phrases.text(.labelCheckpoint), in: slide, on: canvas, context: context)
        let done = content.completed.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let next = content.next.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if !done.isEmpty || !next.isEmpty {
            area = drawProgress(
                done: done.count, total: done.count + next.count, in: area, on: canvas, context: context)
        }
        let grown = BulletColumn.grownSize(38, context)
        let doneColumn = BulletColumn(
            items: content.completed, size: 38, minimumSize: 20, bullet: .check, lit: litDone, maximumSize: grown)
        let nextColumn = BulletColumn(
            items: content.next, size: 38, minimumSize: 20, bullet: .ring, lit: litNext, maximumSize: grown)
        let sections = [
            (context.phrases.text(.labelDone), doneColumn), (context.phrases.text(.labelUpNext), nextColumn),
        ].filter { !$0.1.isEmpty }
        let gap = 48 * u
        let label = SectionLabel.height(context)
        if context.isWide, sections.count == 2 {
            let (left, right) = StackLayout.split(area, fraction: 0.5, gap: gap)
            func height(_ size: Double) -> Double {
                sections.map {
                    label + $0.1.preferredHeight(width: left.width, on: canvas, context: context, size: size)
                }
                .max() ?? 0
            }
            let size = BulletColumn.largestSize(from: 38, to: grown, limit: area.height * 0.85, height: height)
            let height = height(size)
            for (box, section) in zip([left, right], sections) {
                section.1.draw(
                    in: SectionLabel.draw(
                        section.0, in: StackLayout.balanced(box, height: height), on: canvas, context: context),
                    on: canvas, context: context)
            }
            return
        }
        // One size for both columns, the largest that fills at most 85% of the room.
        func heights(_ size: Double) -> [Double] {
            sections.map { label + $0.1.preferredHeight(width: area.width, on: canvas, context: context, size: size) }
        }
        let size = BulletColumn.largestSize(
            from: 38, to: grown, limit: area.height * 0.85,
            height: { heights($0).reduce(0, +) + gap * Double(max(0, sections.count - 1)) })
        let heights = StackLayout.allocate(heights(size), available: area.height, gap: gap)
        let stack = StackLayout.balanced(area, height: heights.reduce(0, +) + gap * Double(max(0, heights.count - 1)))
        for (box, section) in zip(StackLayout.column(stack, heights: heights, gap: gap), sections) {
            section.1.draw(
                in: SectionLabel.draw(section.0, in: box, on: canvas, context: context), on: canvas, context: context)
        }
    }

    /// Draws "n of m done" and a bar filled in proportion; returns the area under it.
    private func drawProgress(done: Int, total: Int, in area: Rect, on canvas: Canvas, context: RenderContext) -> Rect {
        let u = context.scale, theme = context.theme
        let style = TextStyle(size: 28 * u, weight: .semibold, color: theme.secondaryText, alignment: .right)
        let text = "\(done) of \(total) done"
        let textWidth = min(canvas.measure(TextBlock(text, style: style)).width + 2, area.width * 0.4)
        let rowHeight = (40 * u).rounded()
        canvas.draw(
            TextBlock(text, style: style),
            in: Rect(x: area.maxX - textWidth, y: area.y, width: textWidth, height: rowHeight),
            verticalAlignment: .center)
        let barHeight = (14 * u).rounded()
        let track = Rect(
            x: area.x, y: (area.y + (rowHeight - barHeight) / 2).rounded(), width: area.width - textWidth - 28 * u,
            height: barHeight)
        canvas.fillRect(track, color: theme.surface, cornerRadius: barHeight / 2)
        if total > 0, done > 0 {
            var filled = track
            filled.width = max(barHeight, (track.width * Double(done) / Double(total)).rounded())
            canvas.fillRect(filled, color: context.accent, cornerRadius: barHeight / 2)
        }
        return area.inset(top: rowHeight + 36 * u)
    }
}
