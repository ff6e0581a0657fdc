import VideoCore

/// A block of text on a rounded card in the theme's surface colour, with an accent edge on
/// the left: problem statements and exercise instructions.
struct TextCard {
    var text: TextBlock
    /// The colour of the left edge; `nil` for the accent colour.
    var edge: RGBColor? = nil

    private func padding(_ context: RenderContext) -> (x: Double, y: Double, edge: Double) {
        (36 * context.scale, 28 * context.scale, 8 * context.scale)
    }

    /// The card height needed to show the text at its full size, `width` wide.
    func preferredHeight(width: Double, on canvas: Canvas, context: RenderContext) -> Double {
        let p = padding(context)
        return (canvas.measure(text, width: max(1, width - 2 * p.x - p.edge)).height + 2 * p.y + 2).rounded(.up)
    }

    /// Draws the card in `rect`, shrunk to the text's height; returns its frame and the fit.
    @discardableResult
    func draw(in rect: Rect, on canvas: Canvas, context: RenderContext) -> (frame: Rect, fit: TextFit) {
        let p = padding(context)
        let box = rect.inset(top: p.y, left: p.x + p.edge, bottom: p.y, right: p.x)
        let fit = canvas.fit(text, in: box)
        var card = rect
        card.height = min(rect.height, (fit.frame.height + 2 * p.y).rounded(.up))
        let radius = 16 * context.scale
        canvas.fillRect(
            card, color: context.theme.surface.mixed(with: context.theme.background, fraction: 0.3),
            cornerRadius: radius)
        canvas.fillRect(Rect(x: card.x, y: card.y, width: p.edge, height: card.height), color: edge ?? context.accent)
        canvas.draw(text, in: Rect(x: box.x, y: box.y, width: box.width, height: card.height - 2 * p.y))
        return (card, fit)
    }
}
