import VideoCore

/// Draws commands or code in a terminal-like panel under a heading, with a caption below.
///
/// Shell lines get a `$ ` prompt in the accent colour (see `CommandLines`); code is coloured
/// by `SyntaxHighlighter` for its language, in a monospace face.
///
/// When the narration names a line (says an identifier written on it, see `CodeLineCues`),
/// that line is highlighted on an accent band from that word until another line is named.
/// A still shows no highlight.
package struct CommandRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// `"3"`: the panel and its caption sit balanced under the heading, and a few short lines
    /// are set larger (2: the line the narration names is highlighted).
    package var version: String { "3" }

    /// 0 and every time the narration names another line.
    package func keyframes(for content: CommandContent, timeline: SceneTimeline) -> [Double] {
        CodeLineCues(code: content.code, timeline: timeline).keyframes
    }

    /// Draws the command panel as it looks at `clock`.
    package func draw(_ content: CommandContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        let line = CodeLineCues(code: content.code, timeline: clock.timeline).line(at: clock.time)
        _ = layout(content, highlight: line, on: canvas, context: context)
    }

    /// Whether all the code fits at or above the minimum size.
    /// - Throws: `VideoError` (`.render`) when no canvas of the context's size can be made.
    package func fits(_ content: CommandContent, context: RenderContext) throws -> Bool {
        layout(content, highlight: nil, on: try context.measuringCanvas(), context: context)
    }

    private func layout(_ content: CommandContent, highlight: Int?, on canvas: Canvas, context: RenderContext) -> Bool {
        let u = context.scale, theme = context.theme
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let area = SlideChrome.drawHeading(content.heading, in: slide, on: canvas, context: context)

        let captionStyle = TextStyle(size: 32 * u, minimumSize: 22 * u, color: theme.secondaryText, lineSpacing: 1.1)
        let caption = content.caption.flatMap { $0.isEmpty ? nil : $0 }
        let captionGap = 28 * u
        let captionBox = Rect(x: area.x, y: 0, width: area.width, height: min(area.height * 0.2, 100 * u))
        let captionHeight =
            caption.map { canvas.fit(TextBlock($0, style: captionStyle), in: captionBox).frame.height + captionGap }
            ?? 0

        let lines = CommandLines(code: content.code, language: content.language)
        let palette = SyntaxPalette(theme: theme)
        let label = (content.language?.isEmpty == false ? content.language! : "terminal").lowercased()
        let lineCount = content.code.split(separator: "\n", omittingEmptySubsequences: false).count
        let room = area.inset(bottom: captionHeight)
        func panel(size: Double) -> CodePanel {
            CodePanel(
                code: lines.textBlock(
                    style: CodePanel.codeStyle(context, size: size), prompt: context.accent, palette: palette),
                label: label)
        }
        // A few short lines read better larger: the code grows, up to half as large again, while
        // it fits unwrapped in four fifths of the room.
        var codePanel = panel(size: 34)
        for size in [51.0, 46, 42, 38] {
            let candidate = panel(size: size)
            let width = candidate.codeBox(in: room, context: context).width
            guard candidate.unwrapping(width: width, on: canvas).code.style.size == candidate.code.style.size,
                candidate.preferredHeight(width: room.width, on: canvas, context: context) <= room.height * 0.8
            else { continue }
            codePanel = candidate
            break
        }
        let wanted = codePanel.preferredHeight(width: room.width, on: canvas, context: context)
        let stack = StackLayout.balanced(area, height: wanted + captionHeight)
        let panel = codePanel.draw(
            in: wanted + captionHeight < area.height ? stack.inset(bottom: stack.height - wanted) : room,
            highlight: highlight.map { ($0, lineCount) }, on: canvas, context: context)
        if let caption {
            var box = captionBox
            box.y = panel.frame.maxY + captionGap
            canvas.draw(TextBlock(caption, style: captionStyle), in: box)
        }
        return panel.fit.fits
    }
}
