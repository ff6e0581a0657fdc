/// One of the six accent colours a video's scenes are drawn with.
public enum AccentColor: String, Codable, CaseIterable, Sendable {
    case blue, orange, purple, green, pink, cyan

    /// Parses a colour name, case-insensitively.
    /// - Throws: `VideoError` naming the valid colours when the name is unknown.
    public init(validating name: String, field: String = "accent_color") throws {
        guard let color = AccentColor(rawValue: name.lowercased()) else {
            throw VideoError.invalid(
                field,
                "unknown accent colour '\(name)'; valid: \(AccentColor.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        self = color
    }

    /// The colour as 0–1 RGB components.
    public var rgb: (red: Double, green: Double, blue: Double) {
        switch self {
        case .blue: return (0.231, 0.510, 0.965)
        case .orange: return (0.976, 0.451, 0.086)
        case .purple: return (0.659, 0.333, 0.969)
        case .green: return (0.133, 0.773, 0.369)
        case .pink: return (0.925, 0.282, 0.600)
        case .cyan: return (0.024, 0.714, 0.831)
        }
    }
}
