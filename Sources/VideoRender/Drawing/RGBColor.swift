import VideoCore

/// An sRGB colour with 0–1 components and an opacity.
public struct RGBColor: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Red, 0–1.
    public var red: Double
    /// Green, 0–1.
    public var green: Double
    /// Blue, 0–1.
    public var blue: Double
    /// Opacity, 0 (transparent) – 1 (opaque).
    public var alpha: Double

    /// Creates a colour; components are clamped to 0–1.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = Self.clamp(red)
        self.green = Self.clamp(green)
        self.blue = Self.clamp(blue)
        self.alpha = Self.clamp(alpha)
    }

    /// Creates an opaque colour from `0xRRGGBB`.
    public init(hex: UInt32) {
        self.init(
            red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
            blue: Double(hex & 0xFF) / 255)
    }

    /// The accent colour's RGB value, opaque.
    public init(_ accent: AccentColor) {
        let c = accent.rgb
        self.init(red: c.red, green: c.green, blue: c.blue)
    }

    /// The same colour with another opacity.
    public func withAlpha(_ alpha: Double) -> RGBColor {
        RGBColor(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// This colour mixed with `other`: `fraction` 0 gives this colour, 1 gives `other`.
    public func mixed(with other: RGBColor, fraction: Double) -> RGBColor {
        let f = Self.clamp(fraction)
        return RGBColor(
            red: red + (other.red - red) * f, green: green + (other.green - green) * f,
            blue: blue + (other.blue - blue) * f, alpha: alpha + (other.alpha - alpha) * f)
    }

    /// The colour as `#RRGGBB` (opacity left out), as Pango markup and CSS take it.
    public var hexString: String {
        func byte(_ v: Double) -> String {
            let s = String(Int((v * 255).rounded()), radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }

    /// `#RRGGBB`, with the opacity when it is not 1.
    public var description: String { alpha == 1 ? hexString : "\(hexString) α\(alpha)" }

    /// Opaque white.
    public static let white = RGBColor(red: 1, green: 1, blue: 1)
    /// Opaque black.
    public static let black = RGBColor(red: 0, green: 0, blue: 0)

    private static func clamp(_ v: Double) -> Double { v.isNaN ? 0 : min(1, max(0, v)) }
}
