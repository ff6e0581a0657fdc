import Foundation

/// What one section holds, in document order, sorted for the scenes it becomes: runs of list
/// lines (bullets, table rows and the key sentences of paragraphs), and the code blocks and
/// quotes that get scenes of their own.
struct SectionContent: Hashable, Sendable {
    /// One stretch of the section.
    enum Part: Hashable, Sendable {
        /// Lines for list scenes.
        case lines([Bullet])
        /// A code block with its info string, the short paragraph that led into it and the short
        /// paragraph that followed it (both talk about the code).
        case code(info: String, literal: String, leadIn: Prose?, followUp: Prose?)
        /// A quote's paragraphs and its attribution.
        case quote([Prose], attribution: String?)
        /// A picture: its address as written, its alt text and whether its title asks to zoom.
        case image(source: String, alt: String, zoom: Bool)
        /// A table: the header's cells, the body rows' cells, what is said over each row (cell
        /// by cell) and the short paragraph that announced the table.
        case table(header: [String], rows: [[String]], said: [String], leadIn: String?)
    }

    /// Longest caption shown, in characters.
    static let maxCaptionLength = 160
    /// A paragraph right before a code block (or a list) and at most this long leads into it; one
    /// right after a code block and at most this long follows it up.
    static let maxLeadInLength = 200

    /// The section's parts in document order.
    private(set) var parts: [Part] = []

    /// Sorts a section's blocks.
    init(blocks: [MarkdownBlock]) {
        var pending: [Bullet] = []
        var lead: Prose?
        func flushLines() {
            if !pending.isEmpty { parts.append(.lines(pending)) }
            pending = []
        }
        /// Lines that a short paragraph ending in a colon announced: it is said with the
        /// first of them, not shown (or shown after all when there are none).
        func appendAnnounced(_ lines: [Bullet]) {
            var lines = lines
            if let said = lead {
                if lines.isEmpty {
                    lines = Bullet.lines(ofParagraph: said)
                } else {
                    lines[0].spoken = said.speech + " " + lines[0].spoken
                    lines[0].narrated = true
                }
            }
            lead = nil
            pending += lines
        }
        for (index, block) in blocks.enumerated() {
            let previous = index > 0 ? blocks[index - 1] : nil
            let next = index + 1 < blocks.count ? blocks[index + 1] : nil
            switch block {
            case .paragraph(let text):
                let pictures = text.images.filter { !$0.isLinked && !$0.isBadge && !$0.source.isEmpty }
                guard let prose = Prose(text) else {
                    if !pictures.isEmpty {
                        flushLines()
                        parts += pictures.map(Self.image)
                    }
                    continue
                }
                if !pictures.isEmpty {
                    // Text and pictures: the text's lines, then each picture.
                    pending += Bullet.lines(ofParagraph: prose)
                    flushLines()
                    parts += pictures.map(Self.image)
                    continue
                }
                let short = prose.display.count <= Self.maxLeadInLength
                if short, Self.isCode(next) { continue }  // the code block takes it as its lead-in
                if short, !prose.display.hasSuffix(":"), Self.isCode(previous), !Self.isCode(next),
                    case .code(let info, let literal, let leadIn, nil) = parts.last
                {
                    parts[parts.count - 1] = .code(info: info, literal: literal, leadIn: leadIn, followUp: prose)
                    continue
                }
                if short, prose.display.hasSuffix(":"), Self.isList(next) {
                    lead = prose
                } else {
                    pending += Bullet.lines(ofParagraph: prose)
                }
            case .codeBlock(let info, let literal):
                guard !Self.isBlank(literal) else { continue }
                var leadIn: Prose?
                if case .paragraph(let text) = previous, let prose = Prose(text),
                    prose.display.count <= Self.maxLeadInLength
                {
                    leadIn = prose
                }
                flushLines()
                parts.append(.code(info: info, literal: literal, leadIn: leadIn, followUp: nil))
            case .list(_, let listItems):
                var codes: [Part] = []
                appendAnnounced(Self.lines(of: listItems, codes: &codes))
                if !codes.isEmpty {
                    flushLines()
                    parts += codes
                }
            case .table(let rows):
                flushLines()
                if let table = Self.table(rows, leadIn: lead) { parts.append(table) }
                lead = nil
            case .blockQuote(let inner):
                if let quote = Self.quote(inner) {
                    flushLines()
                    parts.append(quote)
                }
            case .heading, .thematicBreak, .htmlBlock:
                continue
            }
        }
        flushLines()
    }

    /// Whether the section has nothing to show.
    var isEmpty: Bool { parts.isEmpty }

    private static func isBlank(_ code: String) -> Bool { code.allSatisfy(\.isWhitespace) }

    private static func isCode(_ block: MarkdownBlock?) -> Bool {
        if case .codeBlock(_, let literal) = block { return !isBlank(literal) }
        return false
    }

    private static func isList(_ block: MarkdownBlock?) -> Bool {
        switch block {
        case .list, .table: return true
        default: return false
        }
    }

    /// A picture part: a title holding "zoom" asks for the slow zoom.
    private static func image(_ picture: InlineImage) -> Part {
        .image(
            source: picture.source, alt: SpeechText.display(picture.alt),
            zoom: picture.title.lowercased().contains("zoom"))
    }

    /// A table part: the first row is the header; a body row is said cell by cell (the header
    /// is shown, not said), after the short paragraph that announced the table, if any.
    private static func table(_ rows: [[InlineText]], leadIn: Prose?) -> Part? {
        let cells = rows.map { row in row.map { SpeechText.display($0.display) } }
        guard let header = cells.first, !header.isEmpty else { return nil }
        var body: [[String]] = [], said: [String] = []
        for (row, shown) in zip(rows.dropFirst(), cells.dropFirst()) where shown.contains(where: SpeechText.hasWords) {
            let spoken = row.map { cell in
                var text = SpeechText.speech(cell.speech, address: nil)
                while let last = text.last, ".,;:".contains(last) { text.removeLast() }
                return text
            }.filter(SpeechText.hasWords)
            body.append(shown)
            said.append(spoken.isEmpty ? "" : spoken.joined(separator: ", ") + ".")
        }
        return .table(header: header, rows: body, said: said, leadIn: leadIn?.speech)
    }

    /// A list's items as lines. A nested list joins its parent's line when the result is short
    /// ("Parent: a, b"), else its items follow as lines of their own. Code inside items becomes
    /// a code part captioned by the item, added to `codes`.
    private static func lines(of listItems: [MarkdownListItem], codes: inout [Part]) -> [Bullet] {
        var lines: [Bullet] = []
        for item in listItems {
            var text: Prose?
            var more: [String] = []
            var nested: [Bullet] = []
            for block in item.blocks {
                switch block {
                case .paragraph(let inline):
                    guard let prose = Prose(inline) else { continue }
                    if text == nil { text = prose } else { more.append(prose.speech) }
                case .list(_, let inner):
                    nested += Self.lines(of: inner, codes: &codes)
                case .codeBlock(let info, let literal) where !isBlank(literal):
                    codes.append(.code(info: info, literal: literal, leadIn: text, followUp: nil))
                case .table, .blockQuote, .codeBlock, .heading, .thematicBreak, .htmlBlock:
                    continue
                }
            }
            guard var prose = text else {
                lines += nested
                continue
            }
            if !more.isEmpty { prose.speech += " " + more.joined(separator: " ") }
            let mark: String
            switch item.task {
            case .checked: mark = "☑ "
            case .unchecked: mark = "☐ "
            case nil: mark = ""
            }
            let joined = nested.map(\.shown).joined(separator: ", ")
            if !nested.isEmpty, nested.allSatisfy({ !$0.narrated }),
                mark.count + prose.display.count + 2 + joined.count <= Bullet.maxShown
            {
                let line = mark + withoutTrailingColon(prose.display) + ": " + joined
                let speech = ([withoutTrailingColon(prose.speech)] + nested.map(\.spoken)).joined(separator: " ")
                lines.append(Bullet(shown: line, spoken: speech, narrated: !more.isEmpty))
            } else {
                var own = Bullet.lines(ofItem: prose, prefix: mark)
                if !more.isEmpty, !own.isEmpty { own[own.count - 1].narrated = true }
                lines += own + nested
            }
        }
        return lines
    }

    private static func withoutTrailingColon(_ text: String) -> String {
        var s = text
        while s.hasSuffix(":") || s.hasSuffix(".") { s.removeLast() }
        return s
    }

    private static let alerts = ["note", "tip", "important", "warning", "caution"]

    /// A block quote's paragraphs (and list items), with a GitHub alert marker (`[!NOTE]`) or a
    /// closing "— Name" line as attribution.
    private static func quote(_ blocks: [MarkdownBlock]) -> Part? {
        var paragraphs: [Prose] = []
        for block in blocks {
            switch block {
            case .paragraph(let text): if let p = Prose(text) { paragraphs.append(p) }
            case .list(_, let items):
                for item in items {
                    for case .paragraph(let text) in item.blocks { if let p = Prose(text) { paragraphs.append(p) } }
                }
            default: continue
            }
        }
        var attribution: String?
        if var first = paragraphs.first, first.display.hasPrefix("[!"), let close = first.display.firstIndex(of: "]") {
            let kind = first.display[first.display.index(first.display.startIndex, offsetBy: 2)..<close].lowercased()
            if alerts.contains(kind) {
                attribution = kind.prefix(1).uppercased() + kind.dropFirst()
                first.display = first.display[first.display.index(after: close)...].trimmingCharacters(in: .whitespaces)
                if first.speech.lowercased().hasPrefix("!" + kind) {
                    first.speech = String(first.speech.dropFirst(kind.count + 1)).trimmingCharacters(in: .whitespaces)
                }
                paragraphs[0] = first
                if !SpeechText.hasWords(first.speech) { paragraphs.removeFirst() }
            }
        }
        if attribution == nil, let last = paragraphs.last, paragraphs.count > 1,
            let mark = ["—", "–", "--", "- "].first(where: { last.display.hasPrefix($0) })
        {
            attribution = String(last.display.dropFirst(mark.count)).trimmingCharacters(in: .whitespaces)
            paragraphs.removeLast()
        }
        return paragraphs.isEmpty ? nil : .quote(paragraphs, attribution: attribution)
    }
}
