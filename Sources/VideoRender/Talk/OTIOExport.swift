import Foundation
import VideoAI
import VideoCore

/// The cut as an OpenTimelineIO timeline (`.otio`, JSON): a video and an audio track, one clip
/// per kept range, each referring to the recording with its source range in frames, so
/// DaVinci Resolve, Premiere and Final Cut open it through their OTIO importers. Schema names
/// and fields follow OpenTimelineIO's serialized format (`Docs/Talks.md`).
enum OTIOExport {
    /// The timeline's JSON, keys sorted.
    /// - Parameters:
    ///   - edit: The cut list.
    ///   - source: The recording (an absolute file URL goes into each clip's reference).
    ///   - name: The timeline's name.
    static func data(_ edit: TalkEdit, source: URL, name: String) throws -> Data {
        let rate = Double(edit.fps)
        func time(_ frames: Int) -> [String: Any] {
            ["OTIO_SCHEMA": "RationalTime.1", "rate": rate, "value": Double(frames)]
        }
        func range(_ frames: Range<Int>) -> [String: Any] {
            ["OTIO_SCHEMA": "TimeRange.1", "start_time": time(frames.lowerBound), "duration": time(frames.count)]
        }
        let whole = 0..<Int((edit.sourceDuration * rate).rounded(.down))
        func track(_ kind: String) -> [String: Any] {
            let clips: [[String: Any]] = edit.keptFrames.enumerated().map { k, frames in
                [
                    "OTIO_SCHEMA": "Clip.2", "name": "\(edit.source) \(k + 1)", "source_range": range(frames),
                    "media_references": [
                        "DEFAULT_MEDIA": [
                            "OTIO_SCHEMA": "ExternalReference.1", "name": edit.source,
                            "target_url": source.absoluteURL.absoluteString, "available_range": range(whole),
                            "available_image_bounds": NSNull(), "metadata": [String: Any](),
                        ] as [String: Any]
                    ],
                    "active_media_reference_key": "DEFAULT_MEDIA", "effects": [Any](), "markers": [Any](),
                    "enabled": true, "metadata": [String: Any](),
                ]
            }
            return [
                "OTIO_SCHEMA": "Track.1", "name": kind, "kind": kind, "children": clips, "source_range": NSNull(),
                "effects": [Any](), "markers": [Any](), "enabled": true, "metadata": [String: Any](),
            ]
        }
        let timeline: [String: Any] = [
            "OTIO_SCHEMA": "Timeline.1", "name": name, "global_start_time": NSNull(),
            "metadata": ["vgen": ["edit": "edit.json"]],
            "tracks": [
                "OTIO_SCHEMA": "Stack.1", "name": "tracks", "children": [track("Video"), track("Audio")],
                "source_range": NSNull(), "effects": [Any](), "markers": [Any](), "enabled": true,
                "metadata": [String: Any](),
            ] as [String: Any],
        ]
        return try JSONSerialization.data(withJSONObject: timeline, options: [.sortedKeys, .prettyPrinted])
    }
}
