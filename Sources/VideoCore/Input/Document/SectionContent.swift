import Foundation

/// What one section holds, sorted for the scenes it becomes: list items (bullets and table
/// rows), prose paragraphs, and the code blocks and quotes that get scenes of their own.
struct SectionContent: Hashable, Sendable {
    /// A code block or a quote, in document order.
    enum Visual: Hashable, Sendable {
        /// A code block with its info string and the short paragraph that led into it.
        case code(info: String, literal: String, leadIn: Prose?)
        /// A quote's paragraphs and its attribution.
        case quote([Prose], attribution: String?)
    }

    /// Longest list item shown, in characters.
    static let maxItemLength = 160
    /// A paragraph right before a code block and at most this long is the block's caption.
    static let maxLeadInLength = 200

    /// Bullet items and table rows, screen text.
    var items: [String] = []
    /// Paragraphs that are not captions.
    var prose: [Prose] = []
    /// Code blocks and quotes.
    var visuals: [Visual] = []

    /// Sorts a section's blocks.
    init(blocks: [MarkdownBlock]) {
        var leadIn: Prose?
        func flushLeadIn() {
            if let p = leadIn { prose.append(p) }
            leadIn = nil
        }
        for block in blocks {
            switch block {
            case .paragraph(let text):
                flushLeadIn()
                leadIn = Prose(text)
            case .codeBlock(let info, let literal):
                guard !literal.allSatisfy(\.isWhitespace) else { continue }
                let caption = leadIn.flatMap { $0.display.count <= Self.maxLeadInLength ? $0 : nil }
                if caption == nil { flushLeadIn() }
                leadIn = nil
                visuals.append(.code(info: info, literal: literal, leadIn: caption))
            case .list(_, let listItems):
                flushLeadIn()
                items += collect(listItems, depth: 0)
            case .table(let rows):
                flushLeadIn()
                items += rows.compactMap { row in
                    let cells = row.map { SpeechText.display($0.display) }.filter(SpeechText.hasWords)
                    return cells.isEmpty
                        ? nil : SpeechText.shorten(cells.joined(separator: " — "), to: Self.maxItemLength)
                }
            case .blockQuote(let inner):
                flushLeadIn()
                if let quote = Self.quote(inner) { visuals.append(quote) }
            case .heading, .thematicBreak, .htmlBlock:
                continue
            }
        }
        flushLeadIn()
    }

    /// Whether the section has nothing to show.
    var isEmpty: Bool { items.isEmpty && prose.isEmpty && visuals.isEmpty }

    /// A list's items as screen lines. A nested list joins its parent's line when the result is
    /// short ("Parent: a, b"), else its items follow as lines of their own. Code inside items
    /// becomes a visual captioned by the item.
    private mutating func collect(_ listItems: [MarkdownListItem], depth: Int) -> [String] {
        var lines: [String] = []
        for item in listItems {
            var text: Prose?
            var nested: [String] = []
            for block in item.blocks {
                switch block {
                case .paragraph(let inline) where text == nil:
                    text = Prose(inline)
                case .list(_, let inner):
                    nested += collect(inner, depth: depth + 1)
                case .codeBlock(let info, let literal) where !literal.allSatisfy(\.isWhitespace):
                    visuals.append(.code(info: info, literal: literal, leadIn: text))
                case .table, .blockQuote, .paragraph, .codeBlock, .heading, .thematicBreak, .htmlBlock:
                    continue
                }
            }
            var line = text?.display ?? ""
            if !line.isEmpty {
                switch item.task {
                case .checked: line = "☑ " + line
                case .unchecked: line = "☐ " + line
                case nil: break
                }
            }
            if !line.isEmpty, !nested.isEmpty,
                line.count + 2 + nested.joined(separator: ", ").count <= Self.maxItemLength
            {
                lines.append(Self.withoutTrailingColon(line) + ": " + nested.joined(separator: ", "))
            } else {
                if !line.isEmpty { lines.append(SpeechText.shorten(line, to: Self.maxItemLength)) }
                lines += nested
            }
        }
        return lines
    }

    private static func withoutTrailingColon(_ text: String) -> String {
        var s = text
        while s.hasSuffix(":") { s.removeLast() }
        return s
    }

    private static let alerts = ["note", "tip", "important", "warning", "caution"]

    /// A block quote's paragraphs (and list items), with a GitHub alert marker (`[!NOTE]`) or a
    /// closing "— Name" line as attribution.
    private static func quote(_ blocks: [MarkdownBlock]) -> Visual? {
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
