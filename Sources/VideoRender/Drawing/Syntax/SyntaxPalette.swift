import VideoCore

/// The colours code is highlighted with, one per token kind.
struct SyntaxPalette: Hashable, Sendable {
    var text: RGBColor
    var keyword: RGBColor
    var string: RGBColor
    var comment: RGBColor
    var number: RGBColor
    var key: RGBColor

    /// The palette for code drawn on `theme`'s panels: light colours on dark themes, deep ones
    /// on light themes (each at least 4.5:1 against the panel).
    init(theme: VideoTheme) {
        text = theme.text
        if theme.isDark {
            keyword = RGBColor(hex: 0xC678DD)
            string = RGBColor(hex: 0x98C379)
            comment = RGBColor(hex: 0x8B95A7)
            number = RGBColor(hex: 0xE5A46C)
            key = RGBColor(hex: 0x61AFEF)
        } else {
            keyword = RGBColor(hex: 0x9C1FA0)
            string = RGBColor(hex: 0x256B29)
            comment = RGBColor(hex: 0x5F6B7A)
            number = RGBColor(hex: 0x8A5A00)
            key = RGBColor(hex: 0x2F5BD3)
        }
    }

    func color(for kind: SyntaxToken.Kind) -> RGBColor {
        switch kind {
        case .plain: return text
        case .keyword: return keyword
        case .string: return string
        case .comment: return comment
        case .number: return number
        case .key: return key
        }
    }
}

extension VideoTheme {
    /// Whether the background is dark (its relative luminance is below one half).
    package var isDark: Bool {
        0.2126 * background.red + 0.7152 * background.green + 0.0722 * background.blue < 0.5
    }
}
