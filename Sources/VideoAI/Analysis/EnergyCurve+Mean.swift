import VideoCore

extension AudioAnalysisProfile.EnergyCurve {
    /// The mean energy from `from` to `to` seconds (both hops included); the last value past the
    /// end, 0.5 for an empty curve.
    func mean(from: Double, to: Double) -> Double {
        guard hopSeconds > 0, !values.isEmpty else { return 0.5 }
        let lo = max(0, Int(from / hopSeconds)), hi = min(values.count, Int(to / hopSeconds) + 1)
        guard lo < hi else { return values.last ?? 0.5 }
        return values[lo..<hi].reduce(0, +) / Double(hi - lo)
    }
}
