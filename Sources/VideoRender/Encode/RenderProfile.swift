import Foundation

/// Where a document render's video stage spent its time: per segment, the wall-clock span and
/// CPU time of each piece of work (drawing, blending, colour conversion, x264, skip frames),
/// the soundtrack and the join beside them, and how much of it overlapped. Written as
/// `render-profile.json` in the task folder (Docs/RenderProfile.md); timings never change the
/// video's bytes.
///
/// Times are seconds from the start of the video stage; CPU times are the thread's (or, for
/// `cpuSeconds`, the whole process's) user and system time.
public struct RenderProfile: Sendable, Codable, Hashable {
    /// The file's name in the task folder.
    public static let fileName = "render-profile.json"
    /// The format tag.
    public static let formatName = "vgen-render-profile"

    /// A piece of the work.
    public enum Piece: String, Sendable, Codable, Hashable, CaseIterable {
        /// Planning the segments and hashing their keys, before any is drawn.
        case plan
        /// A scene's picture drawn with Cairo and Pango (renderer and captions).
        case draw
        /// A transition's frames composed from two converted pictures (in YUV).
        case blend
        /// RGB to YUV colour conversion.
        case convert
        /// x264 encoding (frames sent, contexts flushed and reopened).
        case encode
        /// Skip frames generated and muxed (Docs/SkipFrames.md).
        case skips
        /// The soundtrack: mixing, normalising and AAC encoding.
        case audio
        /// The segments and the soundtrack joined into the MP4 by stream copy.
        case join
    }

    /// What kind of frames a piece of work was for.
    public enum FrameClass: String, Sendable, Codable, Hashable, CaseIterable {
        /// A transition's frames: each one blended and encoded.
        case transition
        /// Frames of a picture shown for fewer than `MP4Writer.minimumSkipRun` frames: each encoded.
        case moving
        /// Frames of a picture held for longer: drawn, converted and encoded once, then skip frames.
        case held
    }

    /// One stretch of work on one thread.
    public struct Span: Sendable, Codable, Hashable {
        /// `plan`, `audio` or `join`.
        public var piece: Piece
        /// When it started.
        public var start: Double
        /// When it ended.
        public var end: Double
        /// The thread's CPU time over the span.
        public var cpuSeconds: Double
    }

    /// Time of one piece for one class of frames, added up over its calls.
    public struct PieceTime: Sendable, Codable, Hashable {
        /// The piece.
        public var piece: Piece
        /// The frames it was for.
        public var frames: FrameClass
        /// Wall-clock seconds.
        public var seconds: Double
        /// CPU seconds of the thread.
        public var cpuSeconds: Double
        /// How many times it ran.
        public var calls: Int
    }

    /// Frames by class and by how they were written.
    public struct FrameCounts: Sendable, Codable, Hashable {
        /// Transition frames.
        public var transition = 0
        /// Frames of pictures shown for fewer than 8 frames.
        public var moving = 0
        /// Frames of held pictures (their one encoded frame and its skip frames).
        public var held = 0
        /// Frames x264 encoded.
        public var encoded = 0
        /// Skip frames generated.
        public var skipped = 0
        /// Frames of segments reused from the cache (not drawn by this run).
        public var cached = 0

        /// All frames: `transition + moving + held + cached`.
        public var total: Int { transition + moving + held + cached }
    }

    /// One segment drawn and encoded by this run, on its own thread.
    public struct Segment: Sendable, Codable, Hashable {
        /// Its file under `segments/`.
        public var file: String
        /// `transition`, `body` or `still`.
        public var kind: String
        /// Its scene, from 0.
        public var scene: Int
        /// How many times the video plays it (still chunks repeat).
        public var plays: Int
        /// When it started.
        public var start: Double
        /// When it ended.
        public var end: Double
        /// The thread's CPU time over the segment.
        public var cpuSeconds: Double
        /// Its frames, counted once (not times `plays`).
        public var frames: FrameCounts
        /// Its pieces of work.
        public var pieces: [PieceTime]
    }

    /// The time of one class of frames, over the whole stage.
    public struct ClassTime: Sendable, Codable, Hashable {
        /// The class.
        public var frames: FrameClass
        /// Frames of that class in the video (repeated segments counted each time they play).
        public var frameCount: Int
        /// Wall-clock seconds of its pieces.
        public var seconds: Double
        /// CPU seconds of its pieces.
        public var cpuSeconds: Double
        /// Its share of the CPU time of all frame work (draw, blend, convert, encode, skips).
        public var share: Double
    }

    /// The overlap figures (Docs/RenderProfile.md).
    public struct Summary: Sendable, Codable, Hashable {
        /// CPU seconds of all spans and segments, added up.
        public var busyCpuSeconds: Double
        /// Average cores busy: the process's CPU time over the stage's wall time.
        public var coresBusy: Double
        /// `coresBusy` over the processor count (1 is every core busy throughout).
        public var utilisation: Double
        /// Wall seconds in which two or more spans or segments ran at once.
        public var concurrentSeconds: Double
        /// `concurrentSeconds` over the stage's wall time.
        public var overlapShare: Double
        /// Wall seconds in which exactly one ran.
        public var aloneSeconds: Double
        /// Wall seconds in which none ran (waiting, the stage's own set-up and write-out).
        public var idleSeconds: Double
        /// The CPU share of frame work spent on frames that change (transitions and moving pictures).
        public var changedShare: Double
        /// Each class of frames.
        public var classes: [ClassTime]
    }

    /// `vgen-render-profile`.
    public var format = Self.formatName
    /// The format's version.
    public var version = 1
    /// Processors the process could use.
    public var cores: Int
    /// Segments rendered at once at most.
    public var jobs: Int
    /// The video stage's wall time: every span lies in 0…`wallSeconds`.
    public var wallSeconds: Double
    /// The process's CPU time over the stage, every thread together.
    public var cpuSeconds: Double
    /// The planning, soundtrack and join spans.
    public var spans: [Span]
    /// The segments this run drew, in the order they started.
    public var segments: [Segment]
    /// The video's frames, repeated segments counted each time they play.
    public var frames: FrameCounts
    /// The segments' pieces added up over the stage, by class of frames (planning, the
    /// soundtrack and the join are in `spans`).
    public var pieces: [PieceTime]
    /// The overlap figures.
    public var summary: Summary

    /// The profile as pretty, key-sorted JSON with snake_case keys.
    /// - Throws: `EncodingError` (not expected: every value is finite).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }

    /// Reads a profile written by `json()`.
    /// - Throws: `DecodingError` when the data is not a profile.
    public static func decode(_ data: Data) throws -> RenderProfile {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(RenderProfile.self, from: data)
    }
}
