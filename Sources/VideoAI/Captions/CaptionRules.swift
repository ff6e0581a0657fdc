import VideoCore

/// The per-language limits of caption lines, from Netflix's timed-text style guides
/// (`Docs/Captions.md` gives each figure's source): how wide a line may be, how fast cues
/// should read, and how a line's width is counted.
///
/// Widths are counted in *units*: one unit a character, except in Japanese, where Netflix
/// counts a full-width character as one and a half-width character as half, so there a unit is
/// half a character and a full-width character is two.
public struct CaptionRules: Hashable, Sendable {
    /// The widest line, in units.
    public let maxLineWidth: Int
    /// How many units one character of reading speed is.
    public let unitsPerCharacter: Int
    /// The reading speed cues aim at, in characters a second.
    public let charactersPerSecond: Double
    /// Whether the language is written without spaces between words (units of such text are
    /// joined without a space).
    public let isUnspaced: Bool

    /// The rules for `language`: Simplified Chinese 16 characters a line and 9 a second,
    /// Japanese 13 full-width characters a line and 4 a second, Thai 35 characters a line, every
    /// other language Netflix's English figures (42 characters a line, 17 a second).
    /// - Parameter language: The captions' language.
    public init(language: Language) {
        switch language.profile.code {
        case "zh": (maxLineWidth, unitsPerCharacter, charactersPerSecond) = (16, 1, 9)
        case "ja": (maxLineWidth, unitsPerCharacter, charactersPerSecond) = (26, 2, 4)
        case "th":
            (maxLineWidth, unitsPerCharacter, charactersPerSecond) = (35, 1, CaptionBuilder.maxCharactersPerSecond)
        default:
            (maxLineWidth, unitsPerCharacter, charactersPerSecond) = (
                CaptionBuilder.maxLineLength, 1, CaptionBuilder.maxCharactersPerSecond
            )
        }
        isUnspaced = language.profile.isWrittenWithoutSpaces
    }

    /// English's rules.
    public static let english = CaptionRules(language: .english)

    /// The width of `text` in units (in Japanese, full-width characters count two).
    /// - Parameter text: One word or line.
    /// - Returns: Its width.
    public func width(_ text: String) -> Int {
        guard unitsPerCharacter == 2 else { return text.count }
        return text.reduce(0) { sum, character in
            sum + (character.unicodeScalars.first.map(UnspacedScript.isFullWidth) == true ? 2 : 1)
        }
    }

    /// The text put between two neighbouring words on a line: nothing between two units of a
    /// script written without spaces (in a language written so), a space otherwise.
    /// - Parameters:
    ///   - left: The word before.
    ///   - right: The word after.
    /// - Returns: `""` or `" "`.
    public func separator(_ left: String, _ right: String) -> String {
        guard isUnspaced, let last = left.unicodeScalars.last, let first = right.unicodeScalars.first else {
            return " "
        }
        return UnspacedScript.contains(last) && UnspacedScript.contains(first) ? "" : " "
    }

    /// `words` on one line.
    /// - Parameter words: The words in order.
    /// - Returns: The words joined by their separators.
    public func join(_ words: some Collection<String>) -> String {
        var line = ""
        var previous: String?
        for word in words {
            if let previous { line += separator(previous, word) }
            line += word
            previous = word
        }
        return line
    }
}
