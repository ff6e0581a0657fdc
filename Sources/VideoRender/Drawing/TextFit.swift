import VideoCore

/// How a text block was fitted into its box.
public struct TextFit: Hashable, Sendable {
    /// Whether the whole text fitted; `false` means it was cut short with an ellipsis at
    /// `fontSize` (the style's minimum size) and the rest should go elsewhere.
    public var fits: Bool
    /// The font size used, in pixels.
    public var fontSize: Double
    /// The area the text covers, in canvas pixels; it lies within the box.
    public var frame: Canvas.Rect
    /// The number of lines drawn.
    public var lineCount: Int

    /// Creates a fit result.
    public init(fits: Bool, fontSize: Double, frame: Canvas.Rect, lineCount: Int) {
        self.fits = fits
        self.fontSize = fontSize
        self.frame = frame
        self.lineCount = lineCount
    }
}
