import Foundation
import VideoCore

/// The edit plan of a montage, as written to timeline.json and read back for a re-render.

/// A montage's complete edit: picture format, music, and the segments in order.
///
/// Frames are the authority: segment *k* shows frames `startFrame..<endFrame`, the segments
/// tile `0..<durationFrames` without gaps, and every boundary between two segments is the
/// frame of a beat of the music (`round(beat × fps)`). The `start`/`end` seconds are written
/// for reading only. A user may edit the file (media, in points, transitions, motion, even
/// the frames, as long as they still tile) and render it again with `vgen montage --timeline`.
public struct MontageTimeline: Codable, Sendable, Equatable {
    /// How a segment begins.
    public enum Transition: String, Codable, Sendable, CaseIterable {
        /// The new picture replaces the old one on the boundary frame.
        case cut
        /// The new picture fades in over the old one, from the boundary frame on.
        case crossfade
        /// The old picture fades to black before the boundary and the new one from black after it.
        case fade
        /// The old picture zooms in fast into the boundary; the new one settles from a zoom.
        case zoom
    }

    /// How pictures of another shape fill the frame.
    public enum Fit: String, Codable, Sendable, CaseIterable {
        /// Scale to cover the frame, cropping the overflow.
        case fill
        /// Scale to fit inside the frame, with black bars.
        case fit
        /// Fit inside a blurred, enlarged copy of the same picture.
        case blur
    }

    /// A slow pan and zoom over a still (Ken Burns).
    public struct Motion: Codable, Sendable, Equatable {
        /// Zoom at the segment's start (1 = the whole fitted picture).
        public var startZoom: Double
        /// Zoom at its end.
        public var endZoom: Double
        /// Horizontal centre at the start, 0 (left edge) – 1 (right edge) of the room to pan.
        public var startX: Double
        /// Vertical centre at the start, 0–1.
        public var startY: Double
        /// Horizontal centre at the end, 0–1.
        public var endX: Double
        /// Vertical centre at the end, 0–1.
        public var endY: Double

        /// Creates a motion.
        public init(
            startZoom: Double, endZoom: Double, startX: Double = 0.5, startY: Double = 0.5, endX: Double = 0.5,
            endY: Double = 0.5
        ) {
            self.startZoom = startZoom
            self.endZoom = endZoom
            self.startX = startX
            self.startY = startY
            self.endX = endX
            self.endY = endY
        }

        /// No motion.
        public static let still = Motion(startZoom: 1, endZoom: 1)

        private enum CodingKeys: String, CodingKey {
            case startZoom = "start_zoom", endZoom = "end_zoom", startX = "start_x", startY = "start_y", endX = "end_x",
                endY = "end_y"
        }
    }

    /// The song under the montage.
    public struct Music: Codable, Sendable, Equatable {
        /// The audio file.
        public var path: String
        /// Fade-in length, in seconds.
        public var fadeIn: Double
        /// Fade-out length at the end of the video, in seconds.
        public var fadeOut: Double
        /// Gain, 0–1.
        public var volume: Double

        /// Creates the music settings.
        public init(path: String, fadeIn: Double = 0.5, fadeOut: Double = 2, volume: Double = 1) {
            self.path = path
            self.fadeIn = fadeIn
            self.fadeOut = fadeOut
            self.volume = volume
        }

        private enum CodingKeys: String, CodingKey { case path, fadeIn = "fade_in", fadeOut = "fade_out", volume }
    }

    /// One shot: a photo or part of a clip between two beat frames.
    public struct Segment: Codable, Sendable, Equatable {
        /// The media file.
        public var media: String
        /// Photo or clip.
        public var kind: MediaKind
        /// First frame shown.
        public var startFrame: Int
        /// First frame after the segment.
        public var endFrame: Int
        /// `startFrame / fps`, for reading.
        public var start: Double
        /// `endFrame / fps`, for reading.
        public var end: Double
        /// Seconds into a clip where the segment starts playing (0 for photos).
        public var inPoint: Double
        /// Seconds into a clip where it stops (the last frame holds if the clip ends sooner).
        public var outPoint: Double
        /// How the segment begins (the first segment always cuts in).
        public var transition: Transition
        /// Frames the transition takes (0 for a cut).
        public var transitionFrames: Int
        /// Pan and zoom over a photo (clips use `.still` unless edited).
        public var motion: Motion
        /// The moment (group of media taken together) it belongs to.
        public var moment: Int
        /// A clip's playback speed (0.5–2) chosen by `--speed-ramp` (`ClipSpeedRamp`): frame *j*
        /// shows the clip at `inPoint + j × speed / fps`, and its own sound is muted. `nil`
        /// (not written) plays at 1×.
        public var speed: Double?

        /// Frames shown.
        public var frameCount: Int { endFrame - startFrame }

        /// Creates a segment.
        public init(
            media: String, kind: MediaKind, startFrame: Int, endFrame: Int, fps: Int, inPoint: Double = 0,
            outPoint: Double = 0,
            transition: Transition = .cut, transitionFrames: Int = 0, motion: Motion = .still, moment: Int = 0
        ) {
            self.media = media
            self.kind = kind
            self.startFrame = startFrame
            self.endFrame = endFrame
            self.start = Double(startFrame) / Double(fps)
            self.end = Double(endFrame) / Double(fps)
            self.inPoint = inPoint
            self.outPoint = outPoint
            self.transition = transition
            self.transitionFrames = transitionFrames
            self.motion = motion
            self.moment = moment
        }

        private enum CodingKeys: String, CodingKey {
            case media, kind, startFrame = "start_frame", endFrame = "end_frame", start, end, inPoint = "in", outPoint =
                "out",
                transition, transitionFrames = "transition_frames", motion, moment, speed
        }
    }

    /// The file format version (1).
    public var version: Int
    /// A name for the output folder.
    public var videoID: String
    /// Frame width in pixels.
    public var width: Int
    /// Frame height in pixels.
    public var height: Int
    /// Frames per second.
    public var fps: Int
    /// The aspect ratio named, for example "16:9".
    public var aspect: String
    /// How pictures fill the frame.
    public var fit: Fit
    /// The style preset (colour grade) name.
    public var style: String
    /// The video's length in frames.
    public var durationFrames: Int
    /// The song.
    public var music: Music
    /// Gain of clips' own sound mixed under the music, 0 (off) – 1.
    public var clipAudioVolume: Double
    /// The shots, in order.
    public var segments: [Segment]
    /// The plan's score (`PlanEvaluator`), when the planner made it; `nil` in an edited file.
    public var score: PlanScore?

    /// Creates a timeline.
    public init(
        videoID: String, width: Int, height: Int, fps: Int, aspect: String, fit: Fit, style: String,
        durationFrames: Int,
        music: Music, clipAudioVolume: Double = 0, segments: [Segment]
    ) {
        self.version = 1
        self.videoID = videoID
        self.width = width
        self.height = height
        self.fps = fps
        self.aspect = aspect
        self.fit = fit
        self.style = style
        self.durationFrames = durationFrames
        self.music = music
        self.clipAudioVolume = clipAudioVolume
        self.segments = segments
    }

    /// The video's length in seconds.
    public var duration: Double { Double(durationFrames) / Double(fps) }

    /// The frames where one segment gives way to the next (every segment start but the first).
    public var cutFrames: [Int] { segments.dropFirst().map(\.startFrame) }

    /// Checks that the segments tile the video and every value is in range.
    /// - Throws: `VideoError` (`.invalidInput`) naming the first bad field.
    public func validate() throws {
        guard version == 1 else {
            throw VideoError(.invalidInput, "unsupported timeline version \(version)", field: "version")
        }
        guard width > 0, height > 0, width % 2 == 0, height % 2 == 0, width <= 8192, height <= 8192 else {
            throw VideoError(
                .invalidInput, "frame size \(width)x\(height) must be even and within 2–8192", field: "width")
        }
        guard (1...120).contains(fps) else { throw VideoError(.invalidInput, "\(fps) is outside 1–120", field: "fps") }
        guard durationFrames > 0 else {
            throw VideoError(.invalidInput, "the video has no frames", field: "duration_frames")
        }
        guard !segments.isEmpty else {
            throw VideoError(.invalidInput, "the timeline has no segments", field: "segments")
        }
        guard MontageStyle.named(style) != nil else {
            throw VideoError(
                .invalidInput,
                "unknown style '\(style)'; use one of \(MontageStyle.presets.map(\.name).joined(separator: ", "))",
                field: "style")
        }
        var expected = 0
        for (i, segment) in segments.enumerated() {
            let field = "segments[\(i)]"
            guard segment.startFrame == expected, segment.endFrame > segment.startFrame else {
                throw VideoError(
                    .invalidInput, "frames \(segment.startFrame)..<\(segment.endFrame) do not follow frame \(expected)",
                    field: field)
            }
            guard segment.inPoint >= 0, segment.outPoint >= segment.inPoint || segment.kind == .image else {
                throw VideoError(
                    .invalidInput, "in/out points \(segment.inPoint)–\(segment.outPoint) are out of order", field: field
                )
            }
            guard segment.transitionFrames >= 0, segment.transitionFrames <= segment.frameCount else {
                throw VideoError(
                    .invalidInput, "transition of \(segment.transitionFrames) frames is longer than the segment",
                    field: field)
            }
            if let speed = segment.speed, !(0.5...2).contains(speed) || segment.kind != .clip {
                throw VideoError(
                    .invalidInput, "speed \(speed) must lie within 0.5–2, on a clip", field: "\(field).speed")
            }
            let zooms = [segment.motion.startZoom, segment.motion.endZoom]
            guard zooms.allSatisfy({ $0 >= 1 && $0 <= 4 }) else {
                throw VideoError(.invalidInput, "zoom must lie within 1–4", field: "\(field).motion")
            }
            expected = segment.endFrame
        }
        guard expected == durationFrames else {
            throw VideoError(
                .invalidInput, "segments end at frame \(expected), the video at \(durationFrames)", field: "segments")
        }
        guard (0...1).contains(clipAudioVolume), (0...1).contains(music.volume), music.fadeIn >= 0, music.fadeOut >= 0
        else {
            throw VideoError(.invalidInput, "volumes must lie within 0–1 and fades be positive", field: "music")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case version, videoID = "video_id", width, height, fps, aspect, fit, style, durationFrames = "duration_frames",
            music,
            clipAudioVolume = "clip_audio_volume", segments, score
    }
}
