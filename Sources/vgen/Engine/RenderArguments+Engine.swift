import ArgumentParser
import Foundation
import VGenCommandLine
import VideoCore
import VideoRender

/// What the render options mean: overrides of an input's values, settings, a document adapter
/// and the drawing, encoding and sound options, each checked with the option named.
extension RenderArguments {
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
