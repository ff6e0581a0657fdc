/// A section of a document: a heading and the blocks up to the next heading.
struct DocumentSection: Hashable, Sendable {
    /// The heading's screen text; `nil` for the text before the first heading.
    var heading: String?
    /// The heading level (1–6); 0 for the text before the first heading.
    var level: Int
    /// The section's blocks, without headings.
    var blocks: [MarkdownBlock]
    /// What its scenes are headed: the heading, after its parent section's heading for a
    /// subsection ("Basic Architecture · EventLoop").
    var title: String?
}

/// A document's outline: its title, the title's first paragraph, the introduction and the sections.
///
/// The first H1 is the title; the text before it and between it and the next heading is the
/// introduction. Without an H1, a short first line standing alone is the title, or else the
/// fallback title (from the file name). Every other heading starts a section of its own; a
/// subsection's title names its parent section too.
///
/// Boilerplate is left out and named in `omitted`: badge rows always (they show nothing), and
/// unless asked to keep them, tables of contents and short License or Contributing pointers.
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
    /// The boilerplate left out, one phrase each ("a badge row (Build, License)").
    var omitted: [String] = []

    /// Longest title or heading shown, in characters.
    static let maxHeadingLength = 120
    /// Longest "Section · Subsection" title; longer ones shorten the parent or drop it.
    static let maxTitleLength = 64

    /// Builds the outline of parsed blocks.
    /// - Parameters:
    ///   - blocks: The document's blocks.
    ///   - fallbackTitle: The title when the document shows none.
    ///   - keepsBoilerplate: Whether tables of contents and pointer sections stay in.
    init(blocks: [MarkdownBlock], fallbackTitle: String, keepsBoilerplate: Bool = false) {
        var preamble: [MarkdownBlock] = []
        var sections: [DocumentSection] = []
        var omitted: [String] = []
        for raw in blocks {
            if let badges = Boilerplate.badges(raw) {
                omitted.append(Boilerplate.badgeRow(badges))
                continue
            }
            guard let block = HTMLText.block(raw) else { continue }
            if case .heading(let level, let text) = block {
                let shown = SpeechText.display(text.display)
                sections.append(
                    DocumentSection(
                        heading: shown.isEmpty ? nil : SpeechText.keyPhrase(shown, limit: Self.maxHeadingLength),
                        level: level, blocks: []))
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
            title = SpeechText.keyPhrase(fallbackTitle, limit: Self.maxHeadingLength)
            titleSource = .fallback
            intro = preamble
        }
        sections = Self.titled(sections)
        if !keepsBoilerplate {
            Self.dropContents(intro: &intro, sections: &sections, omitted: &omitted)
            sections.removeAll { section in
                guard let heading = Boilerplate.pointer(section) else { return false }
                omitted.append("the “\(heading)” section (a short pointer)")
                return true
            }
        }
        self.sections = sections
        self.omitted = omitted
    }

    /// Removes tables of contents: sections headed "Contents" and lists of links to headings.
    private static func dropContents(
        intro: inout [MarkdownBlock], sections: inout [DocumentSection], omitted: inout [String]
    ) {
        sections.removeAll { section in
            guard let heading = section.heading, Boilerplate.isContentsHeading(heading) else { return false }
            omitted.append("the table of contents (“\(heading)”)")
            return true
        }
        let headings = Set(sections.compactMap(\.heading).map(Boilerplate.normalized))
        func strip(_ blocks: inout [MarkdownBlock], in place: String) {
            let before = blocks.count
            blocks.removeAll { Boilerplate.isContents($0, headings: headings) }
            if blocks.count < before {
                omitted.append("a table of contents (a list of links to its headings) in \(place)")
            }
        }
        strip(&intro, in: "the introduction")
        for i in sections.indices { strip(&sections[i].blocks, in: "“\(sections[i].heading ?? "")”") }
    }

    /// The sections with their titles: a subsection's is "Parent · Heading", with the parent
    /// shortened to its first part, or left out, when that is longer than `maxTitleLength`.
    private static func titled(_ sections: [DocumentSection]) -> [DocumentSection] {
        var stack: [(level: Int, heading: String?)] = []
        return sections.map { section in
            var section = section
            while let top = stack.last, top.level >= section.level { stack.removeLast() }
            section.title = section.heading
            if let heading = section.heading, let parent = stack.last?.heading {
                let room = maxTitleLength - heading.count - 3
                if let head = SpeechText.headingHead(parent, limit: room) { section.title = "\(head) · \(heading)" }
            }
            stack.append((section.level, section.heading))
            return section
        }
    }

    /// A first paragraph that reads like a title: one short line with words and no full stop.
    static func looksLikeTitle(_ text: String) -> Bool {
        let shown = SpeechText.display(text)
        return !shown.isEmpty && shown.count <= 80 && SpeechText.hasWords(shown) && !shown.contains("\n")
            && !(shown.hasSuffix(".") && !shown.hasSuffix("..."))
    }
}
