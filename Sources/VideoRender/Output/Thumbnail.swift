import Foundation
import VideoCore

/// Draws `thumbnail.png` (1280×720) from a video's title scene (or its first scene).
public struct Thumbnail: Sendable {
    /// The thumbnail's size.
    public static let size = Resolution(width: 1280, height: 720)

    /// The renderers to draw with.
    public var registry: RendererRegistry
    /// The colour theme.
    public var theme: VideoTheme

    /// Creates a thumbnail maker.
    public init(registry: RendererRegistry = .standard, theme: VideoTheme = .dark) {
        self.registry = registry
        self.theme = theme
    }

    /// Draws the thumbnail of `config`.
    public func draw(_ config: VideoConfig) throws -> Canvas {
        let index = config.scenes.firstIndex { $0.sceneType == .title } ?? 0
        let context = RenderContext(
            resolution: Self.size, accentColor: config.accentColor, theme: theme, sceneIndex: index,
            sceneCount: config.scenes.count, videoTitle: config.title, language: config.language)
        return try registry.render(config.scenes[index], context: context)
    }

    /// Draws the thumbnail of `config` and writes it atomically to `url`.
    public func write(_ config: VideoConfig, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        try draw(config).writePNG(to: temporary)
        try AtomicFile.replace(url, with: temporary)
    }
}
