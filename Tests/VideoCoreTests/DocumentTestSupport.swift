import Foundation
import VideoCore

/// Helpers shared by the document adapter tests.
enum DocumentTestSupport {
    /// Reads Markdown (or plain text) from memory.
    static func read(_ text: String, name: String = "README.md", format: DocumentAdapter.Format = .markdown) throws
        -> DocumentReadResult
    {
        try DocumentAdapter(text: text, name: name, format: format).read()
    }

    /// Every narration of a video.
    static func narrations(_ config: VideoConfig) -> [String] { config.scenes.compactMap(\.narration) }

    /// Every piece of on-screen text except code: titles, subtitles, headings, items, captions, quotes.
    static func visibleTexts(_ config: VideoConfig) -> [String] {
        config.scenes.flatMap { scene -> [String] in
            switch scene.content {
            case .title(let c): return [c.title, c.subtitle].compactMap { $0 }
            case .list(let c): return [c.heading] + c.items
            case .command(let c): return [c.heading, c.caption].compactMap { $0 }
            case .quote(let c): return [c.text, c.attribution].compactMap { $0 }
            case .outro(let c): return [c.title, c.subtitle].compactMap { $0 }
            case .table(let c): return [c.heading] + c.header + c.rows.flatMap { $0 }
            case .image(let c): return [c.caption].compactMap { $0 }
            case .custom(let c):
                return c.fields.values.compactMap { if case .string(let s) = $0 { s } else { nil } }.sorted()
            default: return []  // the document adapter makes only the seven types above
            }
        }
    }

    /// The list scenes' contents.
    static func lists(_ config: VideoConfig) -> [ListContent] {
        config.scenes.compactMap { if case .list(let c) = $0.content { c } else { nil } }
    }

    /// The table scenes' contents.
    static func tables(_ config: VideoConfig) -> [TableContent] {
        config.scenes.compactMap { if case .table(let c) = $0.content { c } else { nil } }
    }

    /// The command scenes' contents.
    static func commands(_ config: VideoConfig) -> [CommandContent] {
        config.scenes.compactMap { if case .command(let c) = $0.content { c } else { nil } }
    }

    /// Whether a text holds an emoji picture.
    static func hasEmoji(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }
    }
}
