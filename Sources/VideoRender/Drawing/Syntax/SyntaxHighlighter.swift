import VideoCore

/// Turns code into Pango markup coloured by token kind: keywords, strings, comments, numbers
/// and keys, for the languages of `CodeLanguage`.
///
/// The code's own text is always escaped, so it can hold `<`, `&` or anything else. Tabs
/// become four spaces and other control characters are dropped, so the markup always parses.
package enum SyntaxHighlighter {
    /// A text block of `code` in `style`, coloured for `language` on `theme`'s panels.
    /// - Parameters:
    ///   - code: The source text, lines separated by newlines.
    ///   - language: The language family; `.plain` colours nothing.
    ///   - style: The text style (normally monospace); its colour is the plain-text colour.
    ///   - theme: The theme the code is drawn on, which picks the light or dark palette.
    /// - Returns: A markup text block.
    package static func textBlock(code: String, language: CodeLanguage, style: TextStyle, theme: VideoTheme)
        -> TextBlock
    {
        var palette = SyntaxPalette(theme: theme)
        palette.text = style.color
        return TextBlock(markup: markup(code: code, language: language, palette: palette), style: style)
    }

    /// The markup of `code` coloured with `palette` (plain text in the block's own colour).
    static func markup(code: String, language: CodeLanguage, palette: SyntaxPalette) -> String {
        var out = ""
        for token in SyntaxTokenizer(language: language).tokens(in: sanitized(code)) {
            let text = TextBlock.escapeMarkup(token.text)
            switch token.kind {
            case .plain: out += text
            case .comment: out += "<span foreground=\"\(palette.comment.hexString)\" style=\"italic\">\(text)</span>"
            default: out += "<span foreground=\"\(palette.color(for: token.kind).hexString)\">\(text)</span>"
            }
        }
        return out
    }

    /// `code` with CRLF made LF, tabs made four spaces and other control characters removed.
    static func sanitized(_ code: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in code.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\n": if !previousCR { out.append(scalar) }
            case "\r": out.append("\n")
            case "\t": out.append(contentsOf: "    ".unicodeScalars)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE
                    || scalar.value == 0xFFFF
                {
                    continue
                }
                out.append(scalar)
            }
        }
        return String(out)
    }
}
