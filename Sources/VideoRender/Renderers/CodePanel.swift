import VideoCore

/// Code in an editor-like panel: a bar with three window dots, a title and a language label,
/// an accent stripe under the bar, and the code coloured by `SyntaxHighlighter`.
struct CodePanel {
    /// The code, already a (markup) text block in a monospace style.
    var code: TextBlock
    /// Bold text after the window dots, for example `Before`.
    var title: String? = nil
    /// The colour of the title and the stripe; `nil` for the accent colour.
    var tint: RGBColor? = nil
    /// The small label at the right of the bar, for example the language.
    var label: String

    /// The monospace style code is set in: 34 design pixels, shrinking to 15.
    static func codeStyle(_ context: RenderContext, size: Double = 34, minimum: Double = 15) -> TextStyle {
        TextStyle(
            family: FontFamily.mono, size: size * context.scale, minimumSize: minimum * context.scale,
            color: context.theme.text, lineSpacing: 1.12)
    }

    /// A panel for `code` in `language`, labelled with the language (or `fallbackLabel`).
    init(
        code: String, language: String?, context: RenderContext, title: String? = nil, tint: RGBColor? = nil,
        size: Double = 34, fallbackLabel: String = "code"
    ) {
        let style = Self.codeStyle(context, size: size)
        self.code = SyntaxHighlighter.textBlock(
            code: code, language: CodeLanguage(tag: language), style: style, theme: context.theme)
        self.title = title
        self.tint = tint
        self.label = (language?.isEmpty == false ? language! : fallbackLabel).lowercased()
    }

    init(code: TextBlock, title: String? = nil, tint: RGBColor? = nil, label: String) {
        self.code = code
        self.title = title
        self.tint = tint
        self.label = label
    }

    private func metrics(_ context: RenderContext) -> (bar: Double, padding: Double) {
        (48 * context.scale, 32 * context.scale)
    }

    /// Where the code goes inside a panel occupying `panel`.
    func codeBox(in panel: Rect, context: RenderContext) -> Rect {
        let m = metrics(context)
        return panel.inset(top: m.bar + m.padding * 0.75, left: m.padding, bottom: m.padding, right: m.padding)
    }

    /// The panel height needed to show the code at its full size, `width` wide.
    func preferredHeight(width: Double, on canvas: Canvas, context: RenderContext) -> Double {
        let m = metrics(context)
        let code = unwrapping(width: max(1, width - 2 * m.padding), on: canvas).code
        let text = canvas.measure(code, width: max(1, width - 2 * m.padding)).height
        return (m.bar + m.padding * 1.75 + max(text, code.style.size * 1.2) + 2).rounded(.up)
    }

    /// How the code would fit a panel occupying `panel`.
    func fit(in panel: Rect, on canvas: Canvas, context: RenderContext) -> TextFit {
        canvas.fit(
            unwrapping(width: codeBox(in: panel, context: context).width, on: canvas).code,
            in: codeBox(in: panel, context: context))
    }

    /// The panel with its code's size lowered (not below the minimum) until the longest line
    /// fits `width` unwrapped: code reads better smaller than wrapped.
    func unwrapping(width: Double, on canvas: Canvas) -> CodePanel {
        let natural = canvas.measure(code).width
        guard natural > width, natural > 0 else { return self }
        var copy = self
        let size = max(code.style.minimumSize, (code.style.size * width / natural * 0.98).rounded(.down))
        copy.code.style.size = size
        copy.code.style.minimumSize = min(code.style.minimumSize, size)
        return copy
    }

    /// The same panel with its code set at exactly `size` pixels (no further shrinking).
    func fixed(size: Double) -> CodePanel {
        var copy = self
        copy.code.style.size = size
        copy.code.style.minimumSize = size
        return copy
    }

    /// Draws the panel in `rect`, shrunk to the code's height when `hugs` is true, with line
    /// `highlight.line` of `highlight.count` lines on an accent band (when the code is drawn
    /// one display line per code line).
    /// - Returns: The panel's frame and how the code fitted.
    @discardableResult
    func draw(
        in rect: Rect, hugs: Bool = true, highlight: (line: Int, count: Int)? = nil, on canvas: Canvas,
        context: RenderContext
    ) -> (frame: Rect, fit: TextFit) {
        let m = metrics(context)
        let box = codeBox(in: rect, context: context)
        let code = unwrapping(width: box.width, on: canvas).code
        let fit = canvas.fit(code, in: box)
        var panel = rect
        if hugs {
            panel.height = min(
                rect.height, (m.bar + m.padding * 1.75 + max(fit.frame.height, code.style.size * 1.2)).rounded())
        }
        drawChrome(panel, context: context, on: canvas)
        if let highlight, highlight.count > 0, fit.lineCount == highlight.count,
            (0..<highlight.count).contains(highlight.line)
        {
            let u = context.scale, line = fit.frame.height / Double(highlight.count)
            let band = Rect(
                x: panel.x + 6 * u, y: (fit.frame.y + line * Double(highlight.line)).rounded(),
                width: panel.width - 12 * u, height: line.rounded(.up))
            canvas.fillRect(band, color: Self.highlightColor(context), cornerRadius: 6 * u)
            canvas.fillRect(
                Rect(x: band.x, y: band.y, width: 6 * u, height: band.height), color: context.accent,
                cornerRadius: 3 * u)
        }
        canvas.draw(code, in: box)
        return (panel, fit)
    }

    /// The band under a highlighted line: a third of the accent over the panel's colour, so
    /// that the line stands out at a glance and its code stays legible.
    static func highlightColor(_ context: RenderContext) -> RGBColor {
        context.accent.mixed(
            with: context.theme.surface.mixed(with: context.theme.background, fraction: 0.35), fraction: 0.65)
    }

    private func drawChrome(_ panel: Rect, context: RenderContext, on canvas: Canvas) {
        let u = context.scale, theme = context.theme, barHeight = metrics(context).bar
        let radius = 18 * u
        let tint = self.tint ?? context.accent
        canvas.fillRect(panel, color: theme.surface.mixed(with: theme.background, fraction: 0.35), cornerRadius: radius)
        canvas.fillRect(
            Rect(x: panel.x, y: panel.y, width: panel.width, height: barHeight), color: theme.surface,
            cornerRadius: radius)
        canvas.fillRect(
            Rect(x: panel.x, y: panel.y + barHeight - radius, width: panel.width, height: radius), color: theme.surface)
        canvas.fillRect(
            Rect(x: panel.x, y: panel.y + barHeight - 3 * u, width: panel.width, height: 3 * u), color: tint)
        let d = 16 * u
        var x = panel.x + 24 * u
        for hex in [0xFF5F57, 0xFEBC2E, 0x28C840] as [UInt32] {
            canvas.fillEllipse(
                in: Rect(x: x, y: panel.y + (barHeight - 3 * u - d) / 2, width: d, height: d), color: RGBColor(hex: hex)
            )
            x += d + 10 * u
        }
        let labelStyle = TextStyle(family: FontFamily.mono, size: 22 * u, color: theme.secondaryText, alignment: .right)
        let barText = Rect(x: panel.x, y: panel.y, width: panel.width, height: barHeight - 3 * u)
        let labelWidth = min(canvas.measure(TextBlock(label, style: labelStyle)).width + 2, panel.width * 0.4)
        canvas.draw(
            TextBlock(label, style: labelStyle),
            in: barText.inset(left: panel.width - 24 * u - labelWidth, right: 24 * u),
            verticalAlignment: .center)
        if let title, !title.isEmpty {
            let titleStyle = TextStyle(size: 26 * u, minimumSize: 18 * u, weight: .bold, color: theme.text)
            let left = x + 8 * u - panel.x
            canvas.draw(
                TextBlock(title, style: titleStyle), in: barText.inset(left: left, right: 24 * u + labelWidth + 16 * u),
                verticalAlignment: .center)
        }
    }
}
