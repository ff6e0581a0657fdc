import VideoCore

/// Whether items light up as the narration reaches them (`--reveal`).
public enum RevealMode: String, Hashable, Sendable, Codable, CaseIterable {
    /// List bullets, objectives, checkpoint items, constraints and hints light up from dimmed
    /// on the word where the narration first says them; code panels highlight the line the
    /// narration names. The default.
    case words
    /// Every item is lit for the whole scene (a quiz still reveals its answer on its word).
    case none

    /// Parses a `--reveal` value.
    /// - Parameter name: `words` or `none`.
    /// - Throws: `VideoError` (`.invalidInput`, field `reveal`) naming the valid values.
    public init(validating name: String) throws {
        guard let mode = RevealMode(rawValue: name.lowercased()) else {
            throw VideoError(
                .invalidInput, "unknown reveal mode '\(name)'; valid: words, none", field: "reveal")
        }
        self = mode
    }
}
