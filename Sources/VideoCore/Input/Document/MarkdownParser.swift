internal import CCmarkGFM
import Foundation
import Synchronization

/// The one thin wrapper over cmark-gfm: parses CommonMark with the GFM extensions (table,
/// strikethrough, autolink, task list) and converts cmark's tree into `MarkdownBlock` values.
///
/// # Thread safety
/// cmark-gfm keeps global state (its extension registry and the inline parser's table of
/// special characters, which attaching extensions changes), so every parse holds one lock.
enum MarkdownParser {
    /// Nesting deeper than this (block quotes in block quotes, lists in lists, emphasis in
    /// emphasis) is dropped instead of recursed into, so hostile input cannot exhaust the stack.
    static let maxDepth = 48

    /// Held around every parse.
    private static let lock = Mutex(())
    /// Registers the core extensions exactly once (Swift runs a global's initialiser once).
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses Markdown text into top-level blocks.
    static func parse(_ text: String) -> [MarkdownBlock] {
        lock.withLock { _ in
            _ = registered
            return CmarkDocument(parsing: text).blocks()
        }
    }
}

/// Owns a parsed cmark document tree and frees it.
private final class CmarkDocument {
    private let root: OpaquePointer?

    init(parsing text: String) {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else {
            root = nil
            return
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        root = cmark_parser_finish(parser)
    }

    deinit {
        if let root { cmark_node_free(root) }
    }

    /// Converts the document's children.
    func blocks() -> [MarkdownBlock] {
        guard let root else { return [] }
        return Self.blocks(childrenOf: root, depth: 0)
    }

    // MARK: - Blocks

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func typeString(_ node: OpaquePointer) -> String {
        guard let s = cmark_node_get_type_string(node) else { return "" }
        return String(cString: s)
    }

    private static func literal(_ node: OpaquePointer) -> String {
        guard let s = cmark_node_get_literal(node) else { return "" }
        return String(cString: s)
    }

    private static func blocks(childrenOf node: OpaquePointer, depth: Int) -> [MarkdownBlock] {
        guard depth < MarkdownParser.maxDepth else { return [] }
        return children(of: node).compactMap { block($0, depth: depth + 1) }
    }

    private static func block(_ node: OpaquePointer, depth: Int) -> MarkdownBlock? {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), text: inline(childrenOf: node, depth: 0))
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inline(childrenOf: node, depth: 0))
        case CMARK_NODE_LIST:
            let items = children(of: node).map { item in
                MarkdownListItem(task: taskState(item), blocks: blocks(childrenOf: item, depth: depth))
            }
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, items: items)
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .codeBlock(info: info, literal: literal(node))
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(childrenOf: node, depth: depth))
        case CMARK_NODE_HTML_BLOCK:
            return .htmlBlock(literal(node))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            // Extension blocks have types registered at run time; Debian ships no header for them.
            if typeString(node) == "table" { return table(node) }
            return nil  // footnote definitions, custom blocks
        }
    }

    private static func taskState(_ item: OpaquePointer) -> TaskListMark? {
        guard typeString(item) == "tasklist" else { return nil }
        return cmark_gfm_extensions_get_tasklist_item_checked(item) ? .checked : .unchecked
    }

    private static func table(_ node: OpaquePointer) -> MarkdownBlock {
        var rows: [[InlineText]] = []
        for row in children(of: node) where ["table_header", "table_row"].contains(typeString(row)) {
            rows.append(children(of: row).map { inline(childrenOf: $0, depth: 0) })
        }
        return .table(rows: rows)
    }

    // MARK: - Inlines

    private static func inline(childrenOf node: OpaquePointer, depth: Int) -> InlineText {
        var text = InlineText.empty
        guard depth < MarkdownParser.maxDepth else { return text }
        for child in children(of: node) {
            text.append(inline(child, depth: depth + 1))
        }
        return text
    }

    private static func inline(_ node: OpaquePointer, depth: Int) -> InlineText {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            return InlineText(literal(node))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            return InlineText(" ")
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            return inline(childrenOf: node, depth: depth)
        case CMARK_NODE_LINK:
            return link(node, depth: depth)
        case CMARK_NODE_IMAGE:
            var image = InlineText.empty
            let source = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            image.images = [
                InlineImage(
                    alt: inline(childrenOf: node, depth: depth).display, source: source, isLinked: false, title: title)
            ]
            return image
        case CMARK_NODE_HTML_INLINE:
            // <br> separates a term from its description ("**Name** <br> What it does").
            let tag = literal(node).lowercased().filter { !$0.isWhitespace }
            return ["<br>", "<br/>"].contains(tag) ? InlineText(display: " — ", speech: ", ") : .empty
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            return .empty
        default:
            // strikethrough and any other extension inline: keep its text.
            return inline(childrenOf: node, depth: depth)
        }
    }

    /// A link is its text, unless the text is an address (autolinks, bare URLs): then the
    /// screen shows the host name and the speech text keeps the address for `SpeechText` to
    /// replace.
    private static func link(_ node: OpaquePointer, depth: Int) -> InlineText {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let text = inline(childrenOf: node, depth: depth)
        let shown = text.display.trimmingCharacters(in: .whitespaces)
        if url.lowercased().hasPrefix("mailto:") && (shown == url || "mailto:" + shown == url) {
            return InlineText(String(url.dropFirst("mailto:".count)))
        }
        if shown == url || SpeechText.isAddress(shown) {
            // The speech clean-up decides how an address is read.
            let address = SpeechText.isAddress(shown) ? shown : url
            return InlineText(display: SpeechText.host(of: address), speech: " \(address) ").linked(to: url)
        }
        return text.linked(to: url)
    }
}
