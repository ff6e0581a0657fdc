import Foundation

/// Reads what little of a raw HTML block a video can use: `<h1>`–`<h6>` become headings and
/// `<p>` with text becomes a paragraph; every other HTML block (images, comments,
/// `<details>`, …) is dropped.
enum HTMLText {
    /// The Markdown block to use for a block, or `nil` to drop it. Non-HTML blocks pass through.
    static func block(_ block: MarkdownBlock) -> MarkdownBlock? {
        guard case .htmlBlock(let html) = block else { return block }
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        if lower.count >= 4, lower.hasPrefix("<h"), let digit = lower.dropFirst(2).first,
            let level = digit.wholeNumberValue,
            (1...6).contains(level), let after = lower.dropFirst(3).first, after == ">" || after == " "
        {
            let text = plainText(trimmed)
            return text.isEmpty ? nil : .heading(level: level, text: InlineText(text))
        }
        if let open = trimmed.range(of: "<summary", options: .caseInsensitive),
            let close = trimmed.range(of: "</summary>", options: .caseInsensitive), open.upperBound < close.lowerBound
        {
            // <details><summary>Question?</summary>: the summary is the question.
            let text = plainText(String(trimmed[open.lowerBound..<close.upperBound]))
            return SpeechText.hasWords(text) ? .paragraph(InlineText(text)) : nil
        }
        if lower.hasPrefix("<p>") || lower.hasPrefix("<p ") {
            let text = plainText(trimmed)
            return SpeechText.hasWords(text) ? .paragraph(InlineText(text)) : nil
        }
        return nil
    }

    /// The `alt` texts of the fragment's `<img>` tags, in order ("image" for one without).
    static func imageAlts(_ html: String) -> [String] {
        var alts: [String] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<img", options: .caseInsensitive) {
            let end = rest[open.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[open.upperBound..<end]
            var alt = ""
            if let key = tag.range(of: "alt=", options: .caseInsensitive), let quote = tag[key.upperBound...].first,
                quote == "\"" || quote == "'"
            {
                let value = tag[tag.index(after: key.upperBound)...]
                alt = String(value.prefix { $0 != quote })
            }
            alts.append(SpeechText.hasWords(alt) ? alt : "image")
            rest = rest[end...]
        }
        return alts
    }

    /// The text of an HTML fragment: tags and comments removed, a few entities decoded, white
    /// space collapsed.
    static func plainText(_ html: String) -> String {
        var out = ""
        var inTag = false
        var rest = Substring(html)
        while let ch = rest.first {
            if !inTag, rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { break }
                rest = rest[end.upperBound...]
                continue
            }
            rest.removeFirst()
            if ch == "<" {
                inTag = true
                out.append(" ")
            } else if ch == ">" && inTag {
                inTag = false
            } else if !inTag {
                out.append(ch)
            }
        }
        let entities = [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
        ]
        for (entity, value) in entities { out = out.replacingOccurrences(of: entity, with: value) }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
