import VideoCore

/// A title, an accent bar and an optional subtitle, centred as a group: the title and
/// outro cards.
struct CenteredCard {
    var eyebrow: String?
    var title: String
    var subtitle: String?
    var titleSize: Double
    var subtitleSize: Double

    func draw(in area: Rect, on canvas: Canvas, context: RenderContext) {
        let u = context.scale, theme = context.theme
        let width = area.width * 0.88
        let x = area.x + (area.width - width) / 2
        let barHeight = 10 * u, gap = 40 * u
        let eyebrowStyle = TextStyle(
            size: 28 * u, minimumSize: 22 * u, weight: .semibold, color: context.accent, alignment: .center)
        let titleStyle = TextStyle(
            size: titleSize * u, minimumSize: 40 * u, weight: .bold, color: theme.text, alignment: .center,
            lineSpacing: 1.05)
        let subtitleStyle = TextStyle(
            size: subtitleSize * u, minimumSize: 24 * u, color: theme.secondaryText, alignment: .center,
            lineSpacing: 1.1)

        var eyebrowBox = Rect(x: x, y: 0, width: width, height: 44 * u)
        let eyebrowFit = eyebrow.map { canvas.fit(TextBlock($0, style: eyebrowStyle), in: eyebrowBox) }
        let fixed = barHeight + 2 * gap + (eyebrowFit.map { $0.frame.height + gap * 0.6 } ?? 0)
        let hasSubtitle = !(subtitle ?? "").isEmpty
        let titleBox = Rect(x: x, y: 0, width: width, height: (area.height - fixed) * (hasSubtitle ? 0.62 : 1))
        let titleFit = canvas.fit(TextBlock(title, style: titleStyle), in: titleBox)
        let subtitleBox = Rect(x: x, y: 0, width: width, height: area.height - fixed - titleFit.frame.height)
        let subtitleFit = hasSubtitle ? canvas.fit(TextBlock(subtitle!, style: subtitleStyle), in: subtitleBox) : nil

        let total = fixed - (hasSubtitle ? 0 : gap) + titleFit.frame.height + (subtitleFit?.frame.height ?? 0)
        var y = (area.y + (area.height - total) / 2).rounded()
        if let eyebrow, let eyebrowFit {
            eyebrowBox.y = y
            canvas.draw(TextBlock(eyebrow, style: eyebrowStyle), in: eyebrowBox)
            y += eyebrowFit.frame.height + gap * 0.6
        }
        var box = titleBox
        box.y = y
        canvas.draw(TextBlock(title, style: titleStyle), in: box)
        y += titleFit.frame.height + gap
        let barWidth = 140 * u
        canvas.fillRect(
            Rect(x: area.center.x - barWidth / 2, y: y, width: barWidth, height: barHeight), color: context.accent,
            cornerRadius: barHeight / 2)
        y += barHeight + gap
        if let subtitle, hasSubtitle {
            var box = subtitleBox
            box.y = y
            box.height = min(box.height, area.maxY - y)
            canvas.draw(TextBlock(subtitle, style: subtitleStyle), in: box)
        }
    }
}
