import VideoCore

/// The frame shared by the built-in scenes: background, the video title and the scene
/// counter in the footer, and the accent-underlined heading.
///
/// Custom renderers can use it to match the built-in look. In a right-to-left language
/// (`Language.isRightToLeft`) it is mirrored: the heading's bar and the label pill at the right
/// edge, and the title set from the right, beside the counter, which stays on the right.
public enum SlideChrome {
    /// Fills the background and draws the footer (video title on the left, `n / total` on the
    /// right, both inside the safe area; in a right-to-left language the title is set from the
    /// right, just before the counter).
    /// - Parameters:
    ///   - canvas: The canvas to draw on.
    ///   - context: The video's look and the scene's position.
    ///   - showsFooter: Whether to draw the footer (title cards leave it out).
    /// - Returns: The area left for the scene's content, inside the safe area.
    @discardableResult
    public static func drawBackground(on canvas: Canvas, context: RenderContext, showsFooter: Bool = true)
        -> Canvas.Rect
    {
        let theme = context.theme, u = context.scale, safe = context.safeArea
        canvas.fill(theme.background)
        guard showsFooter else { return safe }
        let style = TextStyle(size: 22 * u, minimumSize: 16 * u, color: theme.secondaryText)
        // Tall scripts (Thai, Tamil, Bengali) need more than the Latin line: never cut the title.
        let titleHeight =
            context.videoTitle.isEmpty ? 0 : canvas.measure(TextBlock(context.videoTitle, style: style)).height
        let footerHeight = max(34 * u, titleHeight.rounded(.up))
        let footer = Rect(x: safe.minX, y: safe.maxY - footerHeight, width: safe.width, height: footerHeight)
        // The counter (and its dot) stands at the right edge in every direction.
        var counterSpace = 0.0
        if context.sceneCount > 1 {
            let counter = "\(context.sceneIndex + 1) / \(context.sceneCount)"
            var right = style
            right.alignment = .right
            right.weight = .semibold
            let counterWidth = canvas.measure(TextBlock(counter, style: right)).width.rounded(.up)
            canvas.draw(
                TextBlock(counter, style: right), in: footer.inset(left: max(0, footer.width - counterWidth)),
                verticalAlignment: .center)
            let dot = 10 * u
            let dotX = footer.maxX - counterWidth - 14 * u - dot
            canvas.fillEllipse(
                in: Rect(x: dotX, y: footer.center.y - dot / 2, width: dot, height: dot), color: context.accent)
            counterSpace = counterWidth + 28 * u + dot
        }
        if !context.videoTitle.isEmpty {
            var single = style
            single.minimumSize = style.size
            canvas.draw(
                TextBlock(context.videoTitle, style: single),
                in: context.language.isRightToLeft
                    ? footer.inset(left: footer.width * 0.35, right: counterSpace)
                    : footer.inset(right: footer.width * 0.35),
                verticalAlignment: .center)
        }
        return safe.inset(bottom: footerHeight + 28 * u)
    }

    /// Draws a heading at the top of `area` with a short accent bar under it.
    /// - Parameters:
    ///   - heading: The heading text (plain).
    ///   - area: The content area.
    ///   - canvas: The canvas to draw on.
    ///   - context: The video's look.
    /// - Returns: The area below the heading that is left for the content.
    public static func drawHeading(_ heading: String, in area: Canvas.Rect, on canvas: Canvas, context: RenderContext)
        -> Canvas.Rect
    {
        let u = context.scale
        let style = TextStyle(
            size: 60 * u, minimumSize: 34 * u, weight: .bold, color: context.theme.text, lineSpacing: 1.05)
        let box = Rect(x: area.x, y: area.y, width: area.width, height: min(area.height * 0.28, 170 * u))
        let fit = canvas.draw(TextBlock(heading, style: style), in: box)
        let barY = fit.frame.maxY + 18 * u
        let barX = context.language.isRightToLeft ? area.maxX - 96 * u : area.x
        canvas.fillRect(
            Rect(x: barX, y: barY, width: 96 * u, height: 8 * u), color: context.accent, cornerRadius: 4 * u)
        return area.inset(top: barY + 8 * u + 40 * u - area.y)
    }

    /// Draws a small label pill (an accent dot and the label, on an accent tint) at the top of
    /// `area`, then the heading under it (see `drawHeading(_:in:on:context:)`).
    /// - Parameters:
    ///   - heading: The heading text (plain).
    ///   - eyebrow: The label, for example `Problem` or `Quiz`.
    ///   - area: The content area.
    ///   - canvas: The canvas to draw on.
    ///   - context: The video's look.
    /// - Returns: The area below the heading that is left for the content.
    public static func drawHeading(
        _ heading: String, eyebrow: String, in area: Canvas.Rect, on canvas: Canvas, context: RenderContext
    ) -> Canvas.Rect {
        let pill = drawPill(
            eyebrow, at: Point(x: area.x, y: area.y), maxWidth: area.width, on: canvas, context: context)
        return drawHeading(heading, in: area.inset(top: pill.height + 22 * context.scale), on: canvas, context: context)
    }

    /// Draws a label pill with its top-left corner at `origin`; returns the pill's frame.
    @discardableResult
    static func drawPill(_ label: String, at origin: Point, maxWidth: Double, on canvas: Canvas, context: RenderContext)
        -> Rect
    {
        let u = context.scale
        let style = TextStyle(size: 24 * u, weight: .bold, color: context.theme.text)
        let padX = 18 * u, dot = 12 * u, height = (46 * u).rounded()
        let textWidth = min(canvas.measure(TextBlock(label, style: style)).width, maxWidth - 2 * padX - dot - 12 * u)
        let width = (2 * padX + dot + 12 * u + textWidth).rounded(.up)
        let mirrored = context.language.isRightToLeft
        let frame = Rect(
            x: mirrored ? origin.x + maxWidth - width : origin.x, y: origin.y, width: width, height: height)
        canvas.fillRect(
            frame, color: context.accent.mixed(with: context.theme.background, fraction: 0.78), cornerRadius: height / 2
        )
        canvas.fillEllipse(
            in: Rect(
                x: mirrored ? frame.maxX - padX - dot : frame.x + padX, y: frame.center.y - dot / 2, width: dot,
                height: dot), color: context.accent)
        var single = style
        single.minimumSize = style.size
        canvas.draw(
            TextBlock(label, style: single),
            in: Rect(
                x: mirrored ? frame.x + padX : frame.x + padX + dot + 12 * u, y: frame.y, width: textWidth + 1,
                height: frame.height),
            verticalAlignment: .center)
        return frame
    }
}
