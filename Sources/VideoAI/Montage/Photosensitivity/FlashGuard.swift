import Foundation

/// Keeps a montage below WCAG 2.3.1's three flashes in any one second by lengthening shots.
///
/// The guard estimates each frame's relative luminance from the media's measured luminance and
/// the transitions (a crossfade blends, a fade passes through black), counts flashes with
/// `FlashCounter`, and while some one-second window holds more than `maximumFlashes`, removes
/// the cut with the largest luminance jump in that window: the shot before it runs on over the
/// next one's frames. Remaining cuts are still beat frames. It allows one flash fewer than
/// WCAG does, as a margin for the grade and the Ken Burns crop the estimate leaves out.
package struct FlashGuard: Sendable {
    /// Flashes allowed in any one second of the plan (WCAG allows three).
    package var maximumFlashes = 2
    /// The flash counter.
    package var counter = FlashCounter()

    /// Creates a guard.
    package init() {}

    /// The estimated relative luminance of every frame of `segments` (which tile `0..<frames`).
    /// - Parameters:
    ///   - segments: The shots, in order.
    ///   - luminance: Each shot's picture luminance, by media path.
    package func luminanceSeries(_ segments: [MontageTimeline.Segment], luminance: (String) -> Double) -> [Double] {
        var series = [Double](repeating: 0, count: segments.last?.endFrame ?? 0)
        for (k, segment) in segments.enumerated() {
            let own = luminance(segment.media)
            let previous = k > 0 ? luminance(segments[k - 1].media) : own
            let next = k + 1 < segments.count ? segments[k + 1] : nil
            let incoming = segment.transitionFrames, outgoing = next?.transitionFrames ?? 0
            for i in 0..<segment.frameCount {
                var value = own
                if i < incoming {
                    let weight = Double(i + 1) / Double(incoming + 1)
                    if segment.transition == .crossfade { value = previous * (1 - weight) + own * weight }
                    if segment.transition == .fade { value = own * weight }
                }
                if next?.transition == .fade, i >= segment.frameCount - outgoing {
                    value *= 1 - Double(i - (segment.frameCount - outgoing) + 1) / Double(outgoing + 1)
                }
                series[segment.startFrame + i] = value
            }
        }
        return series
    }

    /// The shots with cuts removed until no second holds more than `maximumFlashes` flashes.
    /// - Parameters:
    ///   - segments: The shots, tiling the video.
    ///   - fps: Frames per second.
    ///   - luminance: Picture luminance by media path (missing media count as mid-grey, 0.5).
    /// - Returns: The softened shots (the same when nothing flashes too often).
    package func soften(_ segments: [MontageTimeline.Segment], fps: Int, luminance: [String: Double])
        -> [MontageTimeline.Segment]
    {
        var segments = segments
        let lookup: (String) -> Double = { luminance[$0] ?? 0.5 }
        while segments.count > 1 {
            let legs = counter.transitions(luminanceSeries(segments, luminance: lookup))
            let window = counter.busiestWindow(legs, windowFrames: fps)
            guard window.count / 2 > maximumFlashes else { break }
            // Cuts whose change completes inside the window (a fade's ends a few frames later).
            let lo = window.start - fps / 2, hi = window.start + fps
            let candidates = (1..<segments.count).filter { (lo..<hi).contains(segments[$0].startFrame) }
            guard
                let cut = candidates.max(by: {
                    jump(segments, $0, lookup) != jump(segments, $1, lookup)
                        ? jump(segments, $0, lookup) < jump(segments, $1, lookup) : $0 > $1
                })
            else { break }
            merge(&segments, cut, fps: fps)
        }
        return segments
    }

    private func jump(_ segments: [MontageTimeline.Segment], _ k: Int, _ luminance: (String) -> Double) -> Double {
        abs(luminance(segments[k].media) - luminance(segments[k - 1].media))
    }

    /// Shot `k - 1` runs on over shot `k`'s frames (a clip plays on; past its end its last frame holds).
    private func merge(_ segments: inout [MontageTimeline.Segment], _ k: Int, fps: Int) {
        let removed = segments.remove(at: k)
        var shot = segments[k - 1]
        if shot.kind == .clip {
            shot.outPoint = ((shot.outPoint + Double(removed.frameCount) / Double(fps)) * 1000).rounded() / 1000
        }
        shot.endFrame = removed.endFrame
        shot.end = Double(removed.endFrame) / Double(fps)
        segments[k - 1] = shot
    }
}
