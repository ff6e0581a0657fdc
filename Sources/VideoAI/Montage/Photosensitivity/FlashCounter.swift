import Foundation

/// Counts flashes in a series of per-frame relative luminances, by WCAG 2.3.1's general flash
/// threshold (https://www.w3.org/WAI/WCAG22/Understanding/three-flashes-or-below-threshold.html).
///
/// A *transition* is a change in relative luminance of at least `threshold` (10% of the maximum
/// relative luminance, 1.0) between a peak and a trough, where the darker of the two is below
/// `darkLimit` (0.80). A *flash* is a pair of opposing transitions. The series is reduced to its
/// peaks and troughs with hysteresis (a turn counts only once the luminance has come back by
/// `threshold`), so noise smaller than the threshold neither makes nor splits a transition.
/// Luminance is the whole frame's mean, so a flash confined to a small part of the frame is
/// not seen; full-frame cuts and fades, the montage's own changes, are.
package struct FlashCounter: Sendable {
    /// One qualifying change: from one extreme to the next.
    package struct Transition: Sendable, Equatable {
        /// The frame the change starts from (the previous extreme).
        package var fromFrame: Int
        /// The frame where it reaches its extreme.
        package var toFrame: Int
        /// Luminance at the start and at the end.
        package var from: Double
        package var to: Double
    }

    /// The smallest change that counts (WCAG: 0.1).
    package var threshold = 0.1
    /// The darker image must be below this (WCAG: 0.8).
    package var darkLimit = 0.8

    /// Creates a counter with WCAG's thresholds.
    package init() {}

    /// The qualifying transitions of `luminance`, in order.
    package func transitions(_ luminance: [Double]) -> [Transition] {
        guard var low = luminance.first else { return [] }
        var high = low, lowFrame = 0, highFrame = 0
        var direction = 0  // 0 until the first change of `threshold`, then +1 rising or -1 falling
        var pivot = low, pivotFrame = 0
        var extreme = low, extremeFrame = 0
        var legs: [Transition] = []
        func leg(_ from: Double, _ fromFrame: Int, _ to: Double, _ toFrame: Int) {
            if abs(to - from) >= threshold - 1e-12, min(from, to) < darkLimit {
                legs.append(Transition(fromFrame: fromFrame, toFrame: toFrame, from: from, to: to))
            }
        }
        for (f, v) in luminance.enumerated().dropFirst() {
            switch direction {
            case 0:
                if v < low { (low, lowFrame) = (v, f) }
                if v > high { (high, highFrame) = (v, f) }
                if v - low >= threshold {
                    (direction, pivot, pivotFrame, extreme, extremeFrame) = (1, low, lowFrame, v, f)
                } else if high - v >= threshold {
                    (direction, pivot, pivotFrame, extreme, extremeFrame) = (-1, high, highFrame, v, f)
                }
            default:
                let sign = Double(direction)
                if (v - extreme) * sign > 0 {
                    (extreme, extremeFrame) = (v, f)
                } else if (extreme - v) * sign >= threshold {
                    leg(pivot, pivotFrame, extreme, extremeFrame)
                    (pivot, pivotFrame) = (extreme, extremeFrame)
                    (extreme, extremeFrame) = (v, f)
                    direction = -direction
                }
            }
        }
        if direction != 0 { leg(pivot, pivotFrame, extreme, extremeFrame) }
        return legs
    }

    /// The most flashes (half the qualifying transitions, rounded down) whose changes complete
    /// within any one window of `windowFrames` frames.
    package func maximumFlashes(_ luminance: [Double], windowFrames: Int) -> Int {
        maximumTransitions(transitions(luminance), windowFrames: windowFrames) / 2
    }

    /// The most transitions completing within any one window of `windowFrames` frames, and the
    /// first such window's start frame.
    package func maximumTransitions(_ legs: [Transition], windowFrames: Int) -> Int {
        busiestWindow(legs, windowFrames: windowFrames).count
    }

    /// The window of `windowFrames` frames, starting at a transition's end, holding the most
    /// transition ends.
    package func busiestWindow(_ legs: [Transition], windowFrames: Int) -> (start: Int, count: Int) {
        var best = (start: 0, count: 0)
        var j = 0
        for i in legs.indices {
            j = max(j, i)
            while j < legs.count, legs[j].toFrame < legs[i].toFrame + windowFrames { j += 1 }
            if j - i > best.count { best = (legs[i].toFrame, j - i) }
        }
        return best
    }
}
