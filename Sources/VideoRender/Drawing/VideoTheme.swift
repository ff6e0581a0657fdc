import VideoCore

/// The colours scenes are drawn with, apart from the video's accent colour.
public struct VideoTheme: Hashable, Sendable, Codable {
    /// The frame's background.
    public var background: RGBColor
    /// Panels and cards drawn on the background (code panels, boxes).
    public var surface: RGBColor
    /// Headings and body text.
    public var text: RGBColor
    /// Captions, attributions, counters and other quieter text.
    public var secondaryText: RGBColor

    /// Creates a theme.
    public init(background: RGBColor, surface: RGBColor, text: RGBColor, secondaryText: RGBColor) {
        self.background = background
        self.surface = surface
        self.text = text
        self.secondaryText = secondaryText
    }

    /// Light text on a deep slate background, the default.
    public static let dark = VideoTheme(
        background: RGBColor(hex: 0x0F172A), surface: RGBColor(hex: 0x1E293B), text: RGBColor(hex: 0xF1F5F9),
        secondaryText: RGBColor(hex: 0x94A3B8))

    /// Dark text on an off-white background.
    public static let light = VideoTheme(
        background: RGBColor(hex: 0xF8FAFC), surface: RGBColor(hex: 0xE2E8F0), text: RGBColor(hex: 0x0F172A),
        secondaryText: RGBColor(hex: 0x475569))
}
