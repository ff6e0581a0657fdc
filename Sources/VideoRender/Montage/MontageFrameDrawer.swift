import Foundation
import VideoAI
import VideoCore

/// Draws a montage's frames: segments' pictures with their transitions and the colour grade.

/// Composes the final (graded, not yet encoded) frames of a timeline, segment by segment.
///
/// Segment pictures come from `SegmentSource`s; at most two are open at once (the current
/// segment's and, during a crossfade, the outgoing one's), so memory holds a couple of decoded
/// pictures, never a whole clip.
///
/// # Thread safety
/// Not thread-safe: one drawer per rendering task.
struct MontageFrameDrawer {
    let timeline: MontageTimeline
    private let grade: ColorGrade
    private let black: YUVFrame
    /// Shared by every copy of the drawer, so parallel chunks reuse each other's photos.
    private let photos = PhotoCache()
    /// The output frames' buffers, shared by every copy of the drawer: a frame's buffer is
    /// reused once the encoder has let go of it, instead of 3 MB allocated per 1080p frame.
    private let pool: YUVFramePool

    /// Prepares the grade, a black frame and the pool of frame buffers.
    /// - Throws: `VideoError` when a frame cannot be allocated.
    init(_ timeline: MontageTimeline) throws {
        self.timeline = timeline
        grade = ColorGrade(MontageStyle.named(timeline.style)?.grade ?? .init())
        black = try YUVFrame.filled(width: timeline.width, height: timeline.height)
        pool = try YUVFramePool(width: timeline.width, height: timeline.height)
    }

    /// The segment whose middle frame is the thumbnail (a third of the way in).
    var thumbnailSegment: Int { timeline.segments.firstIndex { $0.endFrame > timeline.durationFrames / 3 } ?? 0 }

    /// Opens segment `k`'s picture.
    func source(_ k: Int) throws -> SegmentSource {
        try SegmentSource(
            timeline.segments[k], width: timeline.width, height: timeline.height, fps: timeline.fps,
            fit: timeline.fit, photos: photos, pool: pool)
    }

    /// Draws the frames of segments `range` in order, handing each to `body` with its segment
    /// and its index within that segment.
    /// - Throws: `VideoError` for undecodable media, or what `body` throws (`body` checks for
    ///   cancellation).
    func draw(_ range: Range<Int>, _ body: (_ segment: Int, _ index: Int, YUVFrame) throws -> Void) throws {
        let segments = timeline.segments
        // A crossfade into the first segment needs the previous segment's picture.
        var previous =
            range.lowerBound > 0 && segments[range.lowerBound].transition == .crossfade
            ? try source(range.lowerBound - 1) : nil
        for k in range {
            let current = try source(k)
            for i in 0..<segments[k].frameCount {
                try body(k, i, try frame(i, of: k, source: current, previous: previous))
            }
            previous = current
        }
    }

    /// Frame `i` of segment `k`, drawn from its `source` (and the `previous` segment's for a crossfade).
    func frame(_ i: Int, of k: Int, source: SegmentSource, previous: SegmentSource?) throws -> YUVFrame {
        let segments = timeline.segments
        let segment = segments[k]
        let next = k + 1 < segments.count ? segments[k + 1] : nil
        let incoming = segment.transitionFrames
        let outgoing = next?.transitionFrames ?? 0
        var extraZoom = 1.0
        if segment.transition == .zoom, i < incoming {
            extraZoom = 1 + 0.3 * pow(1 - Double(i + 1) / Double(incoming + 1), 2)
        }
        if next?.transition == .zoom, i >= segment.frameCount - outgoing {
            extraZoom *= 1 + 0.3 * pow(Double(i - (segment.frameCount - outgoing) + 1) / Double(outgoing + 1), 2)
        }
        var frame = try source.frame(i, extraZoom: extraZoom)
        if i < incoming {
            let weight = Double(i + 1) / Double(incoming + 1)
            if segment.transition == .crossfade, let previous {
                frame = try previous.frame(previous.segment.frameCount + i).blended(
                    with: frame, weight: weight, pool: pool)
            } else if segment.transition == .fade {
                frame = try black.blended(with: frame, weight: weight, pool: pool)
            }
        }
        if next?.transition == .fade, i >= segment.frameCount - outgoing {
            frame = try frame.blended(
                with: black, weight: Double(i - (segment.frameCount - outgoing) + 1) / Double(outgoing + 1), pool: pool)
        }
        grade.apply(to: frame)
        return frame
    }

    /// The thumbnail: the middle frame of `thumbnailSegment`, drawn on its own.
    func thumbnail() throws -> YUVFrame {
        let k = thumbnailSegment
        let segment = timeline.segments[k]
        let previous = k > 0 && segment.transition == .crossfade ? try source(k - 1) : nil
        return try frame(segment.frameCount / 2, of: k, source: try source(k), previous: previous)
    }
}
