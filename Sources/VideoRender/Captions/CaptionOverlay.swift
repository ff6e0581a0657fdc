import VideoAI
import VideoCore

/// Draws a scene's caption cues into its pictures (`--captions burn|karaoke`): the cue on
/// screen at a time, centred at the bottom of the graphics-safe area, white on a translucent
/// dark box; in karaoke mode the word being spoken is drawn in `highlight`.
///
/// The safe area is EBU R 95's / ITU-R BT.1848's graphics-safe area: 5 % of the width in from
/// each side and 5 % of the height in from the bottom (see `Docs/Captions.md`).
struct CaptionOverlay: Sendable {
    /// The mode (`off` draws nothing).
    var mode: CaptionMode
    /// The scene's cues on the scene's clock.
    var cues: [CaptionCue]

    /// The share of the width kept clear on each side.
    static let horizontalMargin = 0.05
    /// The share of the height kept clear below the captions.
    static let bottomMargin = 0.05
    /// The text size as a share of the frame's shorter side.
    static let textSize = 0.045
    /// The karaoke colour of the word being spoken.
    static let highlight = RGBColor(hex: 0xFFD60A)

    /// The cue on screen at `time` (seconds from the scene's start), if any.
    func cue(at time: Double) -> CaptionCue? {
        guard mode != .off else { return nil }
        return cues.last { $0.start <= time + 1e-9 && time < $0.end - 1e-9 }
    }

    /// The times the captions change the picture: each cue's start and end, and in karaoke
    /// mode each word's start.
    var changeTimes: [Double] {
        guard mode != .off else { return [] }
        return cues.flatMap { cue in
            [cue.start, cue.end] + (mode == .karaoke ? cue.words.map { max(cue.start, $0.startTime) } : [])
        }
    }

    /// The index of the cue's word being spoken at `time`: the last one started.
    func spokenWord(in cue: CaptionCue, at time: Double) -> Int? {
        cue.words.lastIndex { $0.startTime <= time + 1e-9 }
    }

    /// The band the captions may use: the bottom of the graphics-safe area, two lines high.
    static func band(width: Int, height: Int) -> Canvas.Rect {
        let size = textSize * Double(min(width, height))
        let bandHeight = size * 2 * 1.35 + size
        let x = horizontalMargin * Double(width)
        let bottom = Double(height) * (1 - bottomMargin)
        return Canvas.Rect(x: x, y: bottom - bandHeight, width: Double(width) - 2 * x, height: bandHeight)
    }

    /// Draws the cue on screen at `time` onto `canvas`.
    func draw(on canvas: Canvas, at time: Double) {
        guard let cue = cue(at: time) else { return }
        let band = Self.band(width: canvas.width, height: canvas.height)
        let size = Self.textSize * Double(min(canvas.width, canvas.height))
        let style = TextStyle(
            size: size, minimumSize: size * 0.5, weight: .semibold, color: .white, alignment: .center,
            lineSpacing: 1.1)
        let text = block(cue, at: time, style: style)
        let padding = size * 0.35
        let inner = Canvas.Rect(
            x: band.x + padding, y: band.y + padding, width: band.width - 2 * padding,
            height: band.height - 2 * padding)
        let fit = canvas.fit(text, in: inner, verticalAlignment: .bottom)
        let box = Canvas.Rect(
            x: fit.frame.x - padding, y: fit.frame.y - padding, width: fit.frame.width + 2 * padding,
            height: fit.frame.height + 2 * padding)
        canvas.fillRect(box, color: RGBColor.black.withAlpha(0.62), cornerRadius: size * 0.25)
        canvas.draw(text, in: inner, verticalAlignment: .bottom)
    }

    /// The cue's lines, with the spoken word highlighted in karaoke mode.
    private func block(_ cue: CaptionCue, at time: Double, style: TextStyle) -> TextBlock {
        guard mode == .karaoke, let spoken = spokenWord(in: cue, at: time) else {
            return TextBlock(cue.lines.joined(separator: "\n"), style: style)
        }
        // Walk the lines along the cue's words (a space, or nothing in Chinese, Japanese and
        // Thai, stands between them) and wrap the spoken one.
        var index = 0
        let lines = cue.lines.map { line in
            var rest = Substring(line)
            var markup = ""
            while !rest.isEmpty {
                if rest.first == " " {
                    markup += " "
                    rest = rest.dropFirst()
                    continue
                }
                let word =
                    index < cue.words.count && rest.hasPrefix(cue.words[index].text)
                    ? cue.words[index].text : String(rest.prefix { $0 != " " })
                rest = rest.dropFirst(word.count)
                let escaped = TextBlock.escapeMarkup(word)
                markup +=
                    index == spoken
                    ? "<span foreground=\"\(Self.highlight.hexString)\">\(escaped)</span>" : escaped
                index += 1
            }
            return markup
        }
        return TextBlock(markup: lines.joined(separator: "\n"), style: style)
    }
}
