import VideoCore

/// A font family name as fontconfig knows it.
public enum FontFamily {
    /// The proportional sans-serif face used for headings and body text.
    public static let sans = "DejaVu Sans"
    /// The monospace face used for code and commands.
    public static let mono = "DejaVu Sans Mono"
}

/// How heavy a face is drawn.
public enum FontWeight: Hashable, Sendable {
    /// A thin face, for large display text.
    case light
    /// The normal weight.
    case regular
    /// Between regular and bold.
    case semibold
    /// A bold face, for headings.
    case bold
}

/// How lines are placed horizontally within their box.
public enum TextAlignment: Hashable, Sendable {
    /// Lines start at the box's left edge (right edge in right-to-left scripts).
    case left
    /// Lines are centred.
    case center
    /// Lines end at the box's right edge.
    case right
}

/// Where a text block sits vertically within its box when it is shorter than the box.
public enum VerticalAlignment: Hashable, Sendable {
    /// At the top.
    case top
    /// In the middle.
    case center
    /// At the bottom.
    case bottom
}

/// How a piece of text is set: face, size in pixels, colour, alignment and spacing.
public struct TextStyle: Hashable, Sendable {
    /// The font family, for example `FontFamily.sans`.
    public var family: String
    /// The preferred font size in pixels (the em size).
    public var size: Double
    /// The smallest size the text may shrink to when it does not fit its box, in pixels;
    /// equal to `size` when the text must not shrink.
    public var minimumSize: Double
    /// The weight.
    public var weight: FontWeight
    /// Whether the face is italic (oblique).
    public var italic: Bool
    /// The text colour.
    public var color: RGBColor
    /// Horizontal alignment of the lines.
    public var alignment: TextAlignment
    /// Distance between baselines as a multiple of the font's natural line height (1 = normal).
    public var lineSpacing: Double

    /// Creates a style.
    /// - Parameters:
    ///   - family: The font family.
    ///   - size: The preferred size in pixels.
    ///   - minimumSize: The smallest size to shrink to; `nil` means the text does not shrink.
    ///   - weight: The weight.
    ///   - italic: Whether the face is italic.
    ///   - color: The colour.
    ///   - alignment: Horizontal alignment.
    ///   - lineSpacing: Line height as a multiple of the natural one.
    public init(
        family: String = FontFamily.sans, size: Double, minimumSize: Double? = nil, weight: FontWeight = .regular,
        italic: Bool = false, color: RGBColor = .white, alignment: TextAlignment = .left, lineSpacing: Double = 1
    ) {
        self.family = family
        self.size = max(1, size)
        self.minimumSize = max(1, min(minimumSize ?? size, size))
        self.weight = weight
        self.italic = italic
        self.color = color
        self.alignment = alignment
        self.lineSpacing = lineSpacing
    }

    /// The same style with every size multiplied by `factor`.
    public func scaled(by factor: Double) -> TextStyle {
        var s = self
        s.size = max(1, size * factor)
        s.minimumSize = max(1, min(minimumSize * factor, s.size))
        return s
    }
}
