/// Recognises the parts of a README that make poor video: a table of contents, a row of
/// status badges, and a section that only points elsewhere ("See LICENSE", "Support the
/// project by becoming a sponsor").
enum Boilerplate {
    /// Headings of a table of contents (compared lower-cased, letters and spaces only).
    static let contentsHeadings: Set<String> = ["table of contents", "contents", "toc", "table of content"]
    /// Headings of a pointer section (compared lower-cased, letters and spaces only).
    static let pointerHeadings: Set<String> = [
        "license", "licence", "licensing", "license and copyright", "copyright", "contributing", "contribution",
        "contributions", "how to contribute", "contributing guidelines", "code of conduct", "sponsors", "sponsor",
        "sponsorship", "backers", "sponsors and backers", "funding",
    ]
    /// A pointer section says at most this much (screen characters over at most two paragraphs).
    static let maxPointerLength = 300
    /// A badge row's warning names at most this many badges ("… and 36 more").
    static let maxNamedBadges = 8

    /// The warning phrase for a badge row: "a badge row (Build, License: MIT)", naming at
    /// most `maxNamedBadges` of them (a row of sponsors' logos can hold dozens).
    static func badgeRow(_ names: [String]) -> String {
        let named = names.prefix(maxNamedBadges).joined(separator: ", ")
        let more = names.count > maxNamedBadges ? " and \(names.count - maxNamedBadges) more" : ""
        return "a badge row (\(named)\(more))"
    }

    /// A heading reduced to lower-case letters and single spaces: "📖 Table of Contents:"
    /// gives "table of contents".
    static func normalized(_ heading: String) -> String {
        let letters = heading.lowercased().map { $0.isLetter ? $0 : " " }
        return String(letters).split(separator: " ").joined(separator: " ")
    }

    /// Whether the heading names a table of contents.
    static func isContentsHeading(_ heading: String) -> Bool {
        contentsHeadings.contains(normalized(heading))
    }

    /// The section's heading when it is a short pointer section ("## License" and one line),
    /// else `nil`.
    static func pointer(_ section: DocumentSection) -> String? {
        guard let heading = section.heading, pointerHeadings.contains(normalized(heading)) else { return nil }
        var length = 0
        var paragraphs = 0
        for block in section.blocks {
            switch block {
            case .paragraph(let text):
                paragraphs += 1
                length += SpeechText.display(text.display).count
            case .thematicBreak, .htmlBlock:
                continue
            default:
                return nil  // a list, code or a quote: a real section
            }
        }
        return paragraphs <= 2 && length <= maxPointerLength ? heading : nil
    }

    /// The badges' names when the paragraph is only images that look like badges: one or more
    /// from a badge service, or two or more of which one is a link. `nil` otherwise (a lone
    /// picture is dropped silently, as all images are).
    static func badges(_ block: MarkdownBlock) -> [String]? {
        switch block {
        case .paragraph(let text):
            guard !SpeechText.hasWords(text.display),
                text.images.contains(where: \.isBadge)
                    || (text.images.count >= 2 && text.images.contains(where: \.isLinked))
            else { return nil }
            return text.images.map { name(alt: $0.alt, source: $0.source) }
        case .htmlBlock(let html):
            let lower = html.lowercased()
            guard lower.contains("<img"),
                lower.contains("<a ") || lower.contains("badge") || lower.contains("shields.io"),
                !SpeechText.hasWords(HTMLText.plainText(html))
            else { return nil }
            return HTMLText.imageAlts(html)
        default:
            return nil
        }
    }

    /// Whether the list is a table of contents: two or more items, every one (nested ones too)
    /// only a link to a heading of this document (`#anchor`, or a heading's text).
    static func isContents(_ block: MarkdownBlock, headings: Set<String>) -> Bool {
        guard case .list(_, let items) = block else { return false }
        var count = 0
        func allLinks(_ items: [MarkdownListItem]) -> Bool {
            items.allSatisfy { item in
                item.blocks.allSatisfy { block in
                    switch block {
                    case .paragraph(let text):
                        count += 1
                        guard let target = text.links.first, !SpeechText.hasWords(text.unlinked) else { return false }
                        return target.hasPrefix("#") || headings.contains(normalized(text.display))
                    case .list(_, let inner): return allLinks(inner)
                    default: return false
                    }
                }
            }
        }
        return allLinks(items) && count >= 2
    }

    /// A badge's name: its alternative text up to a `|` (shields.io sizes), or where it comes from.
    private static func name(alt: String, source: String) -> String {
        let text = alt.split(separator: "|").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        if SpeechText.hasWords(text) { return text }
        let host = SpeechText.host(of: source)
        return host.isEmpty ? "a badge" : "a badge from \(host)"
    }
}
