import Foundation
import VideoAI
import VideoCore

/// How a montage's segments are grouped into separately encoded, cached chunks.

/// The chunks a montage is encoded in: runs of consecutive timeline segments, each encoded
/// on its own (one x264 thread, no B-frames) so chunks render in parallel and are joined by
/// stream copy, and each named by a hash of everything its pixels depend on, so re-rendering
/// an edited `timeline.json` re-encodes only the chunks whose segments changed.
///
/// A chunk boundary may fall before any segment: a crossfade into a chunk's first segment
/// reopens the previous segment's picture. Reopening a *clip* means decoding it from its
/// in point again, so a crossfade out of a clip never starts a chunk.
struct MontageChunkPlan: Sendable {
    /// Bump when drawing or encoding changes in a way the keys cannot see.
    static let version = "vgen montage chunks 3"
    /// Bump when the soundtrack's making changes (2: the song's stereo is kept; 3: normalised
    /// to −14 LUFS, −1 dBTP).
    static let soundtrackVersion = "vgen montage soundtrack 3"

    /// One chunk: segments `segments` of the timeline.
    struct Chunk: Sendable, Equatable {
        /// Which timeline segments it holds.
        var segments: Range<Int>
        /// Its first frame in the video.
        var startFrame: Int
        /// Frames it holds.
        var frameCount: Int
        /// The content hash naming its file.
        var key: String
        /// A rough cost, for starting the heaviest chunks first.
        var cost: Double
        /// The cached file's name.
        var fileName: String { "chunk-\(key).mp4" }
    }

    /// The chunks in playing order.
    var chunks: [Chunk]
    /// The encoded soundtrack's file name (`soundtrack-<key>.m4a`): a hash of the timeline and
    /// of the music's and clips' identities, so a cached one is reused while they stay the same.
    var soundtrackFileName: String

    /// Groups `timeline`'s segments; the encoder settings `format` are part of every key.
    /// - Throws: `VideoError` when a key cannot be computed.
    init(_ timeline: MontageTimeline, format encoder: SegmentFormat) throws {
        let segments = timeline.segments
        var starts = [0]
        for k in segments.indices.dropFirst()
        where !(segments[k].transition == .crossfade && segments[k - 1].kind == .clip) {
            starts.append(k)
        }
        let identities = Dictionary(
            segments.map(\.media).map { ($0, Self.identity(of: $0)) }, uniquingKeysWith: { a, _ in a })
        let format = Format(encoder: encoder, fit: timeline.fit, style: timeline.style)
        chunks = try starts.indices.map { n in
            let range = starts[n]..<(n + 1 < starts.count ? starts[n + 1] : segments.count)
            let first = segments[range.lowerBound]
            let previous =
                first.transition == .crossfade && range.lowerBound > 0 ? segments[range.lowerBound - 1] : nil
            let next = range.upperBound < segments.count ? segments[range.upperBound] : nil
            let material = KeyMaterial(
                version: Self.version, format: format,
                segments: range.map { SegmentKey(segments[$0], identity: identities[segments[$0].media] ?? "") },
                previous: previous.map { SegmentKey($0, identity: identities[$0.media] ?? "") },
                nextTransition: next.map { [$0.transition.rawValue, String($0.transitionFrames)] })
            let frames = range.map { segments[$0].frameCount }.reduce(0, +)
            let clipFrames = range.filter { segments[$0].kind == .clip }.map {
                Double(segments[$0].frameCount) + segments[$0].inPoint * Double(timeline.fps)
            }.reduce(0, +)
            return Chunk(
                segments: range, startFrame: first.startFrame, frameCount: frames,
                key: try ContentHash.hex(of: material), cost: Double(frames) + 0.6 * clipFrames)
        }
        let sound = SoundKey(
            version: Self.soundtrackVersion, timeline: timeline, music: Self.identity(of: timeline.music.path),
            media: segments.map { identities[$0.media] ?? "" })
        soundtrackFileName = "soundtrack-\(try ContentHash.hex(of: sound)).m4a"
    }

    /// What the soundtrack depends on.
    private struct SoundKey: Encodable {
        var version: String
        var timeline: MontageTimeline
        var music: String
        var media: [String]
    }

    /// A media file's identity for the keys: its size and modification time (so replacing a
    /// photo under the same name renders it again).
    static func identity(of path: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)-\(modified)"
    }

    private struct Format: Encodable {
        var encoder: SegmentFormat
        var fit: MontageTimeline.Fit
        var style: String
    }

    /// What a segment's pictures depend on: not where it sits in the video, only what it shows.
    private struct SegmentKey: Encodable {
        var media: String
        var identity: String
        var kind: MediaKind
        var frameCount: Int
        var inPoint: Double
        var outPoint: Double
        var transition: MontageTimeline.Transition
        var transitionFrames: Int
        var motion: MontageTimeline.Motion

        init(_ segment: MontageTimeline.Segment, identity: String) {
            media = segment.media
            self.identity = identity
            kind = segment.kind
            frameCount = segment.frameCount
            inPoint = segment.inPoint
            outPoint = segment.outPoint
            transition = segment.transition
            transitionFrames = segment.transitionFrames
            motion = segment.motion
        }
    }

    private struct KeyMaterial: Encodable {
        var version: String
        var format: Format
        var segments: [SegmentKey]
        var previous: SegmentKey?
        var nextTransition: [String]?
    }
}
