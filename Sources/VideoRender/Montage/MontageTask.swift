import Foundation
import VideoAI
import VideoCore

/// What a montage task is started with, saved in its `state.json` (`TaskState<MontageTask>`,
/// kind `montage`): what the montage is made from and how it is encoded.
///
/// A montage planned from media runs `music`, `media`, `plan`, `render`, `output`; one
/// rendered from an edited timeline runs `music`, `render`, `output`. Each stage's output is
/// saved in the folder (`analysis.json`, `media.json`, `timeline.json`, `stage-render.json`
/// with the render's partial files), so `vgen resume` continues where a run stopped.
public struct MontageTask: Codable, Sendable, Equatable {
    /// The planning settings, as saved (`EditPlanner.Settings` by name).
    public struct Settings: Codable, Sendable, Hashable {
        /// The aspect ratio, for example "16:9".
        public var aspect: String
        /// Short side of the frame, in pixels.
        public var shortSide: Int
        /// Frames per second.
        public var fps: Int
        /// The style preset's name.
        public var style: String
        /// How pictures of another shape fill the frame.
        public var fit: MontageTimeline.Fit
        /// Target length in seconds; `nil` for the whole song.
        public var duration: Double?
        /// One transition everywhere, if chosen.
        public var transition: MontageTimeline.Transition?
        /// Gain of clips' own sound.
        public var clipAudioVolume: Double
        /// Rounds of automatic refinement (`nil` in a state.json from before: none).
        public var autoRefine: Int?
        /// Whether clip shots are speed-ramped onto beats (`nil` when off, as before it existed).
        public var speedRamp: Bool?

        /// Saves `settings`.
        public init(_ settings: EditPlanner.Settings) {
            aspect = settings.aspect.rawValue
            shortSide = settings.shortSide
            fps = settings.fps
            style = settings.style.name
            fit = settings.fit
            duration = settings.duration
            transition = settings.transition
            clipAudioVolume = settings.clipAudioVolume
            autoRefine = settings.autoRefine == 0 ? nil : settings.autoRefine
            speedRamp = settings.speedRamp ? true : nil
        }

        /// The planner's settings for `videoID` and `music`.
        /// - Throws: `VideoError` (`.invalidInput`) for an unknown aspect or style.
        public func settings(videoID: String, music: String) throws -> EditPlanner.Settings {
            guard let aspect = MontageAspect(rawValue: aspect), let style = MontageStyle.named(style) else {
                throw VideoError(.invalidInput, "the saved montage settings name an unknown aspect or style")
            }
            var settings = EditPlanner.Settings(
                videoID: videoID, musicPath: music, aspect: aspect, shortSide: shortSide, fps: fps, style: style,
                fit: fit, duration: duration, transition: transition, clipAudioVolume: clipAudioVolume,
                autoRefine: autoRefine ?? 0)
            settings.speedRamp = speedRamp ?? false
            return settings
        }

        enum CodingKeys: String, CodingKey {
            case aspect, shortSide = "short_side", fps, style, fit, duration, transition
            case clipAudioVolume = "clip_audio_volume", autoRefine = "auto_refine"
            case speedRamp = "speed_ramp"
        }
    }

    /// The photo and clip files and folders (empty when rendering a timeline).
    public var media: [String]
    /// The song.
    public var music: String
    /// How the media are ordered.
    public var order: MediaOrder
    /// The planning settings; `nil` when the task renders `timeline`.
    public var settings: Settings?
    /// The timeline to render, when the task renders an edited one rather than planning.
    public var timeline: MontageTimeline?
    /// The x264 preset.
    public var preset: String
    /// The x264 constant rate factor.
    public var crf: Int

    enum CodingKeys: String, CodingKey {
        case media, music, order, settings, timeline, preset, crf
    }
}
