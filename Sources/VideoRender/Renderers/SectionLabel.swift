import VideoCore

/// A small bold label in the secondary colour above a block ("Constraints", "Hints").
enum SectionLabel {
    static func height(_ context: RenderContext) -> Double { 56 * context.scale }

    /// Draws `label` at the top of `area`; returns the area under it.
    static func draw(_ label: String, in area: Rect, on canvas: Canvas, context: RenderContext) -> Rect {
        let u = context.scale
        let style = TextStyle(size: 28 * u, minimumSize: 20 * u, weight: .bold, color: context.theme.secondaryText)
        canvas.draw(
            TextBlock(label.uppercased(), style: style),
            in: Rect(x: area.x, y: area.y, width: area.width, height: 40 * u))
        return area.inset(top: height(context))
    }
}
