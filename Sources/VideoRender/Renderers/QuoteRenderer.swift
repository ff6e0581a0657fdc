import VideoCore

/// Draws a quotation: a large accent quotation mark, the quote, and the attribution
/// under it in the accent colour.
package struct QuoteRenderer: SceneRenderer {
    /// Creates the renderer.
    package init() {}

    /// Draws the quotation.
    package func draw(_ content: QuoteContent, on canvas: Canvas, context: RenderContext, at clock: SceneClock) {
        let u = context.scale, theme = context.theme
        let area = SlideChrome.drawBackground(on: canvas, context: context)
        let inner = area.insetBy(dx: area.width * 0.06, dy: 0)

        let markStyle = TextStyle(family: "DejaVu Serif", size: 200 * u, weight: .bold, color: context.accent)
        // The mark's ink covers only the top half of its line: reserve that much, and draw it
        // in a taller box whose empty lower part the quote overlaps.
        let markHeight = 118 * u
        let textX = inner.x
        let textWidth = inner.maxX - textX
        let quoteStyle = TextStyle(
            size: 60 * u, minimumSize: 26 * u, italic: true, color: theme.text, lineSpacing: 1.12)
        let attributionStyle = TextStyle(size: 36 * u, minimumSize: 24 * u, weight: .semibold, color: context.accent)
        let attribution = content.attribution.flatMap { $0.isEmpty ? nil : "— " + $0 }

        let gap = 36 * u
        let attributionBox = Rect(x: textX, y: 0, width: textWidth, height: min(inner.height * 0.2, 110 * u))
        let attributionFit = attribution.map { canvas.fit(TextBlock($0, style: attributionStyle), in: attributionBox) }
        let reserved = markHeight + (attributionFit.map { $0.frame.height + gap } ?? 0)
        let quoteBox = Rect(x: textX, y: 0, width: textWidth, height: inner.height - reserved)
        let quoteFit = canvas.fit(TextBlock(content.text, style: quoteStyle), in: quoteBox)

        let total = reserved + quoteFit.frame.height
        var y = (inner.y + (inner.height - total) / 2).rounded()
        canvas.draw(
            TextBlock("\u{201C}", style: markStyle),
            in: Rect(x: inner.x - 6 * u, y: y, width: 200 * u, height: markStyle.size * 1.25),
            verticalAlignment: .top)
        y += markHeight
        var box = quoteBox
        box.y = y
        canvas.draw(TextBlock(content.text, style: quoteStyle), in: box)
        y += quoteFit.frame.height + gap
        if let attribution {
            var box = attributionBox
            box.y = y
            canvas.draw(TextBlock(attribution, style: attributionStyle), in: box)
        }
    }
}
