import VideoCore

/// Text to draw with its style: plain text (shown exactly as written) or Pango markup.
///
/// Plain text is never interpreted as markup, so user text cannot inject formatting. To
/// emphasise parts of user text, build markup and pass the user's words through
/// `TextBlock.escapeMarkup(_:)`:
///
/// ```swift
/// TextBlock(markup: "<b>\(TextBlock.escapeMarkup(name))</b> said", style: body)
/// ```
public struct TextBlock: Hashable, Sendable {
    /// What the text is made of.
    public enum Content: Hashable, Sendable {
        /// Text shown exactly as written.
        case plain(String)
        /// Pango markup (`<b>`, `<i>`, `<span foreground="#RRGGBB">`, …). Markup that does
        /// not parse is shown as its literal characters.
        case markup(String)
    }

    /// The text.
    public var content: Content
    /// How it is set.
    public var style: TextStyle

    /// Creates a block of plain text.
    public init(_ text: String, style: TextStyle) {
        self.content = .plain(text)
        self.style = style
    }

    /// Creates a block from Pango markup.
    public init(markup: String, style: TextStyle) {
        self.content = .markup(markup)
        self.style = style
    }

    /// `text` with `&`, `<`, `>`, `'` and `"` escaped, safe to place inside Pango markup.
    public static func escapeMarkup(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "'": out += "&apos;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
