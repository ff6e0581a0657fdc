/// A section of a document: a heading and the blocks up to the next heading.
struct DocumentSection: Hashable, Sendable {
    /// The heading's screen text; `nil` for the text before the first heading.
    var heading: String?
    /// The heading level (1–6); 0 for the text before the first heading.
    var level: Int
    /// The section's blocks, without headings.
    var blocks: [MarkdownBlock]
}

/// A document's outline: its title, the title's first paragraph, the introduction and the sections.
///
/// The first H1 is the title; the text before it and between it and the next heading is the
/// introduction. Without an H1, a short first line standing alone is the title, or else the
/// fallback title (from the file name). Sections below H3 merge into the section before them.
struct DocumentOutline: Hashable, Sendable {
    /// The video title, screen text.
    var title: String
    /// Where the title came from.
    enum TitleSource: Hashable, Sendable {
        /// The first H1 (then the introduction's first paragraph is its subtitle).
        case heading
        /// A short first line.
        case firstLine
        /// The fallback (the file name).
        case fallback
    }

    /// Where the title came from.
    var titleSource: TitleSource
    /// Whether the title came from an H1.
    var titleIsHeading: Bool { titleSource == .heading }
    /// Blocks before the first section that is not the title.
    var intro: [MarkdownBlock]
    /// The other sections, in order.
    var sections: [DocumentSection]

    /// Longest title or heading shown, in characters.
    static let maxHeadingLength = 120

    /// Builds the outline of parsed blocks.
    init(blocks: [MarkdownBlock], fallbackTitle: String) {
        var preamble: [MarkdownBlock] = []
        var sections: [DocumentSection] = []
        for block in blocks.compactMap(HTMLText.block) {
            if case .heading(let level, let text) = block {
                let shown = SpeechText.display(text.display)
                sections.append(
                    DocumentSection(
                        heading: shown.isEmpty ? nil : SpeechText.shorten(shown, to: Self.maxHeadingLength),
                        level: level,
                        blocks: []))
            } else if sections.isEmpty {
                preamble.append(block)
            } else {
                sections[sections.count - 1].blocks.append(block)
            }
        }

        if let index = sections.firstIndex(where: { $0.level == 1 && $0.heading != nil }) {
            title = sections[index].heading!
            titleSource = .heading
            intro = preamble + sections[index].blocks
            sections.remove(at: index)
        } else if case .paragraph(let text) = preamble.first, Self.looksLikeTitle(text.display) {
            title = SpeechText.display(text.display)
            titleSource = .firstLine
            intro = Array(preamble.dropFirst())
        } else {
            title = SpeechText.shorten(fallbackTitle, to: Self.maxHeadingLength)
            titleSource = .fallback
            intro = preamble
        }
        self.sections = Self.mergingDeepSections(sections)
    }

    /// A first paragraph that reads like a title: one short line with words and no full stop.
    static func looksLikeTitle(_ text: String) -> Bool {
        let shown = SpeechText.display(text)
        return !shown.isEmpty && shown.count <= 80 && SpeechText.hasWords(shown) && !shown.contains("\n")
            && !(shown.hasSuffix(".") && !shown.hasSuffix("..."))
    }

    /// H4–H6 sections become part of the section before them, their heading a paragraph.
    private static func mergingDeepSections(_ sections: [DocumentSection]) -> [DocumentSection] {
        var merged: [DocumentSection] = []
        for section in sections {
            if section.level >= 4, !merged.isEmpty {
                if let heading = section.heading {
                    merged[merged.count - 1].blocks.append(.paragraph(InlineText(heading)))
                }
                merged[merged.count - 1].blocks += section.blocks
            } else {
                merged.append(section)
            }
        }
        return merged
    }
}
