import Foundation
import VideoAI
import VideoCore

/// Where a segment's pictures come from: a photo decoded once, or a clip decoded as it plays.

/// Produces the frames of one timeline segment at the output size, before grading.
///
/// A source may be asked for frames a little past its segment's end (the outgoing side of a
/// crossfade); photos keep moving, clips hold their last frame.
final class SegmentSource {
    let segment: MontageTimeline.Segment
    private let width: Int
    private let height: Int
    private let fps: Int
    private let fit: MontageTimeline.Fit
    private let compositor = PictureCompositor()
    private let backgroundCompositor = PictureCompositor()
    private var picture: DecodedPicture?
    private var clip: VideoClipDecoder?
    private var background: YUVFrame?
    /// Where the output frames' buffers come from.
    private let pool: YUVFramePool

    /// Opens the segment's media (decoding a photo once, scaled to what its zoom needs); its
    /// frames take their buffers from `pool` (of the output size).
    /// - Throws: `VideoError` (`.media`) when the file cannot be decoded.
    init(
        _ segment: MontageTimeline.Segment, width: Int, height: Int, fps: Int, fit: MontageTimeline.Fit,
        photos: PhotoCache, pool: YUVFramePool
    ) throws {
        self.segment = segment
        self.pool = pool
        self.width = width
        self.height = height
        self.fps = fps
        self.fit = fit
        let url = URL(fileURLWithPath: segment.media)
        switch segment.kind {
        case .image:
            let zoom = max(segment.motion.startZoom, segment.motion.endZoom) * 1.05
            let decoded = try photos.decoded(url, covering: Int(Double(width) * zoom), Int(Double(height) * zoom))
            picture = decoded.picture
            if fit == .blur { background = try blurredBackground(of: decoded.picture) }
        case .clip:
            let decoder = try VideoClipDecoder(url: url)
            if segment.inPoint > 0.05 { try decoder.seek(to: segment.inPoint) }
            clip = decoder
        }
    }

    /// Frame `index` of the segment (0 = its first frame), zoomed by a further `extraZoom`.
    func frame(_ index: Int, extraZoom: Double = 1) throws -> YUVFrame {
        let count = max(segment.frameCount, 1)
        let progress = Double(index) / Double(max(count - 1, 1))
        var source: DecodedPicture?
        var motion = MontageTimeline.Motion.still
        if let picture {
            source = picture
            motion = segment.motion
        } else if let clip {
            // A ramped clip (`speed`) advances `speed` source seconds per output second.
            let time = segment.inPoint + Double(index) * (segment.speed ?? 1) / Double(fps)
            source = try clip.picture(at: min(time, max(segment.outPoint, segment.inPoint)))
            motion = segment.motion
            if fit == .blur, let source { background = try blurredBackground(of: source) }
        }
        let eased =
            progress <= 0 ? 0 : progress >= 1 ? 1 + (progress - 1) * 0.5 : progress * progress * (3 - 2 * progress)
        let zoom = max(1, (motion.startZoom + (motion.endZoom - motion.startZoom) * eased) * extraZoom)
        let cx = motion.startX + (motion.endX - motion.startX) * min(eased, 1)
        let cy = motion.startY + (motion.endY - motion.startY) * min(eased, 1)
        let out: YUVFrame
        if fit == .blur, let background {
            out = try background.copy(pool: pool)
        } else if fit == .fill, source != nil {
            out = try pool.frame()  // the picture covers it all
        } else {
            out = try pool.filled()
        }
        guard let source else { return out }
        let target = targetRect(for: source)
        try compositor.draw(
            source,
            crop: crop(of: source, aspect: Double(target.width) / Double(target.height), zoom: zoom, x: cx, y: cy),
            into: out, at: target)
        return out
    }

    /// Where the picture goes: the whole frame for `fill`, the fitted rectangle otherwise.
    private func targetRect(for source: DecodedPicture) -> PixelRect {
        guard fit != .fill else { return PixelRect(x: 0, y: 0, width: width, height: height) }
        let scale = min(Double(width) / Double(source.width), Double(height) / Double(source.height))
        let w = min(width, Int((Double(source.width) * scale).rounded()) & ~1),
            h = min(height, Int((Double(source.height) * scale).rounded()) & ~1)
        return PixelRect(x: ((width - w) / 2) & ~1, y: ((height - h) / 2) & ~1, width: max(w, 2), height: max(h, 2))
    }

    /// The largest `aspect`-shaped crop of the source, shrunk by `zoom`, centred at (x, y) of the room left to pan.
    private func crop(of source: DecodedPicture, aspect: Double, zoom: Double, x: Double, y: Double) -> PixelRect {
        var w = Double(source.width), h = Double(source.height)
        if w / h > aspect { w = h * aspect } else { h = w / aspect }
        w /= zoom
        h /= zoom
        let left = (Double(source.width) - w) * min(max(x, 0), 1), top = (Double(source.height) - h) * min(max(y, 0), 1)
        return PixelRect(
            x: Int(left.rounded()), y: Int(top.rounded()), width: max(1, Int(w.rounded())),
            height: max(1, Int(h.rounded())))
    }

    /// Luma darkened a little, so the picture in front of a blurred background stands out.
    private static let darkened = (0..<256).map { UInt8(16 + (max(Double($0) - 16, 0) * 0.7).rounded()) }
    private static let unchanged = (0..<256).map { UInt8($0) }

    /// The picture covering the frame, shrunk to a few dozen pixels, blurred and scaled back up.
    private func blurredBackground(of source: DecodedPicture) throws -> YUVFrame {
        let tinyWidth = max(8, (width / 24) & ~1), tinyHeight = max(8, (height / 24) & ~1)
        let tiny = try YUVFrame.filled(width: tinyWidth, height: tinyHeight)
        try compositor.draw(
            source, crop: crop(of: source, aspect: Double(width) / Double(height), zoom: 1, x: 0.5, y: 0.5), into: tiny,
            at: PixelRect(x: 0, y: 0, width: tinyWidth, height: tinyHeight))
        let blurred = try tiny.boxBlurred(radius: 2)
        blurred.applyLookupTables(y: Self.darkened, u: Self.unchanged, v: Self.unchanged)
        let out = try YUVFrame.filled(width: width, height: height)
        try backgroundCompositor.draw(
            try blurred.picture(), crop: PixelRect(x: 0, y: 0, width: tinyWidth, height: tinyHeight), into: out,
            at: PixelRect(x: 0, y: 0, width: width, height: height))
        return out
    }
}
