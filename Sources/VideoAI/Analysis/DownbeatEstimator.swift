import Foundation
import VideoCore

/// Picks which beats start a bar: the phase (and meter, three or four beats) whose beats carry
/// the most bass onsets, harmonic change and accent.
struct DownbeatEstimator {
    /// How much better three-beat bars must score than four-beat ones to be chosen.
    var tripleMargin = 1.25

    /// The indices into `beats` of the bar starts.
    func downbeats(beats: [Double], envelope: OnsetEnvelope) -> [Int] {
        guard beats.count >= 4 else { return beats.isEmpty ? [] : [0] }
        let features = beatFeatures(beats: beats, envelope: envelope)
        let four = bestPhase(features, meter: 4)
        let three = bestPhase(features, meter: 3)
        let (meter, phase) = three.contrast > four.contrast * tripleMargin ? (3, three.phase) : (4, four.phase)
        return Array(stride(from: phase, to: beats.count, by: meter))
    }

    private func bestPhase(_ features: [Double], meter: Int) -> (phase: Int, contrast: Double) {
        var sums = [Double](repeating: 0, count: meter), counts = [Double](repeating: 0, count: meter)
        for (i, f) in features.enumerated() {
            sums[i % meter] += f
            counts[i % meter] += 1
        }
        let means = (0..<meter).map { sums[$0] / max(1, counts[$0]) }
        let phase = means.indices.max { means[$0] < means[$1] } ?? 0
        let others = means.enumerated().filter { $0.offset != phase }.map(\.element)
        let contrast = means[phase] - others.reduce(0, +) / Double(max(1, others.count))
        return (phase, contrast)
    }

    /// Per beat: bass onset strength, the change of the band spectrum across the beat and (at
    /// half weight) the overall accent, each standardised over the piece.
    private func beatFeatures(beats: [Double], envelope: OnsetEnvelope) -> [Double] {
        let count = envelope.count, bands = envelope.bandCount
        let frames = beats.map { max(0, min(count - 1, Int($0.rounded()))) }
        var bass: [Double] = []
        var accent: [Double] = []
        var change: [Double] = []
        func meanBands(_ lo: Int, _ hi: Int) -> [Double] {
            var v = [Double](repeating: 0, count: bands)
            guard hi > lo else { return v }
            for t in lo..<hi { for b in 0..<bands { v[b] += Double(envelope.bands[t * bands + b]) } }
            return v.map { $0 / Double(hi - lo) }
        }
        for (i, t) in frames.enumerated() {
            var peak: Float = 0, loud: Float = 0
            for u in max(0, t - 2)...min(count - 1, t + 2) {
                peak = max(peak, envelope.lowStrength[u])
                loud = max(loud, envelope.strength[u])
            }
            bass.append(Double(peak))
            accent.append(Double(loud))
            let previous = i > 0 ? frames[i - 1] : max(0, t - (frames.count > 1 ? frames[1] - frames[0] : 1))
            let next = i + 1 < frames.count ? frames[i + 1] : min(count, t + (t - previous))
            let before = meanBands(previous, t), after = meanBands(t, max(t + 1, next))
            var distance = 0.0
            for b in 0..<bands { distance += (after[b] - before[b]) * (after[b] - before[b]) }
            change.append(distance.squareRoot())
        }
        let a = standardised(bass), b = standardised(change), c = standardised(accent)
        return a.indices.map { a[$0] + b[$0] + 0.5 * c[$0] }
    }

    private func standardised(_ values: [Double]) -> [Double] {
        let mean = values.reduce(0, +) / Double(values.count)
        let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        return values.map { deviation > 1e-9 ? ($0 - mean) / deviation : 0 }
    }
}
