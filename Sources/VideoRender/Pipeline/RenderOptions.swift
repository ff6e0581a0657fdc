import VideoCore

/// How frames are drawn and encoded, and how the soundtrack is mixed.
public struct RenderOptions: Hashable, Sendable, Codable {
    /// The x264 preset (`ultrafast` … `veryslow`).
    public var preset: String
    /// The x264 constant rate factor (lower is better quality).
    public var crf: Int
    /// The colour theme.
    public var theme: VideoTheme
    /// How long the transition into each scene lasts, in seconds (see `SceneTransition`).
    public var transitionDuration: Double
    /// Whether items light up as the narration reaches them (`--reveal`).
    public var reveal: RevealMode
    /// Whether captions are drawn into the picture (the sidecar files are always written).
    public var captions: CaptionMode
    /// The music bed and the loudness of the final mix.
    public var sound: SoundOptions

    /// Creates options; the defaults suit a 1080p30 explainer.
    /// - Parameters:
    ///   - preset: The x264 preset.
    ///   - crf: The x264 constant rate factor.
    ///   - theme: The colour theme.
    ///   - transitionDuration: The transition length in seconds.
    ///   - captions: Whether captions are drawn into the picture.
    ///   - sound: The music bed and loudness settings.
    ///   - reveal: Whether items light up as the narration reaches them.
    public init(
        preset: String = "veryfast", crf: Int = 23, theme: VideoTheme = .dark, transitionDuration: Double = 0.4,
        captions: CaptionMode = .off, sound: SoundOptions = SoundOptions(), reveal: RevealMode = .words
    ) {
        self.preset = preset
        self.crf = crf
        self.theme = theme
        self.transitionDuration = transitionDuration
        self.captions = captions
        self.sound = sound
        self.reveal = reveal
    }

    enum CodingKeys: String, CodingKey { case preset, crf, theme, transitionDuration, captions, sound, reveal }

    /// Decodes options; captions, sound and reveal missing from older task files take the defaults.
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a value of the wrong type; `VideoError` (`.invalidInput`)
    ///   naming the field for a value out of range.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        preset = try c.decode(String.self, forKey: .preset)
        crf = try c.decode(Int.self, forKey: .crf)
        theme = try c.decode(VideoTheme.self, forKey: .theme)
        transitionDuration = try c.decode(Double.self, forKey: .transitionDuration)
        captions = try c.decodeIfPresent(CaptionMode.self, forKey: .captions) ?? .off
        sound = try c.decodeIfPresent(SoundOptions.self, forKey: .sound) ?? SoundOptions()
        reveal = try c.decodeIfPresent(RevealMode.self, forKey: .reveal) ?? .words
        // A hand-edited state file can hold anything: the values are checked as the command line's are.
        guard MP4Writer.x264Presets.contains(preset) else {
            throw VideoError(.invalidInput, "unknown x264 preset '\(preset)'", field: "preset")
        }
        guard (0...51).contains(crf) else { throw VideoError(.invalidInput, "\(crf) is outside 0–51", field: "crf") }
        guard transitionDuration.isFinite, (0...Self.longestTransition).contains(transitionDuration) else {
            throw VideoError(
                .invalidInput, "\(transitionDuration) s is outside 0–\(Self.longestTransition) s",
                field: "transitionDuration")
        }
    }

    /// The longest transition a decoded task may ask for, in seconds.
    static let longestTransition = 10.0

    /// The options the pictures depend on: the sound settings left out, so a change of music
    /// or loudness re-encodes only the soundtrack.
    var picture: RenderOptions {
        var options = self
        options.sound = SoundOptions(loudness: nil)
        return options
    }
}
