/// Draws commands or code in a terminal-like panel under a heading, with a caption below.
///
/// Shell lines get a `$ ` prompt in the accent colour (see `CommandLines`); code in other
/// languages is shown as written, in a monospace face.
public struct CommandRenderer: SceneRenderer {
    /// Creates the renderer.
    public init() {}

    /// `.command`.
    public var sceneType: SceneType { .command }

    /// Draws the command panel.
    /// - Throws: `VideoError` (`.render`) when the scene is not a command scene.
    public func draw(_ scene: SceneConfig, on canvas: Canvas, context: RenderContext) throws {
        guard case .command(let content) = scene.content else { throw mismatch(scene) }
        let u = context.scale, theme = context.theme
        let slide = SlideChrome.drawBackground(on: canvas, context: context)
        let area = SlideChrome.drawHeading(content.heading, in: slide, on: canvas, context: context)

        let captionStyle = TextStyle(size: 32 * u, minimumSize: 22 * u, color: theme.secondaryText, lineSpacing: 1.1)
        let caption = content.caption.flatMap { $0.isEmpty ? nil : $0 }
        let captionGap = 28 * u
        let captionBox = Rect(x: area.x, y: 0, width: area.width, height: min(area.height * 0.2, 100 * u))
        let captionHeight = caption.map { canvas.fit(TextBlock($0, style: captionStyle), in: captionBox).frame.height + captionGap } ?? 0

        let barHeight = 48 * u, padding = 32 * u
        let codeStyle = TextStyle(
            family: FontFamily.mono, size: 34 * u, minimumSize: 15 * u, color: theme.text, lineSpacing: 1.12)
        let code = CommandLines(code: content.code, language: content.language).textBlock(
            style: codeStyle, prompt: context.accent, comment: theme.secondaryText)
        let maxPanel = area.inset(bottom: captionHeight)
        let codeBox = maxPanel.inset(top: barHeight + padding * 0.75, left: padding, bottom: padding, right: padding)
        let codeFit = canvas.fit(code, in: codeBox)
        let panelHeight = min(maxPanel.height, barHeight + padding * 1.75 + max(codeFit.frame.height, codeStyle.size * 1.2))
        let panel = Rect(x: area.x, y: area.y, width: area.width, height: panelHeight.rounded())

        drawPanel(panel, barHeight: barHeight, language: content.language, context: context, on: canvas)
        canvas.draw(code, in: codeBox)
        if let caption {
            var box = captionBox
            box.y = panel.maxY + captionGap
            canvas.draw(TextBlock(caption, style: captionStyle), in: box)
        }
    }

    private func drawPanel(_ panel: Rect, barHeight: Double, language: String?, context: RenderContext, on canvas: Canvas) {
        let u = context.scale, theme = context.theme
        let radius = 18 * u
        let panelColor = theme.surface.mixed(with: theme.background, fraction: 0.35)
        canvas.fillRect(panel, color: panelColor, cornerRadius: radius)
        canvas.fillRect(
            Rect(x: panel.x, y: panel.y, width: panel.width, height: barHeight), color: theme.surface, cornerRadius: radius)
        canvas.fillRect(
            Rect(x: panel.x, y: panel.y + barHeight - radius, width: panel.width, height: radius), color: theme.surface)
        canvas.fillRect(
            Rect(x: panel.x, y: panel.y + barHeight - 3 * u, width: panel.width, height: 3 * u), color: context.accent)
        let d = 16 * u
        for (i, hex) in [0xFF5F57, 0xFEBC2E, 0x28C840].enumerated() {
            canvas.fillEllipse(
                in: Rect(x: panel.x + 24 * u + Double(i) * (d + 10 * u), y: panel.y + (barHeight - 3 * u - d) / 2, width: d, height: d),
                color: RGBColor(hex: UInt32(hex)))
        }
        let label = (language?.isEmpty == false ? language! : "terminal").lowercased()
        let labelStyle = TextStyle(family: FontFamily.mono, size: 22 * u, color: theme.secondaryText, alignment: .right)
        canvas.draw(
            TextBlock(label, style: labelStyle),
            in: Rect(x: panel.x + panel.width * 0.5, y: panel.y, width: panel.width * 0.5 - 24 * u, height: barHeight - 3 * u),
            verticalAlignment: .center)
    }
}
