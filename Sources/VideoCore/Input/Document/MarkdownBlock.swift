/// Inline Markdown content flattened to plain text, in the two forms the adapter needs.
///
/// Links become their text; images, raw HTML and footnote references disappear; a link whose
/// text is its own address (an autolink or a bare URL) shows only the host name on screen and
/// is silent in speech. Inline code keeps its text in both forms.
struct InlineText: Hashable, Sendable {
    /// What may be shown on screen (emoji and host names kept).
    var display: String
    /// What may be read aloud, before the speech clean-up (no link addresses).
    var speech: String
    /// The screen text that is not inside a link (a list item that is only a link has none).
    var unlinked: String
    /// The targets of the links in the text, in order.
    var links: [String] = []
    /// The images in the text, in order (they show no text).
    var images: [InlineImage] = []

    /// Empty text.
    static let empty = InlineText(display: "", speech: "")

    /// Text that is the same on screen and in speech.
    init(_ text: String) {
        self.display = text
        self.speech = text
        self.unlinked = text
    }

    /// Text with different screen and speech forms.
    init(display: String, speech: String) {
        self.display = display
        self.speech = speech
        self.unlinked = display
    }

    /// Appends another piece of text.
    mutating func append(_ other: InlineText) {
        display += other.display
        speech += other.speech
        unlinked += other.unlinked
        links += other.links
        images += other.images
    }

    /// The same text as the text of a link to `target`: nothing of it is unlinked any more and
    /// its images count as linked.
    func linked(to target: String) -> InlineText {
        var text = self
        text.unlinked = ""
        text.links.insert(target, at: 0)
        text.images = images.map { InlineImage(alt: $0.alt, source: $0.source, isLinked: true, title: $0.title) }
        return text
    }

    /// Whether the text holds nothing but white space.
    var isBlank: Bool { display.allSatisfy(\.isWhitespace) && speech.allSatisfy(\.isWhitespace) }
}

/// An image in inline text: its alternative text and address, and whether a link holds it.
struct InlineImage: Hashable, Sendable {
    /// The alternative text (`![this](…)`).
    var alt: String
    /// The image's address.
    var source: String
    /// Whether the image is the content of a link (as status badges are).
    var isLinked: Bool
    /// The image's title (`![alt](file.png "title")`); a title holding the word "zoom" asks
    /// for a slow zoom.
    var title: String = ""

    /// Whether the image's address looks like a status badge's (a badge service, or "badge"
    /// in its path).
    var isBadge: Bool {
        let lower = source.lowercased()
        return lower.contains("shields.io") || lower.contains("badge")
    }
}

/// The state of a GitHub task-list item.
enum TaskListMark: Hashable, Sendable {
    case unchecked, checked
}

/// One item of a Markdown list: its blocks (paragraphs, nested lists, code) and task state.
struct MarkdownListItem: Hashable, Sendable {
    /// `nil` for an ordinary item, the box's state for a task-list item.
    var task: TaskListMark?
    /// The item's content.
    var blocks: [MarkdownBlock]
}

/// A Markdown block, converted from cmark-gfm's tree into plain Swift values.
///
/// Nothing outside `MarkdownParser` sees cmark; the rest of the document adapter works on
/// these values only.
indirect enum MarkdownBlock: Hashable, Sendable {
    /// An ATX or setext heading, level 1–6.
    case heading(level: Int, text: InlineText)
    /// A paragraph.
    case paragraph(InlineText)
    /// A bullet or ordered list.
    case list(ordered: Bool, items: [MarkdownListItem])
    /// A fenced or indented code block with its info string (empty when none).
    case codeBlock(info: String, literal: String)
    /// A block quote and its content.
    case blockQuote([MarkdownBlock])
    /// A GFM table: the header row first, then the body rows, each a row of cells.
    case table(rows: [[InlineText]])
    /// A thematic break (`---`).
    case thematicBreak
    /// A raw HTML block, verbatim.
    case htmlBlock(String)
}
