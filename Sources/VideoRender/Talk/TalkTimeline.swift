import Foundation
import VideoAI
import VideoCore

/// Where a talk's source times land in its output: after the title card, on the kept frames.
struct TalkTimeline {
    var edit: TalkEdit
    /// Frames before the talk (the title card's).
    var introFrames: Int

    /// The output frame showing source time `time`, or `nil` when it was cut.
    func frame(_ time: Double) -> Int? {
        guard let edited = edit.editedTime(time) else { return nil }
        return introFrames + Int((edited * Double(edit.fps)).rounded())
    }

    /// The output time of source time `time`, or `nil` when it was cut.
    func time(_ time: Double) -> Double? {
        edit.editedTime(time).map { $0 + Double(introFrames) / Double(edit.fps) }
    }

    /// The B-roll shots over the output's frames (absolute paths), none past the talk's end.
    func shots(_ direction: TalkDirection, folder: URL?) -> [TalkShot] {
        guard let folder else { return [] }
        let end = introFrames + edit.keptFrames.map(\.count).reduce(0, +)
        return direction.broll.compactMap { placement in
            guard let first = frame(placement.start) else { return nil }
            let last = min(end, first + Int((placement.duration * Double(edit.fps)).rounded()))
            guard last > first else { return nil }
            return TalkShot(
                file: folder.appendingPathComponent(placement.file).path, isClip: placement.isClip,
                frames: first..<last,
                style: placement.style)
        }
    }
}
