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

    /// Empty text.
    static let empty = InlineText(display: "", speech: "")

    /// Text that is the same on screen and in speech.
    init(_ text: String) {
        self.display = text
        self.speech = text
    }

    /// Text with different screen and speech forms.
    init(display: String, speech: String) {
        self.display = display
        self.speech = speech
    }

    /// Appends another piece of text.
    mutating func append(_ other: InlineText) {
        display += other.display
        speech += other.speech
    }

    /// Whether the text holds nothing but white space.
    var isBlank: Bool { display.allSatisfy(\.isWhitespace) && speech.allSatisfy(\.isWhitespace) }
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
