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

    /// The given options as overrides of an input's own values.
    func overrides() throws -> VideoOverrides {
        var overrides = VideoOverrides()
        overrides.accentColor = try accentColor.map { try AccentColor(validating: $0) }
        overrides.voice = voice.map { Voice($0) }
        overrides.resolution = try resolution.map { try Resolution(parsing: $0) }
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
        return overrides
    }

    /// The given options over the defaults, for inputs without settings of their own.
    func settings() throws -> VideoSettings {
        let o = try overrides()
        return VideoSettings(
            accentColor: o.accentColor ?? .blue, voice: o.voice ?? .male, resolution: o.resolution ?? .hd1080,
            fps: o.fps ?? 30, videoID: o.videoID)
    }

    /// Applies the options that are not adapter settings (the transition) to a video.
    func apply(to config: VideoConfig) throws -> VideoConfig {
        var config = config
        if let transition { config.transition = try SceneTransition(validating: transition) }
        return config
    }

    /// Drawing and encoding options; `theme` is the input's own, used when `--theme` is absent.
    func options(theme: ThemeName? = nil) throws -> RenderOptions {
        guard MP4Writer.x264Presets.contains(preset) else {
            throw VideoError(
                .invalidInput, "unknown preset '\(preset)'; valid: \(MP4Writer.x264Presets.joined(separator: ", "))",
                field: "preset")
        }
        return RenderOptions(preset: preset, theme: VideoTheme(named: try themeName() ?? theme ?? .dark))
    }

    private func themeName() throws -> ThemeName? {
        guard let theme else { return nil }
        guard let name = ThemeName(rawValue: theme.lowercased()) else {
            throw VideoError(.invalidInput, "unknown theme '\(theme)'; valid: dark, light", field: "theme")
        }
        return name
    }
}
