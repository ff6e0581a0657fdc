/// A source of videos: a document, a YAML spec, a builder, a wizard, a transcript or a
/// media folder. Every adapter produces one validated `VideoConfig`.
///
/// # Implementation requirements
/// - Validate at the boundary: bad input throws a `VideoError` with code `.invalidInput`
///   that names the field (or the file and line) and the limit; never trap.
/// - Be deterministic: the same input and settings give an equal `VideoConfig`.
/// - Read only the files the user named (and, for specs, media inside the spec's folder).
public protocol InputAdapter: Sendable {
    /// Reads the input and produces one validated video.
    /// - Throws: `VideoError` (`.invalidInput` or `.io`) explaining what is wrong.
    func makeVideoConfig() throws -> VideoConfig
}

/// Settings an adapter applies to the video it makes (the CLI's `--accent-color`, `--voice`,
/// `--resolution`, `--fps` and `--language`).
public struct VideoSettings: Hashable, Sendable {
    /// The accent colour.
    public var accentColor: AccentColor
    /// The default voice.
    public var voice: Voice
    /// The frame size.
    public var resolution: Resolution
    /// Frames per second.
    public var fps: Int
    /// An explicit video id; `nil` derives one from the input's name.
    public var videoID: String?
    /// The language of the video (`--language`).
    public var language: Language

    /// Creates settings; every argument has the default a user gets without options.
    public init(
        accentColor: AccentColor = .blue, voice: Voice = .male, resolution: Resolution = .hd1080, fps: Int = 30,
        videoID: String? = nil, language: Language = .english
    ) {
        self.accentColor = accentColor
        self.voice = voice
        self.resolution = resolution
        self.fps = fps
        self.videoID = videoID
        self.language = language
    }
}
