import Foundation
import VideoCore

/// The cut list of a talk, `edit.json`: which stretches of the recording stay, on video frame
/// boundaries in source time, and what was removed and why. Edit it and render again with
/// `vgen edit talk.mp4 --edit edit.json` (`Docs/Talks.md`).
public struct TalkEdit: Codable, Sendable, Hashable {
    /// A stretch of the recording, in seconds of source time.
    public struct Range: Codable, Sendable, Hashable {
        /// Where it starts.
        public var start: Double
        /// Where it ends (after `start`).
        public var end: Double

        /// Creates a range.
        /// - Parameters:
        ///   - start: The start in seconds.
        ///   - end: The end in seconds.
        public init(start: Double, end: Double) {
            self.start = start
            self.end = end
        }

        /// `end − start`.
        public var duration: Double { end - start }
    }

    /// Why a stretch was removed.
    public enum Reason: String, Codable, Sendable, Hashable {
        /// A pause longer than the threshold (less the margins kept on each side).
        case silence
        /// A filler word (um, uh, er), with the pause around it.
        case filler
        /// Removed by hand in the file.
        case manual
        /// Left out of a highlight (`HighlightPlanner`).
        case highlight
    }

    /// One removed stretch.
    public struct Removal: Codable, Sendable, Hashable {
        /// Where it starts, in source seconds.
        public var start: Double
        /// Where it ends, in source seconds.
        public var end: Double
        /// Why it went.
        public var reason: Reason
        /// The filler words it held, when there were some.
        public var text: String?

        /// Creates a removal.
        /// - Parameters:
        ///   - start: The start in seconds.
        ///   - end: The end in seconds.
        ///   - reason: Why it went.
        ///   - text: The words it held, if any.
        public init(start: Double, end: Double, reason: Reason, text: String? = nil) {
            self.start = start
            self.end = end
            self.reason = reason
            self.text = text
        }
    }

    /// `vgen-edit`.
    public static let formatName = "vgen-edit"
    /// The version this build writes and reads.
    public static let currentVersion = 1

    /// Always `vgen-edit`.
    public var format: String
    /// The file format's version.
    public var version: Int
    /// The recording's file name.
    public var source: String
    /// The frame rate the cuts are on.
    public var fps: Int
    /// The recording's length in seconds.
    public var sourceDuration: Double
    /// The stretches that stay, in order, none overlapping, each on frame boundaries.
    public var kept: [Range]
    /// The stretches that went, in order.
    public var removed: [Removal]

    /// Creates a cut list.
    /// - Parameters:
    ///   - source: The recording's file name.
    ///   - fps: The frame rate.
    ///   - sourceDuration: The recording's length.
    ///   - kept: What stays.
    ///   - removed: What went.
    public init(source: String, fps: Int, sourceDuration: Double, kept: [Range], removed: [Removal]) {
        format = Self.formatName
        version = Self.currentVersion
        self.source = source
        self.fps = fps
        self.sourceDuration = sourceDuration
        self.kept = kept
        self.removed = removed
    }

    /// The edited video's length: the kept stretches end to end.
    public var duration: Double { Double(keptFrames.map(\.count).reduce(0, +)) / Double(fps) }

    /// The kept stretches as source frame ranges.
    public var keptFrames: [Swift.Range<Int>] {
        kept.map { Int(($0.start * Double(fps)).rounded())..<Int(($0.end * Double(fps)).rounded()) }
    }

    /// Where a source time lands in the edited video, or `nil` when it was cut.
    /// - Parameter time: Seconds of source time.
    /// - Returns: Seconds of edited time.
    public func editedTime(_ time: Double) -> Double? {
        var before = 0.0
        for range in kept {
            if time >= range.start - 1e-9 && time <= range.end + 1e-9 { return before + max(0, time - range.start) }
            before += range.duration
        }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case format, version, source, fps, kept, removed
        case sourceDuration = "source_duration"
    }
}
