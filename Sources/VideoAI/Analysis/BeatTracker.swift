import Foundation
import VideoCore

/// Places beats on an onset envelope by dynamic programming (Ellis 2007), with the local beat
/// period the tempo estimator found for each frame, so the grid follows tempo changes.
///
/// Each frame's cumulative score is its onset strength plus the best predecessor's score,
/// less a penalty growing with the squared log-ratio of the gap to the local beat period.
/// Backtracking from the strongest late peak gives the beat sequence, which is then refined to
/// a fraction of a frame. Memory is two numbers per frame.
struct BeatTracker {
    /// Tracking parameters.
    struct Settings: Sendable {
        /// Penalty weight of a gap differing from the beat period. librosa's "tightness" of 100
        /// at its 43 frames per second corresponds to 200 here: at 86 frames per second the
        /// (unnormalised) smoothing kernel doubles every local score.
        var tightness = 200.0
        /// Seconds added to every beat, compensating the onset detector's latency.
        var latency = 0.01
    }

    let settings: Settings

    init(settings: Settings = Settings()) { self.settings = settings }

    /// Beat positions in frames (fractional), for an envelope and its per-frame beat periods.
    func track(_ envelope: OnsetEnvelope, periods: [Double]) -> [Double] {
        let count = envelope.count
        guard count > 2, periods.count == count else { return [] }
        let local = localScore(envelope.strength, period: periods[count / 2])
        guard let peak = local.max(), peak > 0 else { return [] }

        var cumulative = [Double](repeating: 0, count: count)
        var backlink = [Int32](repeating: -1, count: count)
        let maxGap = Int((periods.max() ?? 1) * 2) + 2
        let logs = (0...maxGap).map { $0 == 0 ? -Double.infinity : log(Double($0)) }
        var started = false
        for t in 0..<count {
            let period = periods[t]
            let logPeriod = log(period)
            let nearest = t - Int((period / 2).rounded(.down))
            let farthest = max(0, t - Int((period * 2).rounded(.up)))
            var best = -Double.infinity
            var link = -1
            if nearest >= 0 && nearest >= farthest {
                for p in farthest...nearest {
                    let r = logs[t - p] - logPeriod
                    let v = cumulative[p] - settings.tightness * r * r
                    if v > best { best = v; link = p }
                }
            }
            if link < 0 || (!started && local[t] < 0.01 * peak) {
                cumulative[t] = local[t]
                backlink[t] = -1
            } else {
                cumulative[t] = local[t] + best
                backlink[t] = Int32(link)
                started = true
            }
        }

        guard let last = lastBeat(cumulative, period: periods[count - 1]) else { return [] }
        var frames: [Int] = []
        var t = last
        while t >= 0 {
            frames.append(t)
            t = Int(backlink[t])
        }
        frames.reverse()
        return frames.map { refine($0, in: local) + settings.latency * envelope.frameRate }
    }

    /// The mean bass onset strength midway between consecutive beats over that at the beats
    /// (each the peak within two frames); 0 for fewer than eight beats or no bass onsets.
    ///
    /// Beats fall on bass onsets (kick, bass notes) at least as often as the points between
    /// them do; a ratio of 1 or more means the grid skips every other beat.
    func midpointBassRatio(_ beats: [Double], envelope: OnsetEnvelope) -> Double {
        guard beats.count >= 8 else { return 0 }
        let low = envelope.lowStrength
        func peak(_ t: Double) -> Double {
            let i = Int(t.rounded())
            guard i + 2 >= 0, i - 2 < low.count else { return 0 }
            var m: Float = 0
            for u in max(0, i - 2)...min(low.count - 1, i + 2) { m = max(m, low[u]) }
            return Double(m)
        }
        var onBeats = 0.0, between = 0.0
        for (a, b) in zip(beats, beats.dropFirst()) {
            onBeats += peak(a)
            between += peak((a + b) / 2)
        }
        return onBeats > 0 ? between / onBeats : 0
    }

    /// The onset envelope scaled to unit deviation and lightly smoothed.
    private func localScore(_ strength: [Float], period: Double) -> [Double] {
        let values = strength.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        let deviation = variance.squareRoot()
        guard deviation > 1e-9 else { return [Double](repeating: 0, count: values.count) }
        let sigma = max(0.5, period / 32)
        let radius = Int((sigma * 3).rounded(.up))
        let kernel = (-radius...radius).map { exp(-0.5 * pow(Double($0) / sigma, 2)) }
        var out = [Double](repeating: 0, count: values.count)
        for t in values.indices {
            var sum = 0.0
            for (j, w) in kernel.enumerated() {
                let i = t + j - radius
                if i >= 0 && i < values.count { sum += w * values[i] }
            }
            out[t] = sum / deviation
        }
        return out
    }

    /// Where backtracking starts: of the strong local maxima of the cumulative score within a
    /// beat period of the last one, the highest.
    private func lastBeat(_ cumulative: [Double], period: Double) -> Int? {
        var maxima: [Int] = []
        for t in 1..<(cumulative.count - 1)
        where cumulative[t] > cumulative[t - 1] && cumulative[t] >= cumulative[t + 1] {
            maxima.append(t)
        }
        guard !maxima.isEmpty else { return cumulative.indices.max(by: { cumulative[$0] < cumulative[$1] }) }
        let sorted = maxima.map { cumulative[$0] }.sorted()
        let threshold = 0.5 * sorted[sorted.count / 2]
        guard let last = maxima.last(where: { cumulative[$0] >= threshold }) else { return nil }
        // The very last maximum may end a chain of off-beats (a hi-hat after the final beat) that
        // runs beside the true beats for seconds before joining them. Within the last beat
        // period the chains hold equally many beats, so the highest total is the better one.
        let from = last - Int(period.rounded())
        return maxima.filter { $0 >= from && $0 <= last }.max { cumulative[$0] < cumulative[$1] } ?? last
    }

    /// A beat frame moved to the vertex of the parabola through its neighbours.
    private func refine(_ t: Int, in local: [Double]) -> Double {
        guard t > 0 && t < local.count - 1 else { return Double(t) }
        let a = local[t - 1], b = local[t], c = local[t + 1]
        let d = a - 2 * b + c
        guard d < 0, b >= a, b >= c else { return Double(t) }
        return Double(t) + max(-0.5, min(0.5, 0.5 * (a - c) / d))
    }
}
