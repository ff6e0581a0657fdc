import VideoCore

/// What a renderer needs to know about the video besides the scene itself.
public struct RenderContext: Hashable, Sendable {
    /// The frame size.
    public var resolution: Resolution
    /// The video's accent colour, for bars, bullets and highlights.
    public var accentColor: AccentColor
    /// The background and text colours.
    public var theme: VideoTheme
    /// The scene's position in the video, from 0.
    public var sceneIndex: Int
    /// How many scenes the video has.
    public var sceneCount: Int
    /// The video's title, shown small in a corner.
    public var videoTitle: String
    /// The video's language: its labels (`phrases`), its fonts' language and its direction.
    public var language: Language

    /// Creates a context.
    public init(
        resolution: Resolution = .hd1080, accentColor: AccentColor = .blue, theme: VideoTheme = .dark,
        sceneIndex: Int = 0,
        sceneCount: Int = 1, videoTitle: String = "", language: Language = .english
    ) {
        self.resolution = resolution
        self.accentColor = accentColor
        self.theme = theme
        self.sceneIndex = sceneIndex
        self.sceneCount = sceneCount
        self.videoTitle = videoTitle
        self.language = language
    }

    /// A blank frame-sized canvas set for the video's language, to measure text on.
    /// - Throws: `VideoError` (`.render`) when Cairo cannot make it.
    func measuringCanvas() throws -> Canvas {
        let canvas = try Canvas(resolution: resolution)
        canvas.language = language
        return canvas
    }

    /// The on-screen labels in the video's language.
    public var phrases: Phrases { Phrases(language) }

    /// The area everything is drawn in: the frame less 5% of its width on the left and right
    /// and 5% of its height at the top and bottom (the title-safe margins).
    public var safeArea: Canvas.Rect {
        let w = Double(resolution.width), h = Double(resolution.height)
        return Rect(x: w * 0.05, y: h * 0.05, width: w * 0.9, height: h * 0.9)
    }

    /// One design pixel: sizes are designed for a 1080-pixel short edge and multiplied by
    /// this (1 at 1920×1080, 2/3 at 1280×720, 2 at 3840×2160).
    public var scale: Double { Double(min(resolution.width, resolution.height)) / 1080 }

    /// Whether the frame is wide enough (at least 4:3) to place two blocks side by side;
    /// square and portrait frames stack them instead.
    public var isWide: Bool { Double(resolution.width) >= Double(resolution.height) * 1.3 }

    /// The accent colour as RGB.
    public var accent: RGBColor { RGBColor(accentColor) }
}
