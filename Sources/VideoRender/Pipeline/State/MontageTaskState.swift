import Foundation

/// The saved state of one montage task (one montage's folder), in the same `state.json` as a
/// document video's `TaskState` (same format tag and version, with `"kind": "montage"`): what
/// the montage is made from, how it is encoded, and how far each stage has come.
///
/// A montage planned from media runs `music`, `media`, `plan`, `render`, `output`; one
/// rendered from an edited timeline runs `music`, `render`, `output` from the folder's
/// `timeline.json`. Each stage's output is saved in the folder (`analysis.json`, `media.json`,
/// `timeline.json`, the render's partial files), so `vgen resume` continues where a run stopped.
public struct MontageTaskState: TaskRecord, Hashable {
    /// The `kind` tag of a montage's state.
    public static let kind = "montage"

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
        }

        /// The planner's settings for `videoID` and `music`.
        /// - Throws: `VideoError` (`.invalidInput`) for an unknown aspect or style.
        public func settings(videoID: String, music: String) throws -> EditPlanner.Settings {
            guard let aspect = MontageAspect(rawValue: aspect), let style = MontageStyle.named(style) else {
                throw VideoError(.invalidInput, "the saved montage settings name an unknown aspect or style")
            }
            return EditPlanner.Settings(
                videoID: videoID, musicPath: music, aspect: aspect, shortSide: shortSide, fps: fps, style: style,
                fit: fit, duration: duration, transition: transition, clipAudioVolume: clipAudioVolume)
        }

        enum CodingKeys: String, CodingKey {
            case aspect, shortSide = "short_side", fps, style, fit, duration, transition
            case clipAudioVolume = "clip_audio_volume"
        }
    }

    /// `vgen-task-state`.
    public var format: String
    /// The format version.
    public var version: Int
    /// `montage`.
    public var kind: String
    /// The task's id: the montage's video id.
    public var taskID: String
    /// Where the task is.
    public var status: TaskState.Status
    /// The photo and clip files and folders (empty when rendering a timeline).
    public var media: [String]
    /// The song.
    public var music: String
    /// How the media are ordered.
    public var order: MediaOrder
    /// The planning settings; `nil` when the task renders the folder's `timeline.json`.
    public var settings: Settings?
    /// The x264 preset.
    public var preset: String
    /// The x264 constant rate factor.
    public var crf: Int
    /// The stages in order.
    public var stages: [TaskState.Stage]
    /// When the task was created.
    public var createdAt: Date
    /// When the state was last written.
    public var updatedAt: Date

    /// A new task with every stage pending.
    public init(
        taskID: String, media: [String], music: String, order: MediaOrder, settings: Settings?, preset: String,
        crf: Int, stages: [String], now: Date = Date()
    ) {
        format = TaskState.format
        version = TaskState.currentVersion
        kind = Self.kind
        self.taskID = taskID
        status = .running
        self.media = media
        self.music = music
        self.order = order
        self.settings = settings
        self.preset = preset
        self.crf = crf
        self.stages = stages.map { TaskState.Stage(name: $0, status: .pending) }
        createdAt = now
        updatedAt = now
    }

    enum CodingKeys: String, CodingKey {
        case format, version, kind, taskID = "task_id", status, media, music, order, settings, preset, crf, stages
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}
