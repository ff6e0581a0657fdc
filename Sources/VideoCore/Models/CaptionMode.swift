/// Whether captions are drawn into the picture (`--captions`, YAML `captions:`). The sidecar
/// SRT and WebVTT files are written in every mode, from the same cues.
public enum CaptionMode: String, Hashable, Sendable, Codable, CaseIterable {
    /// Sidecar files only.
    case off
    /// The cues drawn in the picture's lower safe area.
    case burn
    /// As `burn`, with the word being spoken highlighted.
    case karaoke

    /// Reads a mode by name.
    /// - Parameter name: `off`, `burn` or `karaoke` (any case).
    /// - Throws: `VideoError` (`.invalidInput`, field `captions`) for another name.
    public init(validating name: String) throws {
        guard let mode = CaptionMode(rawValue: name.lowercased()) else {
            throw VideoError.invalid(
                "captions", "unknown mode '\(name)'; valid: \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = mode
    }
}
