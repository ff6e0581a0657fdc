import Foundation

/// Joins stretches of one recording's sound end to end, each join a short raised-cosine
/// crossfade between the sound running on past the first stretch and the sound leading into
/// the next, centred on the join, so the length stays exactly the stretches' sum (no drift)
/// and no join clicks.
enum AudioSplicer {
    /// The stretches of `samples` joined.
    /// - Parameters:
    ///   - samples: The whole recording.
    ///   - ranges: The stretches to keep, in order, within `samples`.
    ///   - fade: The crossfade's length in samples (10 ms by default).
    /// - Returns: Exactly `ranges`' total length of samples.
    static func splice(_ samples: [Float], ranges: [Range<Int>], fade: Int) -> [Float] {
        var out: [Float] = []
        out.reserveCapacity(ranges.map(\.count).reduce(0, +))
        func sample(_ k: Int) -> Float { k >= 0 && k < samples.count ? samples[k] : 0 }
        for (index, range) in ranges.enumerated() {
            let join = out.count
            out += samples[max(0, min(samples.count, range.lowerBound))..<max(0, min(samples.count, range.upperBound))]
            if out.count < join + range.count { out += [Float](repeating: 0, count: join + range.count - out.count) }
            guard index > 0 else { continue }
            let previous = ranges[index - 1]
            // Contiguous stretches need no fade.
            guard previous.upperBound != range.lowerBound else { continue }
            let half = min(fade / 2, previous.count / 2, range.count / 2)
            guard half > 0 else { continue }
            for i in -half..<half {
                let w = Float(0.5 - 0.5 * cos(Double.pi * (Double(i + half) + 0.5) / Double(2 * half)))
                let outgoing = sample(previous.upperBound + i)
                let incoming = sample(range.lowerBound + i)
                out[join + i] = outgoing * (1 - w) + incoming * w
            }
        }
        return out
    }
}
