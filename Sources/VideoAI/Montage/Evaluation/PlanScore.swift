import VideoCore

/// How good a montage plan is, as written to `timeline.json` under `"score"`: six measures and
/// their weighted mean, each 0 (bad) – 1 (good).
public struct PlanScore: Codable, Sendable, Equatable {
    /// Share of cuts on a beat frame of the music (within one frame).
    public var beats: Double
    /// Shot-length variety (coefficient of variation near 0.4) and its fit to the energy
    /// (louder music, shorter shots).
    public var pacing: Double
    /// One minus the share of shots that repeat, or nearly repeat, a picture shown within the
    /// three shots before.
    public var duplicates: Double
    /// Screen-time-weighted technical quality (sharpness, exposure) of the media shown.
    public var quality: Double
    /// Share of consecutive shots that keep the media's order.
    public var chronology: Double
    /// Share of the moments (groups of media taken together) that appear at all.
    public var coverage: Double
    /// The weighted mean of the six.
    public var total: Double

    /// Weights of the measures in `total`, in declaration order; they sum to 1.
    public static let weights: [Double] = [0.25, 0.2, 0.15, 0.15, 0.1, 0.15]

    /// Creates a score; `total` is the weighted mean of the six measures.
    /// - Parameters:
    ///   - beats: Cuts on beats.
    ///   - pacing: Variety and fit to the energy.
    ///   - duplicates: Repeats avoided.
    ///   - quality: Media quality.
    ///   - chronology: Order kept.
    ///   - coverage: Moments covered.
    public init(
        beats: Double, pacing: Double, duplicates: Double, quality: Double, chronology: Double, coverage: Double
    ) {
        func r(_ x: Double) -> Double { (min(1, max(0, x)) * 1000).rounded() / 1000 }
        self.beats = r(beats)
        self.pacing = r(pacing)
        self.duplicates = r(duplicates)
        self.quality = r(quality)
        self.chronology = r(chronology)
        self.coverage = r(coverage)
        let parts = [self.beats, self.pacing, self.duplicates, self.quality, self.chronology, self.coverage]
        total = r(zip(parts, Self.weights).map { $0 * $1 }.reduce(0, +))
    }
}
