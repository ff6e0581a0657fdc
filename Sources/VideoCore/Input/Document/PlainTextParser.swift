import Foundation

/// Reads plain text into the same blocks Markdown gives: paragraphs separated by blank lines,
/// and lists from lines starting with `-`, `*`, `+`, `•` or `1.`.
///
/// A short first line without a full stop stands alone, so the outline can take it as the title.
enum PlainTextParser {
    /// Parses plain text (line endings already `\n`).
    static func parse(_ text: String) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var lines: [String] = []
        var bullets: [String] = []
        func flushParagraph() {
            if !lines.isEmpty { blocks.append(.paragraph(InlineText(lines.joined(separator: " ")))) }
            lines = []
        }
        func flushList() {
            if !bullets.isEmpty {
                blocks.append(
                    .list(
                        ordered: false,
                        items: bullets.map { MarkdownListItem(task: nil, blocks: [.paragraph(InlineText($0))]) }))
            }
            bullets = []
        }
        var first = true
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushParagraph()
                flushList()
                continue
            }
            if let item = bulletText(line) {
                flushParagraph()
                bullets.append(item)
            } else if !bullets.isEmpty, raw.first?.isWhitespace == true {
                bullets[bullets.count - 1] += " " + line  // a wrapped bullet
            } else {
                flushList()
                lines.append(line)
                if first, DocumentOutline.looksLikeTitle(line), !line.hasSuffix("!"), !line.hasSuffix("?") {
                    flushParagraph()
                }
            }
            first = false
        }
        flushParagraph()
        flushList()
        return blocks
    }

    /// The text of a bullet line, or `nil` when the line is not one.
    private static func bulletText(_ line: String) -> String? {
        for mark in ["- ", "* ", "+ ", "• "] where line.hasPrefix(mark) {
            return String(line.dropFirst(mark.count)).trimmingCharacters(in: .whitespaces)
        }
        let digits = line.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") {
                return String(rest.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
