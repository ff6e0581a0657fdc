import ArgumentParser
import Foundation
import VideoCore
import VideoRender

/// Options shared by every command that renders a video. Options left out keep the input's
/// own values (a YAML spec's), or the defaults shown.
struct RenderArguments: ParsableArguments {
    @Option(name: .long, help: "The parent folder of the video's folder.")
    var outputDir: String = "output"

    @Option(name: .long, help: "Accent colour: blue (default), orange, purple, green, pink or cyan.")
    var accentColor: String?

    @Option(
        name: .long,
        help:
            "Voice: male (default), female, male_warm, female_friendly, a flite voice (cmu_us_kal16…) or any espeak-ng voice (en-gb, de, fr+f2…)."
    )
    var voice: String?

    @Option(
        name: .long,
        help:
            "The video's language as a BCP 47 tag: en (default), de, pt-BR, zh-Hans… (Docs/Languages.md lists all 30).")
    var language: String?

    @Option(
        name: .long,
        help:
            "Make one version per language, each in its own folder: en,es,ja… Narration not written for a language (narration: {es: …}) is translated by the configured language model."
    )
    var languages: String?

    @Flag(
        name: .long,
        help:
            "With --languages: also write OUTPUT/multitrack/<video_id>/video.mp4, one MP4 with every language's sound and subtitle track (the first language's is the default); every version gets the same scene timing."
    )
    var multitrack = false

    @Option(name: .long, help: "Frame size as WIDTHxHEIGHT (default 1920x1080).")
    var resolution: String?

    @Option(name: .long, help: "Frames per second, 1–120 (default 30).")
    var fps: Int?

    @Option(
        name: .long,
        help: "x264 preset: ultrafast, superfast, veryfast (default), faster, fast, medium, slow, slower, veryslow.")
    var preset: String = "veryfast"

    @Option(name: .long, help: "The video id (the output folder's name); derived from the input's name when omitted.")
    var videoId: String?

    @Option(name: .long, help: "How scenes give way to each other: cut, fade, crossfade (default) or slide.")
    var transition: String?

    @Option(name: .long, help: "Colour theme: dark (default) or light.")
    var theme: String?

    @Option(
        name: .long,
        help: """
            How long the video should be: 90s, 3m, 1m30s or full. The script is fitted to it (±5%, measured \
            on the spoken narration); without it, a script longer than 10 minutes is fitted to 10 minutes.
            """)
    var duration: String?

    @Option(
        name: .long,
        help: "Where it will be published: youtube, shorts, tiktok or reels (sets the frame and the default length).")
    var platform: String?

    @Flag(name: .long, help: "Keep tables of contents and one-line License or Contributing sections of a document.")
    var keepBoilerplate = false

    // Language models (Docs/LanguageModels.md).
    @Option(
        name: .long,
        help:
            "Who writes the narration: template (default, offline) or ai (the language model set by VGEN_LLM, OPENAI_* or ANTHROPIC_*)."
    )
    var narration: String = "template"

    @Option(name: .long, help: "Items light up as they are said: words (default) or none.")
    var reveal: String = "words"

    @Option(
        name: .long,
        help:
            "Captions in the picture: off (default), burn, or karaoke (the spoken word highlighted). SRT and VTT are always written."
    )
    var captions: String?

    @Option(name: .long, help: "A music file laid under the narration, looped or trimmed, faded, ducked under speech.")
    var music: String?

    @Option(
        name: .long, help: "Integrated loudness of the final mix in LUFS, -40…-5 (default -14; true peak ≤ -1 dBTP).")
    var loudness: Double?

    /// The given options as overrides of an input's own values.
    func overrides() throws -> VideoOverrides {
        var overrides = VideoOverrides()
        overrides.accentColor = try accentColor.map { try AccentColor(validating: $0) }
        overrides.voice = voice.map { Voice($0) }
        overrides.resolution = try resolution.map { try Resolution(parsing: $0) } ?? platformName()?.resolution
        if let fps {
            guard VideoLimits.fpsRange.contains(fps) else {
                throw VideoError(
                    .invalidInput,
                    "\(fps) is outside \(VideoLimits.fpsRange.lowerBound)–\(VideoLimits.fpsRange.upperBound)",
                    field: "fps")
            }
            overrides.fps = fps
        }
        overrides.theme = try themeName()
        overrides.videoID = videoId
        overrides.language = try language.map { try Language(validating: $0) }
        return overrides
    }

    /// The given options over the defaults, for inputs without settings of their own.
    func settings() throws -> VideoSettings {
        let o = try overrides()
        return VideoSettings(
            accentColor: o.accentColor ?? .blue, voice: o.voice ?? .male, resolution: o.resolution ?? .hd1080,
            fps: o.fps ?? 30, videoID: o.videoID, language: o.language ?? .english)
    }

    /// Applies the options that are not adapter settings (transition, duration, platform) to a video.
    func apply(to config: VideoConfig) throws -> VideoConfig {
        var config = config
        if let transition { config.transition = try SceneTransition(validating: transition) }
        config.duration = try budget(asked: config.duration)
        return config
    }

    /// The duration budget: `--duration`, else `asked` (the input's own), within `--platform`'s limits.
    func budget(asked: DurationBudget? = nil) throws -> DurationBudget? {
        let asked = try duration.map { try DurationBudget(parsing: $0) } ?? asked
        return try platformName().map { try $0.budget(asked: asked) } ?? asked
    }

    /// The adapter for the document at `url`, with these options' settings.
    func documentAdapter(_ url: URL) throws -> DocumentAdapter {
        var adapter = DocumentAdapter(url: url, settings: try settings())
        adapter.keepsBoilerplate = keepBoilerplate
        return adapter
    }

    private func platformName() throws -> Platform? {
        try platform.map { try Platform(validating: $0) }
    }

    /// Drawing, encoding and sound options; the YAML video's own theme, captions, music and
    /// loudness are used where the matching option is absent.
    func options(of video: YAMLVideo) throws -> RenderOptions {
        try options(theme: video.theme, captions: video.captions, music: video.music?.path, loudness: video.loudness)
    }

    /// Drawing, encoding and sound options; the arguments are the input's own values, used
    /// when the matching option is absent.
    func options(
        theme: ThemeName? = nil, captions ownCaptions: CaptionMode? = nil, music ownMusic: String? = nil,
        loudness ownLoudness: Double? = nil
    ) throws -> RenderOptions {
        guard MP4Writer.x264Presets.contains(preset) else {
            throw VideoError(
                .invalidInput, "unknown preset '\(preset)'; valid: \(MP4Writer.x264Presets.joined(separator: ", "))",
                field: "preset")
        }
        var sound = SoundOptions()
        sound.loudness = try (loudness ?? ownLoudness).map { try SoundOptions.validate(loudness: $0) } ?? sound.loudness
        if let music {
            let url = URL(fileURLWithPath: music).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else {
                throw VideoError(.invalidInput, "no such music file '\(music)'", field: "music")
            }
            sound.music = url.path
        } else {
            sound.music = ownMusic
        }
        return RenderOptions(
            preset: preset, theme: VideoTheme(named: try themeName() ?? theme ?? .dark),
            captions: try captions.map { try CaptionMode(validating: $0) } ?? ownCaptions ?? platformName()?.captions
                ?? .off, sound: sound,
            reveal: try RevealMode(validating: reveal))
    }

    private func themeName() throws -> ThemeName? {
        guard let theme else { return nil }
        guard let name = ThemeName(rawValue: theme.lowercased()) else {
            throw VideoError(.invalidInput, "unknown theme '\(theme)'; valid: dark, light", field: "theme")
        }
        return name
    }
}
