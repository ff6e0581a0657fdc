import Foundation

/// Chroma and timbre averaged between consecutive grid times (beats), normalised for cosine
/// similarity: unit-length chroma; MFCCs standardised over the song, then unit length.
struct BeatSynchronousFeatures: Sendable {
    /// Unit `count × 12` chroma rows.
    let chroma: [Float]
    /// Unit `count × timbreCount` timbre rows.
    let timbre: [Float]
    /// Number of beats (grid intervals).
    let count: Int

    /// Averages `features` over the intervals between consecutive `grid` times.
    init(_ features: StructureFeatures, grid: [Double]) {
        let cc = StructureFeatureAccumulator.chromaCount, tc = StructureFeatureAccumulator.timbreCount
        let n = max(0, grid.count - 1)
        var chroma = [Float](repeating: 0, count: n * cc)
        var timbre = [Float](repeating: 0, count: n * tc)
        let step = features.blockSeconds
        if step > 0 {
            for u in 0..<n {
                // Blocks whose centre lies in [grid[u], grid[u+1]); at least the nearest one.
                var lo = Int((grid[u] / step - 0.5).rounded(.up)), hi = Int((grid[u + 1] / step - 0.5).rounded(.up))
                lo = min(max(0, lo), features.count - 1)
                hi = min(max(lo + 1, hi), features.count)
                guard lo >= 0, lo < hi else { continue }
                for b in lo..<hi {
                    for c in 0..<cc { chroma[u * cc + c] += features.chroma[b * cc + c] }
                    for c in 0..<tc { timbre[u * tc + c] += features.timbre[b * tc + c] / Float(hi - lo) }
                }
            }
        }
        // Standardise each cepstral coefficient over the song.
        if n > 1 {
            for c in 0..<tc {
                var mean: Float = 0
                for u in 0..<n { mean += timbre[u * tc + c] }
                mean /= Float(n)
                var variance: Float = 0
                for u in 0..<n { variance += pow(timbre[u * tc + c] - mean, 2) }
                let deviation = max(1e-6, (variance / Float(n)).squareRoot())
                for u in 0..<n { timbre[u * tc + c] = (timbre[u * tc + c] - mean) / deviation }
            }
        }
        Self.normalise(&chroma, width: cc)
        Self.normalise(&timbre, width: tc)
        self.chroma = chroma
        self.timbre = timbre
        count = n
    }

    /// The `count × count` self-similarity matrix: the mean of the chroma and timbre cosines.
    func similarityMatrix() -> [Float] {
        let cc = StructureFeatureAccumulator.chromaCount, tc = StructureFeatureAccumulator.timbreCount
        var matrix = [Float](repeating: 0, count: count * count)
        for i in 0..<count {
            for j in i..<count {
                var c: Float = 0, t: Float = 0
                for k in 0..<cc { c += chroma[i * cc + k] * chroma[j * cc + k] }
                for k in 0..<tc { t += timbre[i * tc + k] * timbre[j * tc + k] }
                let s = (c + t) / 2
                matrix[i * count + j] = s
                matrix[j * count + i] = s
            }
        }
        return matrix
    }

    private static func normalise(_ rows: inout [Float], width: Int) {
        guard width > 0 else { return }
        for start in stride(from: 0, to: rows.count, by: width) {
            var norm: Float = 0
            for k in start..<(start + width) { norm += rows[k] * rows[k] }
            norm = norm.squareRoot()
            guard norm > 1e-9 else { continue }
            for k in start..<(start + width) { rows[k] /= norm }
        }
    }
}
