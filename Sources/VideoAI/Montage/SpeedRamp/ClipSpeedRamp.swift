import Foundation
import VideoCore

/// `--speed-ramp`: each clip shot plays at the constant speed that puts the clip's motion peak on a beat.

/// Chooses a playback speed for every clip shot of a timeline so that the clip's motion peak
/// (the frame that differs most from the one before it) lands on a beat frame inside the shot.
///
/// - A shot of frames `S..<E` starting at source time `a` at speed `s` shows, at its frame
///   `j`, the source frame at `a + j·s/fps`. The peak at source time `p` shows at frame
///   `S + (p − a)·fps/s`; for each beat frame `b` with `S < b < E` the speed
///   `s = (p − a)·fps/(b − S)` puts it there. The one closest to 1× (in ratio) within
///   `minimumSpeed…maximumSpeed` wins.
/// - The planner's in point is tried first; when no beat can be reached from it the clip's
///   start is tried. The peak is looked for in the part of the clip the shot can reach at the
///   fastest speed, and must stand out (`peakRatio` times the median frame difference there,
///   and at least `minimumPeak` luma levels).
/// - A ramped segment records `speed` and its source range (`in`/`out`, out point clamped to
///   the clip's length), so a re-render is identical. Photo shots, clips without a clear peak
///   and shots without a reachable beat keep 1× (no `speed` written).
public struct ClipSpeedRamp: Sendable {
    /// The slowest speed chosen.
    public var minimumSpeed: Double
    /// The fastest speed chosen.
    public var maximumSpeed: Double
    /// How far the peak's frame difference must exceed the median one.
    public var peakRatio: Double
    /// The smallest frame difference (mean absolute luma, 0–255) that counts as a peak.
    public var minimumPeak: Double

    /// Creates a ramp.
    /// - Parameters:
    ///   - minimumSpeed: The slowest speed (0.5×).
    ///   - maximumSpeed: The fastest speed (2×).
    ///   - peakRatio: How far the peak must exceed the median frame difference.
    ///   - minimumPeak: The smallest frame difference that counts as a peak.
    public init(minimumSpeed: Double = 0.5, maximumSpeed: Double = 2, peakRatio: Double = 3, minimumPeak: Double = 2) {
        self.minimumSpeed = minimumSpeed
        self.maximumSpeed = maximumSpeed
        self.peakRatio = peakRatio
        self.minimumPeak = minimumPeak
    }

    /// The frame-difference energy of a clip: for every decoded frame after the first, its time
    /// and its mean absolute luma difference from the frame before (on a 64-pixel thumbnail).
    package struct MotionCurve: Sendable, Equatable {
        /// Frame times in seconds, as the clip decoder reports them.
        package var times: [Double]
        /// Difference of frame `i` from frame `i − 1` (0 for the first).
        package var energy: [Double]
        /// The clip's length in seconds.
        package var duration: Double
    }

    /// Ramps the clip shots of `timeline`.
    /// - Parameters:
    ///   - timeline: The planned timeline.
    ///   - music: The song's profile; its beats become frames as the planner rounds them.
    ///   - isCancelled: Asked before each clip is decoded.
    /// - Returns: The timeline with `speed` and source ranges set on ramped segments.
    /// - Throws: `VideoError` (`.media`) when a clip cannot be decoded, `CancellationError`.
    public func apply(
        to timeline: MontageTimeline, music: AudioAnalysisProfile, isCancelled: () -> Bool = { false }
    ) throws -> MontageTimeline {
        let beats = EditPlanner().beatFrames(music, fps: Double(timeline.fps), total: timeline.durationFrames)
        var curves: [String: MotionCurve] = [:]
        var out = timeline
        for (k, segment) in timeline.segments.enumerated() where segment.kind == .clip {
            if isCancelled() { throw CancellationError() }
            let curve: MotionCurve
            if let known = curves[segment.media] {
                curve = known
            } else {
                curve = try Self.motionCurve(of: URL(fileURLWithPath: segment.media))
                curves[segment.media] = curve
            }
            if let ramped = ramp(segment, curve: curve, beats: beats, fps: timeline.fps) { out.segments[k] = ramped }
        }
        return out
    }

    /// `segment` at the speed that puts its motion peak on a beat, or `nil` to keep it at 1×.
    package func ramp(
        _ segment: MontageTimeline.Segment, curve: MotionCurve, beats: [Int], fps: Int
    ) -> MontageTimeline.Segment? {
        let inner = beats.filter { $0 > segment.startFrame && $0 < segment.endFrame }
        guard !inner.isEmpty else { return nil }
        let length = Double(segment.frameCount) / Double(fps)
        for inPoint in segment.inPoint > 0 ? [segment.inPoint, 0] : [0] {
            guard let peak = peak(of: curve, from: inPoint, to: inPoint + length * maximumSpeed) else { continue }
            var best: Double?
            for beat in inner {
                let speed = (peak - inPoint) * Double(fps) / Double(beat - segment.startFrame)
                guard speed >= minimumSpeed - 1e-9, speed <= maximumSpeed + 1e-9 else { continue }
                if best.map({ abs(log(speed)) < abs(log($0)) - 1e-12 }) ?? true { best = speed }
            }
            guard let speed = best else { continue }
            var ramped = segment
            ramped.speed = speed
            ramped.inPoint = inPoint
            ramped.outPoint = (min(inPoint + length * speed, max(curve.duration, inPoint)) * 1000).rounded() / 1000
            return ramped
        }
        return nil
    }

    /// The time of the frame that differs most from the one before it, among frames after
    /// `from` up to `to`, when it stands out; `nil` otherwise.
    package func peak(of curve: MotionCurve, from: Double, to: Double) -> Double? {
        let inside = curve.times.indices.filter { curve.times[$0] > from + 1e-6 && curve.times[$0] <= to + 1e-6 }
        guard let top = inside.max(by: { curve.energy[$0] < curve.energy[$1] }) else { return nil }
        let sorted = inside.map { curve.energy[$0] }.sorted()
        let median = sorted[sorted.count / 2]
        guard curve.energy[top] >= minimumPeak, curve.energy[top] >= peakRatio * median else { return nil }
        return curve.times[top]
    }

    /// The longest stretch of a clip searched for its peak, in seconds (as `MediaAnalyzer`).
    package static let maximumAnalysis = 120.0

    /// Decodes every frame of the clip's first `maximumAnalysis` seconds (roughly, without the
    /// loop filter) to its motion curve.
    /// - Throws: `VideoError` (`.media`) when the clip cannot be decoded.
    package static func motionCurve(of url: URL) throws -> MotionCurve {
        let decoder = try VideoClipDecoder(url: url, fast: true)
        var times: [Double] = [], energy: [Double] = []
        var previous: GrayImage?
        let aspect = decoder.height > 0 ? Double(decoder.width) / Double(decoder.height) : 1
        let w = aspect >= 1 ? 64 : max(8, Int((64 * aspect).rounded()))
        let h = aspect >= 1 ? max(8, Int((64 / aspect).rounded())) : 64
        while let picture = try decoder.nextPicture() {
            guard picture.time <= maximumAnalysis else { break }
            let gray = GrayImage(width: w, height: h, pixels: try picture.grayThumbnail(width: w, height: h))
            times.append(picture.time)
            energy.append(previous.map { MediaQuality.difference($0, gray) } ?? 0)
            previous = gray
        }
        guard !times.isEmpty else { throw VideoError(.media, "\(url.lastPathComponent) has no decodable frames") }
        let duration = decoder.duration > 0 ? decoder.duration : times.last! + (decoder.fps > 0 ? 1 / decoder.fps : 0)
        return MotionCurve(times: times, energy: energy, duration: duration)
    }
}
